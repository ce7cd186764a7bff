// The map side of an exchange (executor side): splits each batch into per-partition sub-batches keyed by the
// target partition id, [pid, batch] pairs that an RDD shuffle with a hash partitioner routes to partition pid
// (integer keys below numPartitions hash to themselves). Input batches are pooled until every partition's piece
// would hold a few thousand rows on average, so 200 partitions don't turn each batch into 200 tiny ones. Also
// estimates bytes for adaptive coalescing.
import type { ColumnBatch } from '../batch/column-batch.js';
import type { Partitioning } from '../../planner/physical/physical-plan.js';
import { concatAll, gatherBatch } from './batch-ops.js';
import { projector } from './kernels.js';
import { hashRows } from './row-hash.js';

/** Average rows per partition piece that the map side pools input for. */
const PIECE_ROWS = 2048;
const MAX_POOL_ROWS = 1 << 20;

export function* partitionBatches(p: Partitioning, mapIndex: number, input: Iterable<ColumnBatch>, sizes?: { add(x: unknown): void }): Iterable<[number, ColumnBatch]> {
  const n = p.kind === 'single' ? 1 : p.numPartitions;
  const keyFn = p.kind === 'hash' ? projector(p.keys) : undefined;
  const rr = { next: mapIndex };
  const bytes = new Float64Array(n);
  const poolRows = Math.min(MAX_POOL_ROWS, n * PIECE_ROWS);
  let pool: ColumnBatch[] = [];
  let pooled = 0;
  for (const b of input) {
    if (b.numRows === 0) continue;
    if (n === 1) { bytes[0]! += b.numRows * 8 * Math.max(1, b.columns.length); yield [0, b]; continue; }
    pool.push(b);
    pooled += b.numRows;
    if (pooled < poolRows) continue;
    yield* split(concatAll(pool), n, keyFn, rr, bytes);
    pool = [];
    pooled = 0;
  }
  if (pooled > 0) yield* split(concatAll(pool), n, keyFn, rr, bytes);
  if (sizes) sizes.add(Array.from(bytes));
}

function* split(b: ColumnBatch, n: number, keyFn: ((b: ColumnBatch) => ColumnBatch['columns']) | undefined, rr: { next: number }, bytes: Float64Array): Iterable<[number, ColumnBatch]> {
  const rowBytes = 8 * Math.max(1, b.columns.length);
  const pids = new Int32Array(b.numRows);
  if (keyFn) {
    const hs = hashRows(keyFn(b), b.numRows);
    for (let i = 0; i < b.numRows; i++) { const h = hs[i]! % n; pids[i] = h < 0 ? h + n : h; }
  } else {
    for (let i = 0; i < b.numRows; i++) pids[i] = rr.next++ % n;
  }
  const counts = new Int32Array(n);
  for (let i = 0; i < b.numRows; i++) counts[pids[i]!]!++;
  const lists = Array.from({ length: n }, (_, q) => new Int32Array(counts[q]!));
  const fill = new Int32Array(n);
  for (let i = 0; i < b.numRows; i++) { const q = pids[i]!; lists[q]![fill[q]!++] = i; }
  for (let q = 0; q < n; q++) {
    if (counts[q] === 0) continue;
    bytes[q]! += counts[q]! * rowBytes;
    yield [q, gatherBatch(b, lists[q]!)];
  }
}
