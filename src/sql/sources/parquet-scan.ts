// Glue between the columnar Parquet reader (parquet/, Arrow output) and the SQL engine: Spark types of a
// file's columns, splits by row group pruned by footer statistics, and Arrow → ColumnBatch conversion
// (decimals to unscaled f64, int64/timestamps to f64, dictionary strings kept as 'dict' columns).
import { sliceColumn } from '../batch/column-slice.js';
import * as arrow from 'apache-arrow';
import { TsSparkError, isTsSparkError } from '../../common/errors.js';
import type { Column, ColumnBatch } from '../batch/column-batch.js';
import { emptyColumn } from '../batch/column-batch.js';
import { T, type DataType, type StructType } from '../types/data-type.js';
import { fileUri } from './file-listing.js';
import { readParquetInfo, rowGroupMayMatch, type ParquetFileInfo, type RowGroupStats, type StatsPredicate } from './parquet/index.js';
import { decodeColumnChunk } from './parquet/column-chunk.js';
import { corrupt, guard, readBytes, readFooter, withFile } from './parquet/file-reader.js';
import { arrowField, projectLeaves } from './parquet/row-group-reader.js';
import { toArrowData } from './parquet/to-arrow.js';
import { directColumn } from './parquet-columns.js';

function wrap<R>(file: string, f: () => R): R {
  try {
    return f();
  } catch (e) {
    if (isTsSparkError(e) && e.code !== 'INTERNAL' && e.code !== 'CORRUPT_FILE') throw e;
    const msg = e instanceof Error ? e.message : String(e);
    throw new TsSparkError('CORRUPT_FILE', `Could not read footer or data of ${fileUri(file)}: it is not a valid Parquet file (${msg}).`, {
      details: { path: file }, cause: e,
    });
  }
}

export function parquetInfo(file: string): ParquetFileInfo {
  return wrap(file, () => readParquetInfo(file));
}

/** Spark type of an Arrow field type produced by the reader. */
export function sparkTypeOfArrow(t: arrow.DataType): DataType {
  if (t instanceof arrow.Dictionary) return T.string;
  if (t instanceof arrow.Utf8) return T.string;
  if (t instanceof arrow.Bool) return T.boolean;
  if (t instanceof arrow.Int) {
    if (t.bitWidth === 8 && t.isSigned) return T.byte;
    if (t.bitWidth === 16 && t.isSigned) return T.short;
    if (t.bitWidth <= 16 || (t.bitWidth === 32 && t.isSigned)) return T.int;
    if (t.bitWidth === 32 || t.isSigned) return T.long;
    return T.decimal(20, 0);
  }
  if (t instanceof arrow.Float) return t.precision === arrow.Precision.SINGLE ? T.float : T.double;
  if (t instanceof arrow.Decimal) return T.decimal(t.precision, t.scale);
  if (t instanceof arrow.DateDay) return T.date;
  if (t instanceof arrow.Timestamp) return T.timestamp;
  if (t instanceof arrow.Time) return T.long;
  if (t instanceof arrow.Binary || t instanceof arrow.FixedSizeBinary) return T.binary;
  throw new TsSparkError('UNSUPPORTED', `parquet column type ${String(t)} is not supported`);
}

export function parquetSchema(file: string): StructType {
  const info = parquetInfo(file);
  return T.struct(info.schema.fields.map((f) => ({ name: f.name, type: sparkTypeOfArrow(f.type), nullable: true })));
}

/** Row groups of a file that the predicate may match. */
export function parquetRowGroups(file: string, predicate: StatsPredicate | undefined): { index: number; rows: number }[] {
  const info = parquetInfo(file);
  const out: { index: number; rows: number }[] = [];
  info.rowGroups.forEach((g, index) => {
    if (predicate && !rowGroupMayMatch(g as RowGroupStats, predicate)) return;
    out.push({ index, rows: g.numRows });
  });
  return out;
}

function validOf(data: arrow.Data, n: number): Uint8Array | null {
  if (data.nullCount === 0 || !data.nullBitmap) return null;
  const bits = data.nullBitmap, off = data.offset, out = new Uint8Array(n);
  for (let i = 0; i < n; i++) { const j = i + off; out[i] = (bits[j >>> 3]! >>> (j & 7)) & 1; }
  return out;
}

function toColumn(vec: arrow.Vector, want: DataType): Column {
  const n = vec.length;
  const data = vec.data[0]!;
  const parts = vec.data.length === 1 ? null : vec.data;
  if (parts) return toColumn(new arrow.Vector([parts.reduce((a, b) => a)]), want); // the reader yields one chunk per row group
  const valid = validOf(data, n);
  const t = data.type;
  if (t instanceof arrow.Dictionary) {
    const dict = data.dictionary!;
    const strings: string[] = new Array(dict.length);
    for (let i = 0; i < dict.length; i++) strings[i] = dict.get(i) as string;
    return { kind: 'dict', ids: Int32Array.from(data.values as ArrayLike<number>), dictionary: strings, valid };
  }
  if (t instanceof arrow.Utf8) {
    const values: (string | null)[] = new Array(n);
    for (let i = 0; i < n; i++) values[i] = vec.get(i) as string | null;
    return { kind: 'str', values, valid };
  }
  if (t instanceof arrow.Bool) {
    const values = new Uint8Array(n);
    for (let i = 0; i < n; i++) values[i] = vec.get(i) ? 1 : 0;
    return { kind: 'bool', values, valid };
  }
  if (t instanceof arrow.Decimal) {
    const w = data.values as Uint32Array, values = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const o = (data.offset + i) * 4;
      const hi = w[o + 1]! | 0, sign = hi >> 31;
      if ((w[o + 2]! | 0) === sign && (w[o + 3]! | 0) === sign) values[i] = hi * 4294967296 + w[o]!; // fits in 64 bits
      else values[i] = Number(BigInt.asIntN(128, BigInt(w[o]!) | (BigInt(w[o + 1]!) << 32n) | (BigInt(w[o + 2]!) << 64n) | (BigInt(w[o + 3]!) << 96n)));
    }
    return { kind: 'f64', values, valid };
  }
  if (t instanceof arrow.Binary || t instanceof arrow.FixedSizeBinary) {
    const values: unknown[] = new Array(n);
    for (let i = 0; i < n; i++) values[i] = vec.get(i);
    return { kind: 'obj', values, valid };
  }
  const src = data.values as ArrayLike<number | bigint>;
  if (want.kind === 'byte' || want.kind === 'short' || want.kind === 'int' || want.kind === 'date') {
    const values = new Int32Array(n);
    for (let i = 0; i < n; i++) values[i] = Number(src[data.offset + i]!);
    return { kind: 'i32', values, valid };
  }
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) values[i] = Number(src[data.offset + i]!);
  return { kind: 'f64', values, valid };
}

/** Reads the given row groups of one file, projected on `columns` of `schema` (missing columns read as NULL). */
export function* readParquetSplit(file: string, rowGroups: readonly number[], columns: readonly string[], schema: StructType): Generator<ColumnBatch> {
  const info = parquetInfo(file);
  const present = new Set(info.schema.fields.map((f) => f.name));
  const types = columns.map((c) => schema.fields.find((f) => f.name === c)?.type ?? T.string);
  const toRead = columns.filter((c) => present.has(c));
  for (const g of rowGroups) {
    const rows = info.rowGroups[g]?.numRows ?? 0;
    if (toRead.length === 0) {
      yield { numRows: rows, columns: types.map((t) => nullColumn(t, rows)) };
      continue;
    }
    const read = wrap(file, () => readRowGroupColumns(file, g, columns.filter((c) => present.has(c)), types.filter((_, i) => present.has(columns[i]!))));
    let next = 0;
    const whole: ColumnBatch = { numRows: rows, columns: columns.map((c, i) => (present.has(c) ? read[next++]! : nullColumn(types[i]!, rows))) };
    if (rows <= SCAN_BATCH_ROWS) { yield whole; continue; }
    for (let from = 0; from < rows; from += SCAN_BATCH_ROWS) yield sliceColumns(whole, from, Math.min(rows, from + SCAN_BATCH_ROWS));
  }
}

/** Rows per scan batch: row groups are cut into cache-sized batches for the operators above the scan. */
const SCAN_BATCH_ROWS = 32768;

/** Rows [from, to) of a batch as compact copies (views would drag the whole row group's buffers across threads). */
function sliceColumns(b: ColumnBatch, from: number, to: number): ColumnBatch {
  return { numRows: to - from, columns: b.columns.map((c) => sliceColumn(c, from, to)) };
}

/** One row group's columns: decoded chunks converted directly (parquet-columns.ts), else through Arrow. */
function readRowGroupColumns(file: string, g: number, names: readonly string[], types: readonly DataType[]): Column[] {
  return withFile(file, (fd) => {
    const footer = readFooter(file, fd);
    const rg = footer.meta.rowGroups[g];
    if (!rg) throw new TsSparkError('INVALID_ARGUMENT', `row group ${g} out of range in ${file}`);
    const leaves = projectLeaves(footer, names);
    return leaves.map((leaf, i) => {
      const meta = rg.columns[leaf.leafIndex]!;
      const dict = meta.dictionaryPageOffset;
      const start = dict !== undefined && dict > 0 && dict < meta.dataPageOffset ? dict : meta.dataPageOffset;
      const len = meta.totalCompressedSize;
      if (start < 4 || len < 0 || start + len > footer.size - 8) {
        throw corrupt(file, `column ${leaf.name} chunk [${start}, ${start + len}) lies outside the data area`, { rowGroup: g, column: leaf.name });
      }
      return guard(file, { rowGroup: g, column: leaf.name }, () => {
        const bytes = readBytes(fd, start, len);
        const decoded = decodeColumnChunk(bytes, 0, bytes.length, leaf, meta, rg.numRows);
        const direct = directColumn(decoded, leaf, types[i]!);
        if (direct) return direct;
        const field = arrowField(footer, leaf, {});
        return toColumn(arrow.makeVector(toArrowData(decoded, leaf, field.type)), types[i]!);
      });
    });
  });
}

function nullColumn(t: DataType, n: number): Column {
  const e = emptyColumn(t);
  const valid = new Uint8Array(n);
  switch (e.kind) {
    case 'bool': return { kind: 'bool', values: new Uint8Array(n), valid };
    case 'i32': return { kind: 'i32', values: new Int32Array(n), valid };
    case 'f64': return { kind: 'f64', values: new Float64Array(n), valid };
    case 'str': return { kind: 'str', values: new Array<string | null>(n).fill(null), valid };
    default: return { kind: 'obj', values: new Array<unknown>(n).fill(null), valid };
  }
}
