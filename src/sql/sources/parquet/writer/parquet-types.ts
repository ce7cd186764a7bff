// Spark type → Parquet physical type, annotations and per-value width, as Spark's ParquetWriteSupport writes
// them (non-legacy format): decimals ≤ 9 digits INT32, ≤ 18 INT64, above FIXED_LEN_BYTE_ARRAY.
import { TsSparkError } from '../../../../common/errors.js';
import type { DataType } from '../../../types/data-type.js';
import { simpleString } from '../../../types/data-type.js';

export const Phys = { BOOLEAN: 0, INT32: 1, INT64: 2, FLOAT: 4, DOUBLE: 5, BYTE_ARRAY: 6, FIXED_LEN_BYTE_ARRAY: 7 } as const;
export const Conv = { UTF8: 0, DECIMAL: 5, DATE: 6, TIMESTAMP_MICROS: 10, INT_8: 15, INT_16: 16 } as const;

export type Logical =
  | { readonly kind: 'string' | 'date' }
  | { readonly kind: 'decimal'; readonly precision: number; readonly scale: number }
  | { readonly kind: 'timestamp'; readonly utc: boolean }
  | { readonly kind: 'int'; readonly bits: number };

export interface ParquetColumnType {
  readonly physical: number;
  readonly typeLength: number;
  readonly converted: number | undefined;
  readonly logical: Logical | undefined;
  readonly precision: number;
  readonly scale: number;
}

const plain = (physical: number): ParquetColumnType => ({ physical, typeLength: 0, converted: undefined, logical: undefined, precision: 0, scale: 0 });

/** Bytes of the smallest two's-complement integer holding every unscaled value of `precision` digits. */
export function decimalBytes(precision: number): number {
  let n = 1;
  while (2 ** (8 * n - 1) < 10 ** precision) n++;
  return n;
}

export function parquetTypeOf(t: DataType, column: string): ParquetColumnType {
  switch (t.kind) {
    case 'boolean': return plain(Phys.BOOLEAN);
    case 'byte': return { ...plain(Phys.INT32), converted: Conv.INT_8, logical: { kind: 'int', bits: 8 } };
    case 'short': return { ...plain(Phys.INT32), converted: Conv.INT_16, logical: { kind: 'int', bits: 16 } };
    case 'int': return plain(Phys.INT32);
    case 'long': return plain(Phys.INT64);
    case 'float': return plain(Phys.FLOAT);
    case 'double': return plain(Phys.DOUBLE);
    case 'string': return { ...plain(Phys.BYTE_ARRAY), converted: Conv.UTF8, logical: { kind: 'string' } };
    case 'date': return { ...plain(Phys.INT32), converted: Conv.DATE, logical: { kind: 'date' } };
    case 'timestamp': return { ...plain(Phys.INT64), converted: Conv.TIMESTAMP_MICROS, logical: { kind: 'timestamp', utc: true } };
    case 'timestamp_ntz': return { ...plain(Phys.INT64), logical: { kind: 'timestamp', utc: false } };
    case 'decimal': {
      const physical = t.precision <= 9 ? Phys.INT32 : t.precision <= 18 ? Phys.INT64 : Phys.FIXED_LEN_BYTE_ARRAY;
      return {
        physical, typeLength: physical === Phys.FIXED_LEN_BYTE_ARRAY ? decimalBytes(t.precision) : 0,
        converted: Conv.DECIMAL, logical: { kind: 'decimal', precision: t.precision, scale: t.scale },
        precision: t.precision, scale: t.scale,
      };
    }
    default:
      throw new TsSparkError('UNSUPPORTED', `parquet writer: column ${column} of type ${simpleString(t)} is not supported`, { details: { column } });
  }
}
