// CSV (header, comma-separated, RFC 4180 quoting) and JSON-lines output of a generation task, for
// `tpch gen --format csv|json`. Money as plain decimals, dates as yyyy-mm-dd.
import fs from 'node:fs';
import path from 'node:path';
import type { Column, ColumnBatch } from '../../src/sql/batch/column-batch.js';
import type { StructType } from '../../src/sql/types/data-type.js';
import { generatePartition, tpchSchema, type GenOptions, type GenTask, type TpchTable } from './dbgen/index.js';

function cellText(c: Column, i: number, scale: number, isDate: boolean): string | number {
  switch (c.kind) {
    case 'i32': return isDate ? new Date(c.values[i]! * 86_400_000).toISOString().slice(0, 10) : c.values[i]!;
    case 'f64': return scale > 0 ? (c.values[i]! / 10 ** scale).toFixed(scale) : c.values[i]!;
    case 'str': return c.values[i] ?? '';
    case 'dict': return c.dictionary[c.ids[i]!]!;
    default: return String(c.values[i]);
  }
}

function writeOne(file: string, schema: StructType, batches: Iterable<ColumnBatch>, format: 'csv' | 'json'): number {
  const fd = fs.openSync(file, 'w');
  let rows = 0;
  const names = schema.fields.map((f) => f.name);
  const scales = schema.fields.map((f) => (f.type.kind === 'decimal' ? f.type.scale : 0));
  const dates = schema.fields.map((f) => f.type.kind === 'date');
  const quote = (v: string | number): string => (typeof v === 'number' ? String(v) : /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  try {
    if (format === 'csv') fs.writeSync(fd, `${names.join(',')}\n`);
    for (const b of batches) {
      const lines: string[] = [];
      for (let i = 0; i < b.numRows; i++) {
        const vals = b.columns.map((c, k) => cellText(c, i, scales[k]!, dates[k]!));
        if (format === 'csv') lines.push(vals.map(quote).join(','));
        else lines.push(JSON.stringify(Object.fromEntries(names.map((n, k) => [n, scales[k]! > 0 ? Number(vals[k]) : vals[k]]))));
      }
      if (lines.length > 0) fs.writeSync(fd, `${lines.join('\n')}\n`);
      rows += b.numRows;
    }
  } finally {
    fs.closeSync(fd);
  }
  return rows;
}

export function writeTextFormat(dir: string, task: GenTask, opts: GenOptions, format: 'csv' | 'json'): Record<string, number> {
  const tables: TpchTable[] = task.table === 'orders' ? ['orders', 'lineitem'] : [task.table];
  const out: Record<string, number> = {};
  for (const t of tables) {
    fs.mkdirSync(path.join(dir, t), { recursive: true });
    const file = path.join(dir, t, `part-${String(task.part).padStart(5, '0')}.${format}`);
    out[t] = writeOne(file, tpchSchema(t, opts.decimal ?? true), generatePartition(t, task.part, task.parts, opts), format);
  }
  return out;
}
