// The columnar batch every SQL operator consumes and produces. Physical layout per Spark type:
//   boolean                        -> Uint8Array (0/1)
//   byte, short, int, date (days)  -> Int32Array
//   long, float, double, timestamp (µs since epoch), timestamp_ntz (µs)
//                                  -> Float64Array  (long is exact up to 2^53: a documented limit)
//   decimal(p, s)                  -> Float64Array holding the UNSCALED value (value × 10^s), exact up to 2^53,
//                                     so sums of money are exact to the cent
//   string                         -> string[]  (or dictionary: Int32Array ids into a string[] dictionary)
//   binary, array, map, struct, intervals -> unknown[] (Uint8Array, JS arrays, Map, plain objects)
// `valid` is null when no value is null, else one byte per row (1 = valid). Batches are plain data: they
// structured-clone and msgpack as they are, which is how they cross threads and shuffles.
import type { DataType, StructType } from '../types/data-type.js';

export type Column =
  | { readonly kind: 'bool'; readonly values: Uint8Array; readonly valid: Uint8Array | null }
  | { readonly kind: 'i32'; readonly values: Int32Array; readonly valid: Uint8Array | null }
  | { readonly kind: 'f64'; readonly values: Float64Array; readonly valid: Uint8Array | null }
  | { readonly kind: 'str'; readonly values: readonly (string | null)[]; readonly valid: Uint8Array | null }
  | { readonly kind: 'dict'; readonly ids: Int32Array; readonly dictionary: readonly string[]; readonly valid: Uint8Array | null }
  | { readonly kind: 'obj'; readonly values: readonly unknown[]; readonly valid: Uint8Array | null };

export interface ColumnBatch {
  readonly numRows: number;
  readonly columns: readonly Column[];
}

export type PhysicalKind = Column['kind'];

/** The physical column kind used for a Spark type (dict is an alternative encoding of str). */
export function physicalKind(t: DataType): Exclude<PhysicalKind, 'dict'> {
  switch (t.kind) {
    case 'boolean': return 'bool';
    case 'byte': case 'short': case 'int': case 'date': return 'i32';
    case 'long': case 'float': case 'double': case 'decimal': case 'timestamp': case 'timestamp_ntz': return 'f64';
    case 'string': return 'str';
    default: return 'obj';
  }
}

export function isNullAt(c: Column, i: number): boolean {
  return c.valid !== null && c.valid[i] === 0;
}

/** The value at row i as a JS value in the physical representation (unscaled decimals, µs timestamps, day numbers). */
export function rawValueAt(c: Column, i: number): unknown {
  if (c.valid !== null && c.valid[i] === 0) return null;
  switch (c.kind) {
    case 'bool': return c.values[i] === 1;
    case 'i32': case 'f64': return c.values[i];
    case 'str': return c.values[i];
    case 'dict': return c.dictionary[c.ids[i]!];
    case 'obj': return c.values[i];
  }
}

export function emptyBatch(schema: StructType): ColumnBatch {
  return { numRows: 0, columns: schema.fields.map((f) => emptyColumn(f.type)) };
}

export function emptyColumn(t: DataType): Column {
  switch (physicalKind(t)) {
    case 'bool': return { kind: 'bool', values: new Uint8Array(0), valid: null };
    case 'i32': return { kind: 'i32', values: new Int32Array(0), valid: null };
    case 'f64': return { kind: 'f64', values: new Float64Array(0), valid: null };
    case 'str': return { kind: 'str', values: [], valid: null };
    case 'obj': return { kind: 'obj', values: [], valid: null };
  }
}
