// Typed Parquet footer (FileMetaData) and page headers, mapped from the thrift field ids of
// parquet-format's parquet.thrift. Called by file-reader.ts (footer) and column-chunk.ts (pages).
import { ThriftReader, type ThriftStruct, type ThriftValue } from './thrift-compact.js';

export const PhysicalType = { BOOLEAN: 0, INT32: 1, INT64: 2, INT96: 3, FLOAT: 4, DOUBLE: 5, BYTE_ARRAY: 6, FIXED_LEN_BYTE_ARRAY: 7 } as const;
export const Repetition = { REQUIRED: 0, OPTIONAL: 1, REPEATED: 2 } as const;
export const Encoding = {
  PLAIN: 0, PLAIN_DICTIONARY: 2, RLE: 3, BIT_PACKED: 4, DELTA_BINARY_PACKED: 5, DELTA_LENGTH_BYTE_ARRAY: 6,
  DELTA_BYTE_ARRAY: 7, RLE_DICTIONARY: 8, BYTE_STREAM_SPLIT: 9,
} as const;
export const Codec = { UNCOMPRESSED: 0, SNAPPY: 1, GZIP: 2, LZO: 3, BROTLI: 4, LZ4: 5, ZSTD: 6, LZ4_RAW: 7 } as const;
export const PageType = { DATA_PAGE: 0, INDEX_PAGE: 1, DICTIONARY_PAGE: 2, DATA_PAGE_V2: 3 } as const;
/** ConvertedType ids used by the reader (the legacy logical-type annotation). */
export const Converted = {
  UTF8: 0, MAP: 1, MAP_KEY_VALUE: 2, LIST: 3, ENUM: 4, DECIMAL: 5, DATE: 6, TIME_MILLIS: 7, TIME_MICROS: 8,
  TIMESTAMP_MILLIS: 9, TIMESTAMP_MICROS: 10, UINT_8: 11, UINT_16: 12, UINT_32: 13, UINT_64: 14,
  INT_8: 15, INT_16: 16, INT_32: 17, INT_64: 18, JSON: 19, BSON: 20, INTERVAL: 21,
} as const;

export type LogicalType =
  | { readonly kind: 'string' | 'map' | 'list' | 'enum' | 'date' | 'json' | 'bson' | 'uuid' | 'float16' | 'unknown' | 'other' }
  | { readonly kind: 'decimal'; readonly scale: number; readonly precision: number }
  | { readonly kind: 'time' | 'timestamp'; readonly utc: boolean; readonly unit: 'millis' | 'micros' | 'nanos' }
  | { readonly kind: 'integer'; readonly bitWidth: number; readonly signed: boolean };

export interface SchemaElement {
  readonly type: number | undefined;
  readonly typeLength: number;
  readonly repetition: number;
  readonly name: string;
  readonly numChildren: number;
  readonly converted: number | undefined;
  readonly scale: number;
  readonly precision: number;
  readonly logical: LogicalType | undefined;
}

export interface RawStatistics {
  readonly min: Uint8Array | undefined;
  readonly max: Uint8Array | undefined;
  readonly nullCount: number | undefined;
  /** True when min/max came from the deprecated fields (signed byte order; unusable for strings). */
  readonly legacy: boolean;
}

export interface ColumnChunkMeta {
  readonly type: number;
  readonly encodings: readonly number[];
  readonly path: readonly string[];
  readonly codec: number;
  readonly numValues: number;
  readonly totalCompressedSize: number;
  readonly dataPageOffset: number;
  readonly dictionaryPageOffset: number | undefined;
  readonly statistics: RawStatistics | undefined;
  /** Encodings of data pages from encoding_stats, when the writer recorded them. */
  readonly dataPageEncodings: readonly number[] | undefined;
}

export interface RowGroupMeta {
  readonly numRows: number;
  readonly columns: readonly ColumnChunkMeta[];
}

export interface FileMetaData {
  readonly version: number;
  readonly schema: readonly SchemaElement[];
  readonly numRows: number;
  readonly rowGroups: readonly RowGroupMeta[];
  readonly createdBy: string | undefined;
}

export interface PageHeader {
  readonly type: number;
  readonly uncompressedSize: number;
  readonly compressedSize: number;
  readonly numValues: number;
  readonly encoding: number;
  /** v2 only: bytes of repetition / definition levels stored uncompressed before the values. */
  readonly repLevelsLength: number;
  readonly defLevelsLength: number;
  readonly numNulls: number;
  readonly isCompressed: boolean;
}

const utf8 = new TextDecoder();
const num = (v: ThriftValue | undefined, d = 0): number => (typeof v === 'number' ? v : d);
const str = (v: ThriftValue | undefined): string | undefined => (v instanceof Uint8Array ? utf8.decode(v) : undefined);
const struct = (v: ThriftValue | undefined): ThriftStruct | undefined =>
  typeof v === 'object' && v !== null && !(v instanceof Uint8Array) && !Array.isArray(v) ? v : undefined;
const list = (v: ThriftValue | undefined): ThriftValue[] => (Array.isArray(v) ? v : []);
const bytes = (v: ThriftValue | undefined): Uint8Array | undefined => (v instanceof Uint8Array ? v : undefined);

export function decodeFileMetaData(buf: Uint8Array): FileMetaData {
  const s = new ThriftReader(buf).readStruct();
  return {
    version: num(s[1]),
    schema: list(s[2]).map((e) => schemaElement(struct(e) ?? {})),
    numRows: num(s[3]),
    rowGroups: list(s[4]).map((g) => rowGroup(struct(g) ?? {})),
    createdBy: str(s[6]),
  };
}

function schemaElement(s: ThriftStruct): SchemaElement {
  return {
    type: typeof s[1] === 'number' ? s[1] : undefined,
    typeLength: num(s[2]),
    repetition: num(s[3]),
    name: str(s[4]) ?? '',
    numChildren: num(s[5]),
    converted: typeof s[6] === 'number' ? s[6] : undefined,
    scale: num(s[7]),
    precision: num(s[8]),
    logical: logicalType(struct(s[10])),
  };
}

function logicalType(s: ThriftStruct | undefined): LogicalType | undefined {
  if (!s) return undefined;
  const simple = { 1: 'string', 2: 'map', 3: 'list', 4: 'enum', 6: 'date', 11: 'unknown', 12: 'json', 13: 'bson', 14: 'uuid', 15: 'float16' } as const;
  for (const k of Object.keys(s)) {
    const id = Number(k);
    if (id in simple) return { kind: simple[id as keyof typeof simple] };
    const body = struct(s[id]) ?? {};
    if (id === 5) return { kind: 'decimal', scale: num(body[1]), precision: num(body[2]) };
    if (id === 7 || id === 8) {
      const u = struct(body[2]) ?? {};
      const unit = u[1] !== undefined ? 'millis' : u[2] !== undefined ? 'micros' : 'nanos';
      return { kind: id === 7 ? 'time' : 'timestamp', utc: body[1] === true, unit };
    }
    if (id === 10) return { kind: 'integer', bitWidth: num(body[1], 32), signed: body[2] !== false };
  }
  return { kind: 'other' };
}

function rowGroup(s: ThriftStruct): RowGroupMeta {
  return { numRows: num(s[3]), columns: list(s[1]).map((c) => columnChunk(struct(c) ?? {})) };
}

function columnChunk(s: ThriftStruct): ColumnChunkMeta {
  const m = struct(s[3]) ?? {};
  const stats = struct(m[12]);
  const encStats = m[13] === undefined ? undefined : list(m[13]).map((e) => struct(e) ?? {});
  return {
    type: num(m[1]),
    encodings: list(m[2]).map((e) => num(e)),
    path: list(m[3]).map((p) => str(p) ?? ''),
    codec: num(m[4]),
    numValues: num(m[5]),
    totalCompressedSize: num(m[7]),
    dataPageOffset: num(m[9]),
    dictionaryPageOffset: typeof m[11] === 'number' ? m[11] : undefined,
    statistics: stats && statistics(stats),
    dataPageEncodings: encStats?.filter((e) => num(e[1]) !== PageType.DICTIONARY_PAGE).map((e) => num(e[2])),
  };
}

function statistics(s: ThriftStruct): RawStatistics {
  const min = bytes(s[6]), max = bytes(s[5]);
  const legacy = min === undefined && max === undefined;
  return {
    min: min ?? bytes(s[2]),
    max: max ?? bytes(s[1]),
    nullCount: typeof s[3] === 'number' ? s[3] : undefined,
    legacy,
  };
}

/** Decodes one page header at `pos`; returns it and the offset of the page body. */
export function decodePageHeader(buf: Uint8Array, pos: number, end: number): { header: PageHeader; bodyStart: number } {
  const r = new ThriftReader(buf, pos, end);
  const s = r.readStruct();
  const type = num(s[1]);
  const v1 = struct(s[5]), dict = struct(s[7]), v2 = struct(s[8]);
  const body = v2 ?? v1 ?? dict ?? {};
  const header: PageHeader = {
    type,
    uncompressedSize: num(s[2]),
    compressedSize: num(s[3]),
    numValues: num(body[1]),
    encoding: num(v2 ? body[4] : body[2]),
    repLevelsLength: v2 ? num(body[6]) : 0,
    defLevelsLength: v2 ? num(body[5]) : 0,
    numNulls: v2 ? num(body[2]) : 0,
    isCompressed: v2 ? body[7] !== false : true,
  };
  return { header, bodyStart: r.pos };
}
