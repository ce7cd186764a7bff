// The map side of an exchange (executor side): splits each batch into per-partition sub-batches keyed by the
// target partition id, [pid, batch] pairs that an RDD shuffle with a hash partitioner routes to partition pid
// (integer keys below numPartitions hash to themselves). Input batches are pooled until every partition's piece
// would hold a few thousand rows on average, so 200 partitions don't turn each batch into 200 tiny ones. Also
// estimates bytes for adaptive coalescing.
import type { ColumnBatch } from '../batch/column-batch.js';
import type { Partitioning } from '../../planner/physical/physical-plan.js';
import { concatAll, scatterColumn, sliceColumn } from './batch-ops.js';
import { projector } from './kernels.js';
import { hashRows } from './row-hash.js';

/** Average rows per partition piece that the map side pools input for. */
const PIECE_ROWS = 2048;
const MAX_POOL_ROWS = 1 << 20;

export function* partitionBatches(p: Partitioning, mapIndex: number, input: Iterable<ColumnBatch>, sizes?: { add(x: unknown): void }): Iterable<[number, ColumnBatch]> {
  const n = p.kind === 'single' ? 1 : p.numPartitions;
  const keyFn = p.kind === 'hash' ? projector(p.keys) : undefined;
  let next = mapIndex;
  const pidsOf = (b: ColumnBatch): Int32Array => {
    const rows = b.numRows;
    const pids = keyFn ? hashRows(keyFn(b), rows) : new Int32Array(rows);
    if (keyFn) {
      for (let i = 0; i < rows; i++) { const h = pids[i]! % n; pids[i] = h < 0 ? h + n : h; }
    } else {
      for (let i = 0; i < rows; i++) pids[i] = next++ % n;
    }
    return pids;
  };
  yield* splitByPartition(n, pidsOf, input, sizes);
}

/**
 * Pools input batches and cuts them into per-partition pieces by `pidsOf` (each row's target partition, below
 * n), counting-sorted; per-partition byte estimates go to `sizes` at the end. Shared by hash, round-robin and
 * range exchanges.
 */
export function* splitByPartition(n: number, pidsOf: (b: ColumnBatch) => Int32Array, input: Iterable<ColumnBatch>, sizes?: { add(x: unknown): void }): Iterable<[number, ColumnBatch]> {
  const bytes = new Float64Array(n);
  const poolRows = Math.min(MAX_POOL_ROWS, n * PIECE_ROWS);
  let pool: ColumnBatch[] = [];
  let pooled = 0;
  for (const b of input) {
    if (b.numRows === 0) continue;
    if (n === 1) { bytes[0]! += b.numRows * rowBytesOf(b); yield [0, b]; continue; }
    pool.push(b);
    pooled += b.numRows;
    if (pooled < poolRows) continue;
    yield* split(concatAll(pool), n, pidsOf, bytes);
    pool = [];
    pooled = 0;
  }
  if (pooled > 0) yield* split(concatAll(pool), n, pidsOf, bytes);
  if (sizes) sizes.add(Array.from(bytes));
}

function* split(b: ColumnBatch, n: number, pidsOf: (b: ColumnBatch) => Int32Array, bytes: Float64Array): Iterable<[number, ColumnBatch]> {
  const rowBytes = rowBytesOf(b);
  const { starts, dst } = partitionOrder(pidsOf(b), n);
  const sorted = b.columns.map((c) => scatterColumn(c, dst));
  for (let q = 0; q < n; q++) {
    const from = starts[q]!, to = starts[q + 1]!;
    if (to === from) continue;
    bytes[q]! += (to - from) * rowBytes;
    yield [q, { numRows: to - from, columns: sorted.map((c) => sliceColumn(c, from, to)) }];
  }
}

/** Counting sort by target partition: where each row goes (dst) and where each partition's rows start. */
function partitionOrder(pids: Int32Array, n: number): { starts: Int32Array; dst: Int32Array } {
  const rows = pids.length;
  const starts = new Int32Array(n + 1);
  for (let i = 0; i < rows; i++) starts[pids[i]! + 1]!++;
  for (let q = 0; q < n; q++) starts[q + 1]! += starts[q]!;
  const pos = starts.slice(0, n);
  const dst = new Int32Array(rows);
  for (let i = 0; i < rows; i++) dst[i] = pos[pids[i]!]!++;
  return { starts, dst };
}

/**
 * Average bytes per row as the shuffle writes them (numbers 8, ints/ids 4, flags 1, strings their length plus a
 * header, sampled), for adaptive coalescing and broadcast decisions: counting 8 bytes for a string column made a
 * side of long comments look small enough to broadcast.
 */
export function rowBytesOf(b: ColumnBatch): number {
  let total = 0;
  for (const c of b.columns) {
    switch (c.kind) {
      case 'f64': total += 8; break;
      case 'i32': case 'dict': total += 4; break;
      case 'bool': total += 1; break;
      case 'str': case 'obj': {
        const step = Math.max(1, Math.floor(b.numRows / 64));
        let chars = 0, seen = 0;
        for (let r = 0; r < b.numRows; r += step, seen++) { const v = c.values[r]; chars += typeof v === 'string' ? v.length : 8; }
        total += 4 + (seen > 0 ? chars / seen : 0);
        break;
      }
    }
  }
  return Math.max(1, total);
}
