// Parquet column chunks straight into ColumnBatch columns, skipping Arrow for the common layouts: int32/date
// and double as zero-copy views of the decoded buffers, int64/timestamp/INT32-INT64 decimals as f64 (decimals
// unscaled), dictionary strings as 'dict' columns, plain strings decoded once. Other layouts return undefined
// and take the Arrow path (parquet-scan.ts).
import type { Column } from '../batch/column-batch.js';
import { physicalKind } from '../batch/column-batch.js';
import type { DataType } from '../types/data-type.js';
import type { DecodedColumn } from './parquet/column-chunk.js';
import { PhysicalType } from './parquet/metadata.js';
import type { LeafColumn } from './parquet/schema.js';

function validOf(col: DecodedColumn): Uint8Array | null {
  const bits = col.validity;
  if (col.nullCount === 0 || bits === null) return null;
  const n = col.length, out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = (bits[i >>> 3]! >>> (i & 7)) & 1;
  return out;
}

function int32View(col: DecodedColumn): Int32Array {
  const f = col.fixed!;
  return new Int32Array(f.buffer, f.byteOffset, col.length);
}

function int64ToF64(col: DecodedColumn): Float64Array {
  const f = col.fixed!, w = new Int32Array(f.buffer, f.byteOffset, col.length * 2), n = col.length, out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = w[2 * i + 1]! * 4294967296 + (w[2 * i]! >>> 0);
  return out;
}

function isAscii(b: Uint8Array, len: number): boolean {
  let acc = 0;
  for (let i = 0; i < len; i++) acc |= b[i]!;
  return acc < 0x80;
}

/** Strings i ∈ [0, count) of an offsets + bytes buffer. */
function decodeStrings(offsets: Int32Array, data: Uint8Array, byteLength: number, count: number, valid: Uint8Array | null): (string | null)[] {
  const buf = Buffer.from(data.buffer, data.byteOffset, byteLength);
  const enc = isAscii(data, byteLength) ? 'latin1' : 'utf8';
  const out = new Array<string | null>(count);
  for (let i = 0; i < count; i++) out[i] = valid !== null && valid[i] === 0 ? null : buf.toString(enc, offsets[i]!, offsets[i + 1]!);
  return out;
}

/** The column for a decoded chunk, or undefined when this layout goes through Arrow. */
export function directColumn(col: DecodedColumn, leaf: LeafColumn, want: DataType): Column | undefined {
  const pk = physicalKind(want);
  const n = col.length;
  switch (leaf.kind) {
    case 'int8': case 'int16': case 'uint8': case 'uint16': case 'int32': case 'date':
      if (pk === 'i32') return { kind: 'i32', values: int32View(col), valid: validOf(col) };
      if (pk === 'f64') return { kind: 'f64', values: Float64Array.from(int32View(col)), valid: validOf(col) };
      return undefined;
    case 'int64': case 'timestamp-micros':
      return pk === 'f64' ? { kind: 'f64', values: int64ToF64(col), valid: validOf(col) } : undefined;
    case 'float64':
      return pk === 'f64' ? { kind: 'f64', values: new Float64Array(col.fixed!.buffer, col.fixed!.byteOffset, n), valid: validOf(col) } : undefined;
    case 'float32':
      return pk === 'f64' ? { kind: 'f64', values: Float64Array.from(new Float32Array(col.fixed!.buffer, col.fixed!.byteOffset, n)), valid: validOf(col) } : undefined;
    case 'decimal':
      if (pk !== 'f64' || want.kind !== 'decimal' || want.scale !== leaf.scale) return undefined;
      if (leaf.physical === PhysicalType.INT32) return { kind: 'f64', values: Float64Array.from(int32View(col)), valid: validOf(col) };
      if (leaf.physical === PhysicalType.INT64) return { kind: 'f64', values: int64ToF64(col), valid: validOf(col) };
      return undefined;
    case 'string': {
      if (pk !== 'str') return undefined;
      const valid = validOf(col), b = col.bytes!;
      if (col.ids) {
        const dictionary = decodeStrings(b.offsets, b.data, b.byteLength, b.count, null) as string[];
        return { kind: 'dict', ids: col.ids, dictionary, valid };
      }
      return { kind: 'str', values: decodeStrings(b.offsets, b.data, b.byteLength, n, valid), valid };
    }
    default:
      return undefined;
  }
}
