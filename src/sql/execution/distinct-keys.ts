// Map-side key dedupe for the build side of a semi/anti join without a residual condition: only whether a key
// exists matters there, so each task keeps the first row of every key before the side is broadcast (TPC-H Q22:
// 1.5M orders rows become the ~100k customer keys they mention). Numeric keys without NULLs only; other
// batches pass through unchanged.
import type { RDD } from '../../rdd/rdd.js';
import type { ColumnBatch } from '../batch/column-batch.js';
import type { Expression } from '../../planner/expr/expression.js';
import { gatherBatch } from './batch-ops.js';
import type { JoinSpec } from './hash-join.js';
import { projector } from './kernels.js';

export function* distinctKeyRows(keys: readonly Expression[], input: Iterable<ColumnBatch>): Iterable<ColumnBatch> {
  const project = projector(keys);
  const seen = new Set<number>();
  for (const b of input) {
    if (b.numRows === 0) continue;
    const cols = project(b);
    const c = cols[0]!;
    if (cols.length !== 1 || (c.kind !== 'i32' && c.kind !== 'f64') || c.valid !== null) { yield b; continue; }
    const v = c.values;
    const idx = new Int32Array(b.numRows);
    let k = 0;
    for (let r = 0; r < b.numRows; r++) {
      const x = v[r]!;
      if (!seen.has(x)) { seen.add(x); idx[k++] = r; }
    }
    if (k === b.numRows) yield b;
    else if (k > 0) yield gatherBatch(b, idx.subarray(0, k));
  }
}

/** The right (build) side of `spec` as the join needs it: key-deduped per task when only existence matters. */
export function existenceSide(spec: JoinSpec, buildSide: 'left' | 'right', right: RDD<ColumnBatch>): RDD<ColumnBatch> {
  const existence = (spec.joinType === 'left_semi' || spec.joinType === 'left_anti') && !spec.condition && buildSide === 'right';
  if (!existence) return right;
  const keys = spec.rightKeys;
  return right.mapPartitions((it) => distinctKeyRows(keys, it));
}
