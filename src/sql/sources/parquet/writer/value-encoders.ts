// PLAIN encoding of one page's non-null values straight from ColumnBatch arrays, tracking min/max for the
// chunk statistics as it goes. Called by column-chunk-writer.ts; strings with a dictionary go through string-dictionary.ts.
import type { Column } from '../../../batch/column-batch.js';
import { ByteSink } from './byte-sink.js';
import { Phys, type ParquetColumnType } from './parquet-types.js';

/** Running min/max of a chunk: numbers for numeric/bool columns, strings for byte arrays. */
export interface ChunkStats {
  min: number;
  max: number;
  smin: string | undefined;
  smax: string | undefined;
  nulls: number;
}

export const newStats = (): ChunkStats => ({ min: Infinity, max: -Infinity, smin: undefined, smax: undefined, nulls: 0 });

function numbers(out: ByteSink, vals: Int32Array | Float64Array, valid: Uint8Array | null, from: number, to: number, physical: number, st: ChunkStats): void {
  let min = st.min, max = st.max;
  const n = to - from;
  const width = physical === Phys.INT32 || physical === Phys.FLOAT ? 4 : 8;
  out.ensure(n * width);
  const b = out.bytes;
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let p = out.pos;
  // Same-layout fast path: Int32 → INT32 and Float64 → DOUBLE without nulls are a byte copy.
  if (valid === null && ((physical === Phys.INT32 && vals instanceof Int32Array) || (physical === Phys.DOUBLE && vals instanceof Float64Array))) {
    b.set(new Uint8Array(vals.buffer, vals.byteOffset + from * width, n * width), p);
    p += n * width;
    for (let i = from; i < to; i++) {
      const v = vals[i]!;
      if (v < min) min = v;
      if (v > max) max = v;
    }
  } else {
    for (let i = from; i < to; i++) {
      if (valid !== null && valid[i] === 0) continue;
      const v = vals[i]!;
      if (v < min) min = v;
      if (v > max) max = v;
      switch (physical) {
        case Phys.INT32: dv.setInt32(p, v, true); p += 4; break;
        case Phys.INT64: dv.setUint32(p, v >>> 0, true); dv.setInt32(p + 4, Math.floor(v / 4294967296) | 0, true); p += 8; break;
        case Phys.FLOAT: dv.setFloat32(p, v, true); p += 4; break;
        default: dv.setFloat64(p, v, true); p += 8; break;
      }
    }
  }
  out.pos = p;
  st.min = min;
  st.max = max;
}

function booleans(out: ByteSink, vals: Uint8Array, valid: Uint8Array | null, from: number, to: number, st: ChunkStats): void {
  out.ensure(((to - from) >> 3) + 1);
  const b = out.bytes;
  const start = out.pos;
  let bit = 0;
  for (let i = from; i < to; i++) {
    if (valid !== null && valid[i] === 0) continue;
    const v = vals[i]! ? 1 : 0;
    if (v < st.min) st.min = v;
    if (v > st.max) st.max = v;
    if ((bit & 7) === 0) b[start + (bit >> 3)] = 0;
    b[start + (bit >> 3)]! |= v << (bit & 7);
    bit++;
  }
  out.pos = start + ((bit + 7) >> 3);
}

/** Big-endian two's complement of an integer-valued double in `len` bytes (FIXED_LEN_BYTE_ARRAY decimals). */
export function bigEndianBytes(v: number, len: number): Uint8Array {
  let x = BigInt(v);
  if (x < 0n) x += 1n << BigInt(8 * len);
  const r = new Uint8Array(len);
  for (let k = len - 1; k >= 0; k--) { r[k] = Number(x & 0xffn); x >>= 8n; }
  return r;
}

function fixedDecimals(out: ByteSink, vals: Float64Array, valid: Uint8Array | null, from: number, to: number, len: number, st: ChunkStats): void {
  for (let i = from; i < to; i++) {
    if (valid !== null && valid[i] === 0) continue;
    const v = vals[i]!;
    if (v < st.min) st.min = v;
    if (v > st.max) st.max = v;
    out.append(bigEndianBytes(v, len));
  }
}

export function trackString(st: ChunkStats, s: string): void {
  if (st.smin === undefined || s < st.smin) st.smin = s;
  if (st.smax === undefined || s > st.smax) st.smax = s;
}

function plainStrings(out: ByteSink, col: Column, from: number, to: number, st: ChunkStats): void {
  const valid = col.valid;
  for (let i = from; i < to; i++) {
    if (valid !== null && valid[i] === 0) continue;
    const s = col.kind === 'dict' ? col.dictionary[col.ids[i]!]! : col.kind === 'str' ? col.values[i] : null;
    if (s === null || s === undefined) continue;
    trackString(st, s);
    out.lengthPrefixedUtf8(s);
  }
}

/** PLAIN-encodes the non-null values of rows [from, to) of `col`. */
export function encodePlain(out: ByteSink, col: Column, from: number, to: number, pt: ParquetColumnType, st: ChunkStats): void {
  switch (col.kind) {
    case 'bool': return booleans(out, col.values, col.valid, from, to, st);
    case 'i32': return numbers(out, col.values, col.valid, from, to, pt.physical, st);
    case 'f64':
      if (pt.physical === Phys.FIXED_LEN_BYTE_ARRAY) return fixedDecimals(out, col.values, col.valid, from, to, pt.typeLength, st);
      return numbers(out, col.values, col.valid, from, to, pt.physical, st);
    case 'str': case 'dict': return plainStrings(out, col, from, to, st);
    case 'obj': throw new Error('parquet writer: object columns are not supported');
  }
}
