// Test helper: reads files through inferSchema → readPartitions → readSplit into physical rows.
import { rawValueAt, type ColumnBatch } from '../../../src/sql/batch/column-batch.js';
import { inferSchema, readPartitions, readSplit, type ReadPlanningConf } from '../../../src/sql/sources/index.js';
import type { StructType } from '../../../src/sql/types/data-type.js';
import type { FileSource } from '../../../src/planner/logical/logical-plan.js';

export function readAll(format: FileSource['format'], paths: string[], options: Record<string, string> = {}, schema?: StructType, conf: ReadPlanningConf = {}): { schema: StructType; rows: unknown[][] } {
  const s = schema ?? inferSchema(format, paths, options);
  const source: FileSource = { format, paths, options, schema: s };
  const cols = s.fields.map((f) => f.name);
  const rows: unknown[][] = [];
  for (const t of readPartitions(source, cols, [], conf)) {
    for (const b of readSplit(t, cols, [])) rows.push(...toRows(b));
  }
  return { schema: s, rows };
}
export function toRows(b: ColumnBatch): unknown[][] {
  const out: unknown[][] = [];
  for (let i = 0; i < b.numRows; i++) out.push(b.columns.map((c) => rawValueAt(c, i)));
  return out;
}

