// Decoded column chunk → arrow.Data of the column's Arrow type (schema.ts), converting logical
// types (decimals, timestamps, narrow ints) in one pass over typed arrays. Called by row-group-reader.ts.
import * as arrow from 'apache-arrow';
import type { DecodedColumn } from './column-chunk.js';
import { PhysicalType } from './metadata.js';
import type { LeafColumn } from './schema.js';

type Buf = { buffer: ArrayBufferLike; byteOffset: number; length: number };
const view = <T>(ctor: new (b: ArrayBufferLike, o: number, n: number) => T, b: Uint8Array, bytesPer: number): T =>
  new ctor(b.buffer, b.byteOffset, b.length / bytesPer);

export function toArrowData(col: DecodedColumn, leaf: LeafColumn, type: arrow.DataType): arrow.Data {
  const base = { length: col.length, nullCount: col.nullCount, nullBitmap: col.validity ?? undefined };
  const fixed = col.fixed;
  if (type instanceof arrow.Dictionary) {
    const dict = col.bytes!;
    const dictData = arrow.makeData({ type: new arrow.Utf8(), length: dict.count, valueOffsets: dict.offsets.subarray(0, dict.count + 1), data: dict.data.subarray(0, dict.byteLength) });
    return arrow.makeData({ type, ...base, data: col.ids!, dictionary: arrow.makeVector(dictData) });
  }
  if (type instanceof arrow.Utf8 || type instanceof arrow.Binary) {
    const { offsets, data } = col.ids ? materialize(col) : { offsets: col.bytes!.offsets.subarray(0, col.length + 1), data: col.bytes!.data.subarray(0, col.bytes!.byteLength) };
    return type instanceof arrow.Utf8
      ? arrow.makeData({ type, ...base, valueOffsets: offsets, data })
      : arrow.makeData({ type: type as arrow.Binary, ...base, valueOffsets: offsets, data });
  }
  switch (leaf.kind) {
    case 'int8': return arrow.makeData({ type: type as arrow.Int8, ...base, data: Int8Array.from(view(Int32Array, fixed!, 4)) });
    case 'uint8': return arrow.makeData({ type: type as arrow.Uint8, ...base, data: Uint8Array.from(view(Int32Array, fixed!, 4)) });
    case 'int16': return arrow.makeData({ type: type as arrow.Int16, ...base, data: Int16Array.from(view(Int32Array, fixed!, 4)) });
    case 'uint16': return arrow.makeData({ type: type as arrow.Uint16, ...base, data: Uint16Array.from(view(Int32Array, fixed!, 4)) });
    case 'int32': return arrow.makeData({ type: type as arrow.Int32, ...base, data: view(Int32Array, fixed!, 4) });
    case 'uint32': return arrow.makeData({ type: type as arrow.Uint32, ...base, data: view(Uint32Array, fixed!, 4) });
    case 'date': return arrow.makeData({ type: type as arrow.DateDay, ...base, data: view(Int32Array, fixed!, 4) });
    case 'time-millis': return arrow.makeData({ type: type as arrow.TimeMillisecond, ...base, data: view(Int32Array, fixed!, 4) });
    case 'int64': return arrow.makeData({ type: type as arrow.Int64, ...base, data: view(BigInt64Array, fixed!, 8) });
    case 'uint64': return arrow.makeData({ type: type as arrow.Uint64, ...base, data: view(BigUint64Array, fixed!, 8) });
    case 'timestamp-micros': case 'time-micros':
      return arrow.makeData({ type: type as arrow.TimestampMicrosecond, ...base, data: view(BigInt64Array, fixed!, 8) });
    case 'timestamp-millis': return arrow.makeData({ type: type as arrow.TimestampMicrosecond, ...base, data: scale64(fixed!, 1000n, 1n) });
    case 'timestamp-nanos': case 'time-nanos':
      return arrow.makeData({ type: type as arrow.TimestampMicrosecond, ...base, data: scale64(fixed!, 1n, 1000n) });
    case 'int96': return arrow.makeData({ type: type as arrow.TimestampMicrosecond, ...base, data: int96ToMicros(fixed!, col.length) });
    case 'float32': return arrow.makeData({ type: type as arrow.Float32, ...base, data: view(Float32Array, fixed!, 4) });
    case 'float64': return arrow.makeData({ type: type as arrow.Float64, ...base, data: view(Float64Array, fixed!, 8) });
    case 'bool': return arrow.makeData({ type: type as arrow.Bool, ...base, data: fixed! });
    case 'decimal':
      if (type instanceof arrow.Float64) return arrow.makeData({ type, ...base, data: decimalToFloat64(col, leaf) });
      return arrow.makeData({ type: type as arrow.Decimal, ...base, data: decimalTo128(col, leaf) });
    case 'fixed-binary': return arrow.makeData({ type: type as arrow.FixedSizeBinary, ...base, data: fixed! });
    case 'string': case 'binary':
      throw new Error('unreachable: byte arrays handled above');
  }
}

/** Dictionary ids → contiguous offsets + bytes (when the caller wants plain Utf8/Binary). */
function materialize(col: DecodedColumn): { offsets: Int32Array; data: Uint8Array } {
  const ids = col.ids!, dict = col.bytes!, dOff = dict.offsets, dData = dict.data, n = col.length;
  const offsets = new Int32Array(n + 1);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const id = ids[i]!;
    if (col.validity === null || (col.validity[i >>> 3]! >>> (i & 7)) & 1) total += dOff[id + 1]! - dOff[id]!;
    offsets[i + 1] = total;
  }
  const data = new Uint8Array(total);
  for (let i = 0; i < n; i++) {
    const at = offsets[i]!, len = offsets[i + 1]! - at;
    if (len === 0) continue;
    const s = dOff[ids[i]!]!;
    if (len < 24) for (let k = 0; k < len; k++) data[at + k] = dData[s + k]!;
    else data.set(dData.subarray(s, s + len), at);
  }
  return { offsets, data };
}

function scale64(b: Buf & Uint8Array, mul: bigint, div: bigint): BigInt64Array {
  const src = view(BigInt64Array, b, 8), n = src.length, out = new BigInt64Array(n);
  for (let i = 0; i < n; i++) {
    const v = src[i]!;
    if (v === 0n) continue;
    // floor division, so pre-epoch nanos round down like Spark's Math.floorDiv
    out[i] = div === 1n ? v * mul : v >= 0n ? v / div : -((-v + div - 1n) / div);
  }
  return out;
}

const JULIAN_UNIX_EPOCH = 2440588;
function int96ToMicros(b: Uint8Array, n: number): BigInt64Array {
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength), out = new BigInt64Array(n);
  for (let i = 0; i < n; i++) {
    const nanos = dv.getBigInt64(i * 12, true), day = dv.getInt32(i * 12 + 8, true);
    if (day === 0 && nanos === 0n) continue; // null slot
    out[i] = BigInt(day - JULIAN_UNIX_EPOCH) * 86400000000n + nanos / 1000n;
  }
  return out;
}

/** Unscaled decimal as 4 little-endian int32 words per value (Arrow Decimal128). */
function decimalTo128(col: DecodedColumn, leaf: LeafColumn): Uint32Array {
  const n = col.length, out = new Int32Array(n * 4);
  if (leaf.physical === PhysicalType.INT32) {
    const src = view(Int32Array, col.fixed!, 4);
    for (let i = 0, o = 0; i < n; i++, o += 4) { const v = src[i]!, s = v >> 31; out[o] = v; out[o + 1] = s; out[o + 2] = s; out[o + 3] = s; }
  } else if (leaf.physical === PhysicalType.INT64) {
    const src = view(Int32Array, col.fixed!, 4);
    for (let i = 0, o = 0; i < n; i++, o += 4) { const hi = src[2 * i + 1]!, s = hi >> 31; out[o] = src[2 * i]!; out[o + 1] = hi; out[o + 2] = s; out[o + 3] = s; }
  } else {
    // big-endian two's complement bytes (FIXED_LEN_BYTE_ARRAY or BYTE_ARRAY), at most 16
    const bytes = new Uint8Array(out.buffer);
    for (let i = 0; i < n; i++) {
      const [src, start, len] = bigEndianSlot(col, i, leaf);
      if (len === 0) continue;
      const neg = src[start]! >= 0x80;
      for (let k = 0; k < 16; k++) bytes[i * 16 + k] = k < len ? src[start + len - 1 - k]! : neg ? 0xff : 0;
    }
  }
  return new Uint32Array(out.buffer);
}

function decimalToFloat64(col: DecodedColumn, leaf: LeafColumn): Float64Array {
  const n = col.length, out = new Float64Array(n), div = 10 ** leaf.scale;
  if (leaf.physical === PhysicalType.INT32) {
    const src = view(Int32Array, col.fixed!, 4);
    for (let i = 0; i < n; i++) out[i] = src[i]! / div;
  } else if (leaf.physical === PhysicalType.INT64) {
    const src = view(Int32Array, col.fixed!, 4);
    for (let i = 0; i < n; i++) out[i] = (src[2 * i + 1]! * 4294967296 + (src[2 * i]! >>> 0)) / div;
  } else {
    for (let i = 0; i < n; i++) {
      const [src, start, len] = bigEndianSlot(col, i, leaf);
      let v = 0;
      for (let k = 0; k < len; k++) v = v * 256 + src[start + k]!;
      if (len > 0 && src[start]! >= 0x80) v -= 256 ** len;
      out[i] = v / div;
    }
  }
  return out;
}

function bigEndianSlot(col: DecodedColumn, i: number, leaf: LeafColumn): [Uint8Array, number, number] {
  if (col.width > 0) return [col.fixed!, i * leaf.typeLength, leaf.typeLength];
  const b = col.bytes!, id = col.ids ? col.ids[i]! : i;
  const s = b.offsets[id]!, len = b.offsets[id + 1]! - s;
  if (len > 16) throw new RangeError(`decimal of ${len} bytes exceeds Decimal128`);
  return [b.data, s, col.validity && !((col.validity[i >>> 3]! >>> (i & 7)) & 1) ? 0 : len];
}
