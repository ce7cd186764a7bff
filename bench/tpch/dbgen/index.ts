// TPC-H data generator facade: the tasks of a generation job and the code one task runs (generate a partition of
// a table, write DIR/<table>/part-NNNNN.parquet). orders and lineitem are one task: lines derive from their order.
import fs from 'node:fs';
import path from 'node:path';
import type { ColumnBatch } from '../../../src/sql/batch/column-batch.js';
import { writeParquetFile } from '../../../src/sql/sources/parquet/writer/index.js';
import { BLOCK, partitionRange } from './blocks.js';
import { ordersLineitemBatches } from './orders-lineitem.js';
import { partBatch, partsuppBatch } from './part-tables.js';
import { TABLES, tpchSchema, type TpchTable } from './schemas.js';
import { customerBatch, nationBatch, regionBatch, supplierBatch } from './small-tables.js';

export { TABLES, tpchSchema, unitsOf, type TpchTable } from './schemas.js';
export { partitionRange } from './blocks.js';
export { orderKey } from './orders-lineitem.js';
export { partSupplier, retailPriceCents } from './part-tables.js';

export interface GenOptions {
  readonly sf: number;
  readonly seed?: number;
  /** Money as decimal(15,2) (default) or double. */
  readonly decimal?: boolean;
}

export interface GenTask {
  /** 'orders' also writes lineitem. */
  readonly table: Exclude<TpchTable, 'lineitem'>;
  readonly part: number;
  readonly parts: number;
}

export const DEFAULT_SEED = 19950617;
const CHUNK_BLOCKS = 64;

/** The tasks of a generation job: region and nation once, every other table in `parts` partitions. */
export function genTasks(parts: number): GenTask[] {
  const out: GenTask[] = [{ table: 'region', part: 0, parts: 1 }, { table: 'nation', part: 0, parts: 1 }];
  for (const table of ['orders', 'partsupp', 'part', 'customer', 'supplier'] as const) {
    for (let p = 0; p < parts; p++) out.push({ table, part: p, parts });
  }
  return out;
}

/** The batches of partition `part` of `table` (lineitem through its orders), in chunks of 64 blocks. */
export function* generatePartition(table: TpchTable, part: number, parts: number, opts: GenOptions): Generator<ColumnBatch> {
  const seed = opts.seed ?? DEFAULT_SEED, decimal = opts.decimal ?? true, sf = opts.sf;
  if (table === 'region' || table === 'nation') {
    if (part === 0) yield table === 'region' ? regionBatch(seed) : nationBatch(seed);
    return;
  }
  const [lo, hi] = partitionRange(table, sf, part, parts);
  for (let a = lo; a < hi; a += CHUNK_BLOCKS * BLOCK) {
    const b = Math.min(hi, a + CHUNK_BLOCKS * BLOCK);
    switch (table) {
      case 'supplier': yield supplierBatch(seed, a, b, decimal); break;
      case 'customer': yield customerBatch(seed, a, b, decimal); break;
      case 'part': yield partBatch(seed, a, b, decimal); break;
      case 'partsupp': yield partsuppBatch(seed, sf, a, b, decimal); break;
      case 'orders': yield ordersLineitemBatches(seed, sf, a, b, decimal).orders; break;
      case 'lineitem': yield ordersLineitemBatches(seed, sf, a, b, decimal).lineitem; break;
    }
  }
}

const partFile = (dir: string, table: TpchTable, part: number): string => {
  fs.mkdirSync(path.join(dir, table), { recursive: true });
  return path.join(dir, table, `part-${String(part).padStart(5, '0')}.parquet`);
};

/** Runs one generation task: writes its Parquet file(s); returns rows written per table. */
export function runGenTask(dir: string, task: GenTask, opts: GenOptions): Record<string, number> {
  const decimal = opts.decimal ?? true;
  if (task.table !== 'orders') {
    const r = writeParquetFile(partFile(dir, task.table, task.part), tpchSchema(task.table, decimal), generatePartition(task.table, task.part, task.parts, opts));
    return { [task.table]: r.rows };
  }
  // one pass feeds both files: lineitem chunks are kept while orders stream (a chunk is ≤ 64k orders)
  const seed = opts.seed ?? DEFAULT_SEED;
  const [lo, hi] = partitionRange('orders', opts.sf, task.part, task.parts);
  const lines: ColumnBatch[] = [];
  function* orders(): Generator<ColumnBatch> {
    for (let a = lo; a < hi; a += CHUNK_BLOCKS * BLOCK) {
      const both = ordersLineitemBatches(seed, opts.sf, a, Math.min(hi, a + CHUNK_BLOCKS * BLOCK), decimal);
      lines.push(both.lineitem);
      yield both.orders;
    }
  }
  const o = writeParquetFile(partFile(dir, 'orders', task.part), tpchSchema('orders', decimal), orders());
  const l = writeParquetFile(partFile(dir, 'lineitem', task.part), tpchSchema('lineitem', decimal), lines);
  return { orders: o.rows, lineitem: l.rows };
}

export const ALL_TABLES = TABLES;
