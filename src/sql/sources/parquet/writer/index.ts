// Columnar Parquet writer: ColumnBatches → one Parquet file with Spark's physical/logical types, dictionary
// encoding for low-cardinality strings, RLE definition levels, SNAPPY, GZIP or no compression, and min/max/null_count
// statistics per column chunk so readers can prune row groups. Data pages v1; flat schemas only.
import fs from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { ColumnBatch } from '../../../batch/column-batch.js';
import type { StructType } from '../../../types/data-type.js';
import { writeColumnChunk, type ColumnSlice } from './column-chunk-writer.js';
import { encodeFooter, type WrittenChunk, type WrittenRowGroup } from './footer-writer.js';
import { parquetTypeOf } from './parquet-types.js';
import { snappyCompress } from './snappy-compress.js';

export interface ParquetWriteOptions {
  readonly compression?: ParquetCompression;
  /** Rows per row group (default 1,048,576). */
  readonly rowGroupRows?: number;
  /** Rows per data page (default 65,536). */
  readonly pageRows?: number;
}

export interface ParquetWriteResult {
  readonly rows: number;
  readonly rowGroups: number;
  readonly bytes: number;
}

const MAGIC = Buffer.from('PAR1', 'ascii');

export type ParquetCompression = 'snappy' | 'gzip' | 'none';
/** Thrift CompressionCodec numbers and page compressors. */
const CODECS: Readonly<Record<ParquetCompression, { readonly id: number; readonly compress: (raw: Uint8Array) => Uint8Array }>> = {
  none: { id: 0, compress: (raw) => raw.slice() },
  snappy: { id: 1, compress: snappyCompress },
  gzip: { id: 2, compress: (raw) => new Uint8Array(gzipSync(raw)) },
};

export function writeParquetFile(path: string, schema: StructType, batches: Iterable<ColumnBatch>, opts: ParquetWriteOptions = {}): ParquetWriteResult {
  const codec = CODECS[opts.compression ?? 'snappy'];
  const rowGroupRows = opts.rowGroupRows ?? 1 << 20;
  const pageRows = opts.pageRows ?? 1 << 16;
  const types = schema.fields.map((f) => parquetTypeOf(f.type, f.name));
  const fd = fs.openSync(path, 'w');
  try {
    let offset = 0;
    const write = (b: Uint8Array): void => {
      let done = 0;
      while (done < b.length) done += fs.writeSync(fd, b, done, b.length - done, offset + done);
      offset += b.length;
    };
    write(MAGIC);
    const groups: WrittenRowGroup[] = [];
    let pending: ColumnBatch[] = [];
    let pendingFrom: number[] = [];
    let pendingTo: number[] = [];
    let pendingRows = 0;
    let rows = 0;
    const flush = (): void => {
      if (pendingRows === 0) return;
      const start = offset;
      const chunks: WrittenChunk[] = [];
      schema.fields.forEach((field, c) => {
        const slices: ColumnSlice[] = pending.map((b, k) => ({ col: b.columns[c]!, from: pendingFrom[k]!, to: pendingTo[k]! }));
        const result = writeColumnChunk(slices, types[c]!, field.nullable, { compress: codec.compress, pageRows });
        const at = offset;
        for (const p of result.pages) write(p);
        chunks.push({ field, type: types[c]!, offset: at, result });
      });
      groups.push({ numRows: pendingRows, offset: start, chunks });
      rows += pendingRows;
      pending = []; pendingFrom = []; pendingTo = []; pendingRows = 0;
    };
    for (const batch of batches) {
      if (batch.columns.length !== schema.fields.length) {
        throw new Error(`parquet writer: batch has ${batch.columns.length} columns, schema ${schema.fields.length}`);
      }
      let from = 0;
      while (from < batch.numRows) {
        const take = Math.min(batch.numRows - from, rowGroupRows - pendingRows);
        pending.push(batch); pendingFrom.push(from); pendingTo.push(from + take);
        pendingRows += take;
        from += take;
        if (pendingRows >= rowGroupRows) flush();
      }
    }
    flush();
    const footer = encodeFooter(schema.fields, types, groups, codec.id, 'tsspark parquet writer');
    write(footer);
    const len = Buffer.alloc(4);
    len.writeUInt32LE(footer.length, 0);
    write(len);
    write(MAGIC);
    return { rows, rowGroups: groups.length, bytes: offset };
  } finally {
    fs.closeSync(fd);
  }
}
