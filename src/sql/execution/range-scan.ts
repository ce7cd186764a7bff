// Executor side of spark.range: each task owns an index interval [lo, hi) and emits its values as bigint
// (Float64Array) batches of at most 64k rows.
import type { ColumnBatch } from '../batch/column-batch.js';

export interface RangeTask { readonly start: number; readonly step: number; readonly lo: number; readonly hi: number }

export function* rangeBatches(tasks: Iterable<RangeTask>): Iterable<ColumnBatch> {
  for (const t of tasks) {
    for (let from = t.lo; from < t.hi; from += 65536) {
      const n = Math.min(65536, t.hi - from);
      const v = new Float64Array(n);
      for (let i = 0; i < n; i++) v[i] = t.start + (from + i) * t.step;
      yield { numRows: n, columns: [{ kind: 'f64', values: v, valid: null }] };
    }
  }
}

export function rangeTasks(start: number, end: number, step: number, numPartitions: number): RangeTask[] {
  const count = Math.max(0, Math.ceil((end - start) / step));
  return Array.from({ length: numPartitions }, (_, i) => ({ start, step, lo: Math.floor((i * count) / numPartitions), hi: Math.floor(((i + 1) * count) / numPartitions) }));
}
