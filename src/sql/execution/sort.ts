// Sort (executor side): a stable multi-key sort of all input rows with per-key direction and null ordering
// (Spark: ASC NULLS FIRST, DESC NULLS LAST by default); keys are evaluated once per batch.
import type { ColumnBatch } from '../batch/column-batch.js';
import type { SortOrder } from '../../planner/expr/expression.js';
import { concatAll, gatherBatch, valueAt } from './batch-ops.js';
import { projector } from './kernels.js';

function compareValues(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') {
    if (Number.isNaN(a)) return Number.isNaN(b) ? 0 : 1; // NaN sorts above every number, as in Spark
    if (Number.isNaN(b)) return -1;
    return a < b ? -1 : a > b ? 1 : 0;
  }
  if (typeof a === 'boolean' && typeof b === 'boolean') return a === b ? 0 : a ? 1 : -1;
  const x = a as string;
  const y = b as string;
  return x < y ? -1 : x > y ? 1 : 0;
}

export function sortBatches(order: readonly SortOrder[], input: Iterable<ColumnBatch>): ColumnBatch {
  const all = concatAll([...input]);
  if (all.numRows <= 1 || order.length === 0) return all;
  const keys = projector(order.map((o) => o.expr))(all);
  const vals = keys.map((c) => { const v = new Array<unknown>(all.numRows); for (let i = 0; i < all.numRows; i++) v[i] = valueAt(c, i); return v; });
  const idx = Array.from({ length: all.numRows }, (_, i) => i);
  idx.sort((i, j) => {
    for (let k = 0; k < order.length; k++) {
      const a = vals[k]![i];
      const b = vals[k]![j];
      const o = order[k]!;
      if (a === null || b === null) {
        if (a === b) continue;
        return (a === null) === (o.nulls === 'nulls_first') ? -1 : 1;
      }
      const c = compareValues(a, b);
      if (c !== 0) return o.direction === 'asc' ? c : -c;
    }
    return i - j;
  });
  return gatherBatch(all, Int32Array.from(idx));
}
