// The map side of an exchange (executor side): splits each batch into per-partition sub-batches keyed by the
// target partition id, [pid, batch] pairs that an RDD shuffle with a hash partitioner routes to partition pid
// (integer keys below numPartitions hash to themselves). Also estimates bytes for adaptive coalescing.
import type { ColumnBatch } from '../batch/column-batch.js';
import type { Partitioning } from '../../planner/physical/physical-plan.js';
import { gatherBatch } from './batch-ops.js';
import { projector } from './kernels.js';
import { hashRows } from './row-hash.js';

export function* partitionBatches(p: Partitioning, mapIndex: number, input: Iterable<ColumnBatch>, sizes?: { add(x: unknown): void }): Iterable<[number, ColumnBatch]> {
  const n = p.kind === 'single' ? 1 : p.numPartitions;
  const keyFn = p.kind === 'hash' ? projector(p.keys) : undefined;
  let rr = mapIndex;
  const bytes = new Float64Array(n);
  for (const b of input) {
    if (b.numRows === 0) continue;
    const rowBytes = 8 * Math.max(1, b.columns.length);
    if (n === 1) { bytes[0]! += b.numRows * rowBytes; yield [0, b]; continue; }
    const pids = new Int32Array(b.numRows);
    if (keyFn) {
      const hs = hashRows(keyFn(b), b.numRows);
      for (let i = 0; i < b.numRows; i++) { const h = hs[i]! % n; pids[i] = h < 0 ? h + n : h; }
    } else {
      for (let i = 0; i < b.numRows; i++) pids[i] = rr++ % n;
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
  if (sizes) sizes.add(Array.from(bytes));
}
