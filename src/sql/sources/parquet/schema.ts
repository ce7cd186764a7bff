// Parquet schema tree → flat column descriptors (max definition/repetition levels, leaf index)
// and the Arrow field of each readable top-level column. Called by file-reader.ts once per footer.
import * as arrow from 'apache-arrow';
import { TsSparkError } from '../../../common/errors.js';
import { Converted, PhysicalType, Repetition, type FileMetaData, type SchemaElement } from './metadata.js';

/** How decimals and dictionary-encoded strings are surfaced; see index.ts for the defaults' reasons. */
export interface ParquetReadOptions {
  readonly decimalAs?: 'decimal128' | 'float64';
  readonly stringsAsDictionary?: boolean;
}

export type LogicalKind =
  | 'int8' | 'int16' | 'int32' | 'int64' | 'uint8' | 'uint16' | 'uint32' | 'uint64'
  | 'float32' | 'float64' | 'bool' | 'date' | 'timestamp-millis' | 'timestamp-micros' | 'timestamp-nanos' | 'int96'
  | 'time-millis' | 'time-micros' | 'time-nanos' | 'decimal' | 'string' | 'binary' | 'fixed-binary';

export interface LeafColumn {
  readonly name: string;
  /** Index of this column's chunk in every row group. */
  readonly leafIndex: number;
  readonly physical: number;
  readonly typeLength: number;
  readonly maxDef: number;
  readonly kind: LogicalKind;
  readonly scale: number;
  readonly precision: number;
}

export interface TopLevelColumn {
  readonly name: string;
  /** Undefined for nested (group / repeated) columns, which this reader does not decode. */
  readonly leaf: LeafColumn | undefined;
}

export function topLevelColumns(meta: FileMetaData, file: string): TopLevelColumn[] {
  const s = meta.schema;
  if (s.length === 0) throw new TsSparkError('CORRUPT_FILE', `parquet file ${file} has an empty schema`, { details: { path: file } });
  const out: TopLevelColumn[] = [];
  let pos = 1, leafIndex = 0;
  // returns the number of leaves under the element at `pos` and advances `pos` past its subtree
  const skip = (): number => {
    const e = s[pos++];
    if (!e) throw new TsSparkError('CORRUPT_FILE', `parquet file ${file} has a truncated schema`, { details: { path: file } });
    if (e.numChildren === 0 && e.type !== undefined) return 1;
    let n = 0;
    for (let i = 0; i < e.numChildren; i++) n += skip();
    return n;
  };
  for (let c = 0; c < s[0]!.numChildren; c++) {
    const e = s[pos];
    if (!e) throw new TsSparkError('CORRUPT_FILE', `parquet file ${file} has a truncated schema`, { details: { path: file } });
    const flat = e.type !== undefined && e.numChildren === 0 && e.repetition !== Repetition.REPEATED;
    const leaves = skip();
    out.push({ name: e.name, leaf: flat ? leafOf(e, leafIndex) : undefined });
    leafIndex += leaves;
  }
  return out;
}

function leafOf(e: SchemaElement, leafIndex: number): LeafColumn {
  const dec = e.logical?.kind === 'decimal' ? e.logical : e.converted === Converted.DECIMAL ? { scale: e.scale, precision: e.precision } : undefined;
  return {
    name: e.name,
    leafIndex,
    physical: e.type!,
    typeLength: e.typeLength,
    maxDef: e.repetition === Repetition.OPTIONAL ? 1 : 0,
    kind: dec ? 'decimal' : kindOf(e),
    scale: dec?.scale ?? 0,
    precision: dec?.precision ?? 0,
  };
}

function kindOf(e: SchemaElement): LogicalKind {
  const l = e.logical, c = e.converted;
  switch (e.type) {
    case PhysicalType.BOOLEAN: return 'bool';
    case PhysicalType.FLOAT: return 'float32';
    case PhysicalType.DOUBLE: return 'float64';
    case PhysicalType.INT96: return 'int96';
    case PhysicalType.INT32:
      if (l?.kind === 'date' || c === Converted.DATE) return 'date';
      if (l?.kind === 'time' || c === Converted.TIME_MILLIS) return 'time-millis';
      if (l?.kind === 'integer') {
        const w = l.bitWidth;
        return l.signed ? (w === 8 ? 'int8' : w === 16 ? 'int16' : 'int32') : w === 8 ? 'uint8' : w === 16 ? 'uint16' : 'uint32';
      }
      return c === Converted.INT_8 ? 'int8' : c === Converted.INT_16 ? 'int16' : c === Converted.UINT_8 ? 'uint8'
        : c === Converted.UINT_16 ? 'uint16' : c === Converted.UINT_32 ? 'uint32' : 'int32';
    case PhysicalType.INT64:
      if (l?.kind === 'timestamp') return l.unit === 'millis' ? 'timestamp-millis' : l.unit === 'micros' ? 'timestamp-micros' : 'timestamp-nanos';
      if (c === Converted.TIMESTAMP_MILLIS) return 'timestamp-millis';
      if (c === Converted.TIMESTAMP_MICROS) return 'timestamp-micros';
      if (l?.kind === 'time') return l.unit === 'nanos' ? 'time-nanos' : 'time-micros';
      if (c === Converted.TIME_MICROS) return 'time-micros';
      if ((l?.kind === 'integer' && !l.signed) || c === Converted.UINT_64) return 'uint64';
      return 'int64';
    case PhysicalType.BYTE_ARRAY: {
      const k = l?.kind;
      const isString = k === 'string' || k === 'enum' || k === 'json' || c === Converted.UTF8 || c === Converted.ENUM || c === Converted.JSON;
      return isString ? 'string' : 'binary';
    }
    case PhysicalType.FIXED_LEN_BYTE_ARRAY: return 'fixed-binary';
    default: return 'binary';
  }
}

/** Arrow type of a leaf; `dictionary` says whether every row group stores it dictionary-encoded. */
export function arrowTypeOf(leaf: LeafColumn, opts: ParquetReadOptions, dictionary: boolean): arrow.DataType {
  switch (leaf.kind) {
    case 'int8': return new arrow.Int8();
    case 'int16': return new arrow.Int16();
    case 'int32': return new arrow.Int32();
    case 'int64': return new arrow.Int64();
    case 'uint8': return new arrow.Uint8();
    case 'uint16': return new arrow.Uint16();
    case 'uint32': return new arrow.Uint32();
    case 'uint64': return new arrow.Uint64();
    case 'float32': return new arrow.Float32();
    case 'float64': return new arrow.Float64();
    case 'bool': return new arrow.Bool();
    case 'date': return new arrow.DateDay();
    case 'timestamp-millis': case 'timestamp-micros': case 'timestamp-nanos': case 'int96':
      return new arrow.TimestampMicrosecond();
    case 'time-millis': return new arrow.TimeMillisecond();
    case 'time-micros': case 'time-nanos': return new arrow.TimeMicrosecond();
    case 'decimal': return opts.decimalAs === 'float64' ? new arrow.Float64() : new arrow.Decimal(leaf.scale, leaf.precision, 128);
    case 'string':
      // a stable dictionary id (the leaf index) keeps every batch's schema equal
      return dictionary && opts.stringsAsDictionary !== false ? new arrow.Dictionary(new arrow.Utf8(), new arrow.Int32(), leaf.leafIndex) : new arrow.Utf8();
    case 'binary': return new arrow.Binary();
    case 'fixed-binary': return new arrow.FixedSizeBinary(leaf.typeLength);
  }
}
