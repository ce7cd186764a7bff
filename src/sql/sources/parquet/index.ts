// Public API of the columnar Parquet reader: footer info with decoded statistics, one projected
// row group as a RecordBatch, a whole file as a Table with statistics-based row-group pruning.
// Decimals default to Arrow Decimal128 (Spark's type, exact); `decimalAs: 'float64'` trades exactness
// for arithmetic speed. Dictionary-encoded strings stay Dictionary<Int32, Utf8> so joins and
// aggregations can work on the ids; `stringsAsDictionary: false` materializes Utf8.
import * as arrow from 'apache-arrow';
import { readFooter, withFile, type ParquetFooter } from './file-reader.js';
import { arrowField, projectLeaves, readRowGroupBatch } from './row-group-reader.js';
import { rowGroupMayMatch, type RowGroupStats, type StatsPredicate } from './row-group-filter.js';
import type { ParquetReadOptions } from './schema.js';
import { decodeStats } from './statistics.js';

export { rowGroupMayMatch } from './row-group-filter.js';
export type { StatsPredicate, RowGroupStats, ColumnStats, CmpOp } from './row-group-filter.js';
export type { StatValue } from './statistics.js';
export type { ParquetReadOptions } from './schema.js';

export interface ParquetColumnStats {
  readonly name: string;
  readonly min?: unknown;
  readonly max?: unknown;
  readonly nullCount?: number;
}

export interface ParquetRowGroupInfo {
  readonly numRows: number;
  readonly columns: ParquetColumnStats[];
}

export interface ParquetFileInfo {
  path: string;
  numRows: number;
  rowGroups: ParquetRowGroupInfo[];
  schema: arrow.Schema;
  /** Nested (LIST/MAP/STRUCT) top-level columns, absent from `schema`; reading them throws UNSUPPORTED. */
  unsupportedColumns: string[];
  createdBy?: string;
}

export interface ReadParquetOptions extends ParquetReadOptions {
  readonly columns?: readonly string[];
  readonly rowGroupFilter?: (stats: ParquetRowGroupInfo, index: number) => boolean;
  /** Pushed-down predicate: row groups whose statistics rule it out are skipped. */
  readonly predicate?: StatsPredicate;
}

function infoOf(footer: ParquetFooter, opts: ParquetReadOptions): ParquetFileInfo {
  const leaves = footer.columns.flatMap((c) => (c.leaf ? [c.leaf] : []));
  return {
    path: footer.path,
    numRows: footer.meta.numRows,
    rowGroups: footer.meta.rowGroups.map((g) => ({
      numRows: g.numRows,
      columns: leaves.map((leaf) => ({ name: leaf.name, ...decodeStats(g.columns[leaf.leafIndex]!.statistics, leaf) })),
    })),
    schema: new arrow.Schema(leaves.map((leaf) => arrowField(footer, leaf, opts))),
    unsupportedColumns: footer.columns.filter((c) => !c.leaf).map((c) => c.name),
    ...(footer.meta.createdBy !== undefined ? { createdBy: footer.meta.createdBy } : {}),
  };
}

/** Footer only: row counts, per-row-group statistics and the Arrow schema. */
export function readParquetInfo(path: string, opts: ParquetReadOptions = {}): ParquetFileInfo {
  return infoOf(readFooter(path), opts);
}

/** One row group, only the named columns (all flat columns when omitted). */
export function readParquetRowGroup(path: string, rowGroup: number, columns?: readonly string[], opts: ParquetReadOptions = {}): arrow.RecordBatch {
  return withFile(path, (fd) => {
    const footer = readFooter(path, fd);
    return readRowGroupBatch(fd, footer, rowGroup, projectLeaves(footer, columns), opts);
  });
}

/** The whole file (projected, pruned by `predicate` and `rowGroupFilter`) as one Table. */
export function readParquet(path: string, opts: ReadParquetOptions = {}): arrow.Table {
  return withFile(path, (fd) => {
    const footer = readFooter(path, fd);
    const leaves = projectLeaves(footer, opts.columns);
    const needStats = opts.predicate !== undefined || opts.rowGroupFilter !== undefined;
    const info = needStats ? infoOf(footer, opts) : undefined;
    const batches: arrow.RecordBatch[] = [];
    for (let g = 0; g < footer.meta.rowGroups.length; g++) {
      if (info) {
        const stats = info.rowGroups[g]!;
        if (opts.predicate && !rowGroupMayMatch(stats as RowGroupStats, opts.predicate)) continue;
        if (opts.rowGroupFilter && !opts.rowGroupFilter(stats, g)) continue;
      }
      batches.push(readRowGroupBatch(fd, footer, g, leaves, opts));
    }
    if (batches.length === 0) return new arrow.Table(new arrow.Schema(leaves.map((l) => arrowField(footer, l, opts))));
    return new arrow.Table(batches);
  });
}
