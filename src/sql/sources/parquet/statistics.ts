// Column-chunk min/max statistics decoded per physical/logical type into comparable JS values:
// ints/floats/decimals/dates (days) → number, INT64 ints and timestamps (micros) → bigint,
// strings → string, binary → Uint8Array, booleans → boolean. Called by file-reader.ts.
import type { RawStatistics } from './metadata.js';
import { PhysicalType } from './metadata.js';
import type { LeafColumn } from './schema.js';

export type StatValue = number | bigint | string | boolean | Uint8Array;

export interface DecodedStats {
  readonly min?: StatValue;
  readonly max?: StatValue;
  readonly nullCount?: number;
}

const utf8 = new TextDecoder();

export function decodeStats(raw: RawStatistics | undefined, leaf: LeafColumn): DecodedStats {
  if (!raw) return {};
  // deprecated min/max used signed byte order: meaningless for byte arrays
  const unreliable = raw.legacy && (leaf.physical === PhysicalType.BYTE_ARRAY || leaf.physical === PhysicalType.FIXED_LEN_BYTE_ARRAY);
  const min = unreliable || !raw.min ? undefined : value(raw.min, leaf);
  const max = unreliable || !raw.max ? undefined : value(raw.max, leaf);
  return {
    ...(min !== undefined ? { min } : {}),
    ...(max !== undefined ? { max } : {}),
    ...(raw.nullCount !== undefined ? { nullCount: raw.nullCount } : {}),
  };
}

function value(b: Uint8Array, leaf: LeafColumn): StatValue | undefined {
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  switch (leaf.physical) {
    case PhysicalType.BOOLEAN: return b.length >= 1 ? b[0] === 1 : undefined;
    case PhysicalType.INT32: {
      if (b.length < 4) return undefined;
      const v = leaf.kind === 'uint32' ? dv.getUint32(0, true) : dv.getInt32(0, true);
      return leaf.kind === 'decimal' ? v / 10 ** leaf.scale : v;
    }
    case PhysicalType.INT64: {
      if (b.length < 8) return undefined;
      const v = leaf.kind === 'uint64' ? dv.getBigUint64(0, true) : dv.getBigInt64(0, true);
      switch (leaf.kind) {
        case 'decimal': return Number(v) / 10 ** leaf.scale;
        case 'timestamp-millis': return v * 1000n;
        case 'timestamp-nanos': return v >= 0n ? v / 1000n : -((-v + 999n) / 1000n);
        default: return v;
      }
    }
    case PhysicalType.FLOAT: { const f = b.length >= 4 ? dv.getFloat32(0, true) : NaN; return Number.isNaN(f) ? undefined : f; }
    case PhysicalType.DOUBLE: { const f = b.length >= 8 ? dv.getFloat64(0, true) : NaN; return Number.isNaN(f) ? undefined : f; }
    case PhysicalType.INT96: return undefined; // INT96 order is undefined in the spec
    case PhysicalType.BYTE_ARRAY: case PhysicalType.FIXED_LEN_BYTE_ARRAY:
      if (leaf.kind === 'decimal') return bigEndianToNumber(b) / 10 ** leaf.scale;
      return leaf.kind === 'string' ? utf8.decode(b) : b.slice();
    default: return undefined;
  }
}

function bigEndianToNumber(b: Uint8Array): number {
  let v = 0;
  for (let i = 0; i < b.length; i++) v = v * 256 + b[i]!;
  return b.length > 0 && b[0]! >= 0x80 ? v - 256 ** b.length : v;
}
