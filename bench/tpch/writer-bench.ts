// Parquet writer throughput on lineitem (generated in memory first, so only the write is timed):
// `node bin/tsspark-submit.mjs bench/tpch/writer-bench.ts [orders=150000]`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ColumnBatch } from '../../src/sql/batch/column-batch.js';
import { writeParquetFile } from '../../src/sql/sources/parquet/writer/index.js';
import { tpchSchema } from './dbgen/index.js';
import { ordersLineitemBatches } from './dbgen/orders-lineitem.js';

const orders = Number(process.argv[2] ?? '150000');
const batches: ColumnBatch[] = [];
for (let a = 0; a < orders; a += 64_000) batches.push(ordersLineitemBatches(1, 1, a, Math.min(orders, a + 64_000), true).lineitem);
const rows = batches.reduce((s, b) => s + b.numRows, 0);
const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pqw-')), 'lineitem.parquet');
for (const compression of ['snappy', 'none'] as const) {
  const ts: number[] = [];
  let bytes = 0;
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    bytes = writeParquetFile(file, tpchSchema('lineitem', true), batches, { compression }).bytes;
    ts.push(performance.now() - t);
  }
  const ms = ts.sort((x, y) => x - y)[1]!;
  console.log(`lineitem ${rows} rows, ${compression}: ${ms.toFixed(0)} ms, ${((rows / ms) * 1000 / 1e6).toFixed(2)} M rows/s, ${(bytes / 1e6).toFixed(1)} MB`);
}
fs.rmSync(path.dirname(file), { recursive: true });
