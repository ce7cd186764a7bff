// toArrow(): result batches as an apache-arrow Table with Spark types mapped to Arrow's (decimals as Float64
// values scaled back, dates as DateDay, timestamps as TimestampMicrosecond, arrays as List, structs as Struct,
// maps as Map; binary as Binary, intervals as their text).
import {
  Binary, Bool, DateDay, Field, Float32, Float64, Int8, Int16, Int32, Int64, List, Map_, Struct, Table, TimestampMicrosecond, Utf8, vectorFromArray,
  type DataType as ArrowType, type Vector,
} from 'apache-arrow';
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
    case 'binary': return new Binary();
    case 'array': return new List(new Field('element', arrowType(t.element), true));
    case 'struct': return new Struct(t.fields.map((f) => new Field(f.name, arrowType(f.type), f.nullable)));
    case 'map': {
      const entries: Field[] = [new Field('key', arrowType(t.key), false), new Field('value', arrowType(t.value), true)];
      return new Map_(new Field('entries', new Struct(entries as never)));
    }
    default: return new Utf8();
  }
}

function toArrowValue(v: unknown, t: DataType): unknown {
  if (v === null || v === undefined) return null;
  switch (t.kind) {
    case 'long': return BigInt(Math.trunc(v as number));
    case 'date': return v as Date;
    case 'timestamp': case 'timestamp_ntz': return (v as Date).getTime();
    case 'string': case 'boolean': case 'byte': case 'short': case 'int': case 'float': case 'double': case 'decimal': case 'binary': return v;
    case 'array': return (v as readonly unknown[]).map((e) => toArrowValue(e, t.element));
    case 'struct': {
      const o = v as Record<string, unknown>;
      return Object.fromEntries(t.fields.map((f) => [f.name, toArrowValue(o[f.name], f.type)]));
    }
    case 'map': return new Map([...(v as Map<unknown, unknown>)].map(([k, x]) => [toArrowValue(k, t.key), toArrowValue(x, t.value)]));
    default: return typeof v === 'string' ? v : String(v);
  }
}
