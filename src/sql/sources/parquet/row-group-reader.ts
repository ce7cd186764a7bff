// Reads the projected columns of one row group into an arrow.RecordBatch: one fs.readSync per
// column chunk, page decoding (column-chunk.ts), Arrow conversion (to-arrow.ts). Called by index.ts.
import * as arrow from 'apache-arrow';
import { TsSparkError } from '../../../common/errors.js';
import { decodeColumnChunk } from './column-chunk.js';
import { corrupt, guard, readBytes, type ParquetFooter } from './file-reader.js';
import { arrowTypeOf, type LeafColumn, type ParquetReadOptions } from './schema.js';
import { toArrowData } from './to-arrow.js';

/** The readable columns named by `columns` (all when undefined), in the requested order. */
export function projectLeaves(footer: ParquetFooter, columns: readonly string[] | undefined): LeafColumn[] {
  const byName = new Map(footer.columns.map((c) => [c.name, c]));
  const names = columns ?? footer.columns.map((c) => c.name);
  return names.map((name) => {
    const c = byName.get(name);
    if (!c) {
      throw new TsSparkError('INVALID_ARGUMENT', `column ${name} does not exist in parquet file ${footer.path}`, {
        details: { path: footer.path, column: name, candidates: footer.columns.map((x) => x.name).join(', ') },
      });
    }
    if (!c.leaf) {
      throw new TsSparkError('UNSUPPORTED', `column ${name} of parquet file ${footer.path} is nested (LIST/MAP/STRUCT), which the reader does not decode yet`, {
        details: { path: footer.path, column: name },
        hint: 'select only the flat columns',
      });
    }
    return c.leaf;
  });
}

export function arrowField(footer: ParquetFooter, leaf: LeafColumn, opts: ParquetReadOptions): arrow.Field {
  return new arrow.Field(leaf.name, arrowTypeOf(leaf, opts, footer.dictionaryLeaves.has(leaf.leafIndex)), leaf.maxDef > 0);
}

export function readRowGroupBatch(fd: number, footer: ParquetFooter, rowGroup: number, leaves: readonly LeafColumn[], opts: ParquetReadOptions): arrow.RecordBatch {
  const rg = footer.meta.rowGroups[rowGroup];
  if (!rg) {
    throw new TsSparkError('INVALID_ARGUMENT', `row group ${rowGroup} out of range: parquet file ${footer.path} has ${footer.meta.rowGroups.length}`, {
      details: { path: footer.path, rowGroup },
    });
  }
  const fields: arrow.Field[] = [];
  const children: arrow.Data[] = [];
  for (const leaf of leaves) {
    const field = arrowField(footer, leaf, opts);
    const meta = rg.columns[leaf.leafIndex]!;
    const dict = meta.dictionaryPageOffset;
    const start = dict !== undefined && dict > 0 && dict < meta.dataPageOffset ? dict : meta.dataPageOffset;
    const len = meta.totalCompressedSize;
    if (start < 4 || len < 0 || start + len > footer.size - 8) {
      throw corrupt(footer.path, `column ${leaf.name} chunk [${start}, ${start + len}) lies outside the data area`, { rowGroup, column: leaf.name });
    }
    const data = guard(footer.path, { rowGroup, column: leaf.name }, () => {
      const bytes = readBytes(fd, start, len);
      const decoded = decodeColumnChunk(bytes, 0, bytes.length, leaf, meta, rg.numRows);
      return toArrowData(decoded, leaf, field.type);
    });
    fields.push(field);
    children.push(data);
  }
  const schema = new arrow.Schema(fields);
  const struct = arrow.makeData({ type: new arrow.Struct(fields), length: rg.numRows, nullCount: 0, children });
  return new arrow.RecordBatch(schema, struct);
}
