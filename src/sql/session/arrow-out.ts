// toArrow(): result batches as an apache-arrow Table with Spark types mapped to Arrow's (decimals as Float64
// values scaled back, dates as DateDay, timestamps as TimestampMicrosecond).
import { Bool, DateDay, Float64, Int32, Int64, Table, TimestampMicrosecond, Utf8, Float32, Int8, Int16, vectorFromArray, type DataType as ArrowType, type Vector } from 'apache-arrow';
import { valueToJs } from '../../planner/expr/index.js';
import { rawValueAt, type ColumnBatch } from '../batch/column-batch.js';
import type { DataType, StructType } from '../types/data-type.js';

export function batchesToArrow(schema: StructType, batches: readonly ColumnBatch[]): Table {
  const columns: Record<string, Vector> = {};
  schema.fields.forEach((f, c) => {
    const values: unknown[] = [];
    for (const b of batches) for (let i = 0; i < b.numRows; i++) values.push(toArrowValue(valueToJs(rawValueAt(b.columns[c]!, i), f.type), f.type));
    columns[f.name] = vectorFromArray(values, arrowType(f.type));
  });
  return new Table(columns);
}

function arrowType(t: DataType): ArrowType {
  switch (t.kind) {
    case 'boolean': return new Bool();
    case 'byte': return new Int8();
    case 'short': return new Int16();
    case 'int': return new Int32();
    case 'long': return new Int64();
    case 'float': return new Float32();
    case 'double': case 'decimal': return new Float64();
    case 'date': return new DateDay();
    case 'timestamp': case 'timestamp_ntz': return new TimestampMicrosecond();
    default: return new Utf8();
  }
}

function toArrowValue(v: unknown, t: DataType): unknown {
  if (v === null || v === undefined) return null;
  switch (t.kind) {
    case 'long': return BigInt(Math.trunc(v as number));
    case 'date': return v as Date;
    case 'timestamp': case 'timestamp_ntz': return (v as Date).getTime();
    case 'string': case 'boolean': case 'byte': case 'short': case 'int': case 'float': case 'double': case 'decimal': return v;
    default: return typeof v === 'string' ? v : JSON.stringify(v, (_k, x) => (x instanceof Map ? Object.fromEntries(x) : x));
  }
}
