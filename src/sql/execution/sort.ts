// Sort (executor side): a stable multi-key sort of all input rows with per-key direction and null ordering
// (Spark: ASC NULLS FIRST, DESC NULLS LAST by default); keys are evaluated once per batch. Past the task's memory
// budget, sorted runs spill to disk and are k-way merged (spill/external-sort.ts); below it nothing changes.
import type { ColumnBatch } from '../batch/column-batch.js';
import type { SortOrder } from '../../planner/expr/expression.js';
import { concatAll, gatherBatch, valueAt } from './batch-ops.js';
import { projector } from './kernels.js';
import { batchBytes } from './spill/batch-bytes.js';
import { SortRuns } from './spill/external-sort.js';
import { spillEnv } from './spill/spill-env.js';

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

/** Order of two values of one sort key (NULL placement and direction applied); 0 when equal. */
export function compareSortKey(o: SortOrder, a: unknown, b: unknown): number {
  if (a === null || b === null) {
    if (a === b) return 0;
    return (a === null) === (o.nulls === 'nulls_first') ? -1 : 1;
  }
  const c = compareValues(a, b);
  return o.direction === 'asc' ? c : -c;
}

/** The raw values of each sort key of `b`, one array per key. */
export function sortKeyValues(order: readonly SortOrder[], b: ColumnBatch): unknown[][] {
  const keys = projector(order.map((o) => o.expr))(b);
  return keys.map((c) => { const v = new Array<unknown>(b.numRows); for (let i = 0; i < b.numRows; i++) v[i] = valueAt(c, i); return v; });
}

/** Sorts one in-memory batch. */
export function sortBatch(order: readonly SortOrder[], all: ColumnBatch): ColumnBatch {
  if (all.numRows <= 1 || order.length === 0) return all;
  const vals = sortKeyValues(order, all);
  const idx = Array.from({ length: all.numRows }, (_, i) => i);
  idx.sort((i, j) => {
    for (let k = 0; k < order.length; k++) {
      const c = compareSortKey(order[k]!, vals[k]![i], vals[k]![j]);
      if (c !== 0) return c;
    }
    return i - j;
  });
  return gatherBatch(all, Int32Array.from(idx));
}

/** The sorted rows of `input` as a stream of batches; spills sorted runs past the task's memory budget. */
export function* sortStream(order: readonly SortOrder[], input: Iterable<ColumnBatch>): Generator<ColumnBatch> {
  const env = spillEnv();
  const limit = env.memoryLimitBytes;
  let buffered: ColumnBatch[] = [];
  let bytes = 0;
  let runs: SortRuns | undefined;
  try {
    for (const b of input) {
      buffered.push(b);
      if (limit === Number.POSITIVE_INFINITY) continue;
      bytes += batchBytes(b);
      if (bytes <= limit) continue;
      runs ??= new SortRuns(order, env);
      runs.spill(sortBatch(order, concatAll(buffered)), bytes);
      buffered = [];
      bytes = 0;
    }
    const last = sortBatch(order, concatAll(buffered));
    buffered = [];
    if (!runs) { yield last; return; }
    yield* runs.merge(last);
  } finally {
    runs?.close();
  }
}

/** All sorted rows in one batch (what the `sort` operator emits); see sortStream for the spilling path. */
export function sortBatches(order: readonly SortOrder[], input: Iterable<ColumnBatch>): ColumnBatch {
  const out = [...sortStream(order, input)];
  return out.length === 1 ? out[0]! : concatAll(out);
}
