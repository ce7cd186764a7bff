// Window frames of one sorted partition: each row's [lo, hi) frame (ROWS offsets, RANGE peers, RANGE value offsets
// found with two pointers over the single order key), and aggregates over frames that slide forward in O(1)
// amortized merges per row (a two-stack queue: suffix aggregates in front, a running aggregate at the back).
import type { Column } from '../batch/column-batch.js';
import type { SortOrder } from '../../planner/expr/expression.js';
import type { WindowSpecBound } from '../../planner/physical/physical-plan.js';
import type { AggOps, State } from './agg-functions.js';
import { valueAt } from './batch-ops.js';
import { sameValue } from './row-hash.js';

type Frame = WindowSpecBound['frame'];

function rowsEqual(cols: readonly Column[], a: number, b: number): boolean {
  for (const c of cols) if (!sameValue(valueAt(c, a), valueAt(c, b))) return false;
  return true;
}

/**
 * Fills lo/hi (indexed from s) with each row's frame over rows [s, e) sorted by `order`. RANGE frames with value
 * offsets need exactly one order key (the analyzer checks it); a NULL key's frame is its NULL peers (plus the
 * unbounded side), as Spark's bound ordering compares NULL + offset as NULL.
 */
export function frameBounds(frame: Frame, ords: readonly Column[], order: readonly SortOrder[], s: number, e: number, lo: Int32Array, hi: Int32Array): void {
  const n = e - s;
  const { lower, upper } = frame;
  if (frame.type === 'rows') {
    for (let i = 0; i < n; i++) {
      lo[i] = lower === null ? s : Math.min(e, Math.max(s, s + i + lower));
      hi[i] = upper === null ? e : Math.min(e, Math.max(s, s + i + upper + 1));
    }
    return;
  }
  if ((lower === null || lower === 0) && (upper === null || upper === 0)) {
    // peers: rows whose order keys are all equal
    let g = s;
    while (g < e) {
      let ge = g + 1;
      while (ge < e && rowsEqual(ords, g, ge)) ge++;
      for (let i = g; i < ge; i++) { lo[i - s] = lower === null ? s : g; hi[i - s] = upper === null ? e : ge; }
      g = ge;
    }
    return;
  }
  valueRange(frame, ords[0]!, order[0]!, s, e, lo, hi);
}

function valueRange(frame: Frame, key: Column, o: SortOrder, s: number, e: number, lo: Int32Array, hi: Int32Array): void {
  const { lower, upper } = frame;
  const sign = o.direction === 'desc' ? -1 : 1;
  // positions in sort order: pos = sign * key, ascending over the non-null rows
  let nnS = s;
  let nnE = e;
  if (o.nulls === 'nulls_first') while (nnS < e && valueAt(key, nnS) === null) nnS++;
  else while (nnE > s && valueAt(key, nnE - 1) === null) nnE--;
  const nullLo = o.nulls === 'nulls_first' ? s : nnE;
  const nullHi = o.nulls === 'nulls_first' ? nnS : e;
  for (let i = s; i < e; i++) {
    if (i < nnS || i >= nnE) { lo[i - s] = lower === null ? s : nullLo; hi[i - s] = upper === null ? e : nullHi; }
  }
  // NaN sorts above every number (last ascending, first descending) and NaN + offset is NaN: NaN rows frame
  // their NaN peers, as NULLs do
  const nanLo = nnS;
  const nanHi = nnE;
  if (sign > 0) while (nnE > nnS && Number.isNaN(valueAt(key, nnE - 1))) nnE--;
  else while (nnS < nnE && Number.isNaN(valueAt(key, nnS))) nnS++;
  for (let i = nanLo; i < nanHi; i++) {
    if (i < nnS || i >= nnE) {
      lo[i - s] = lower === null ? s : sign > 0 ? nnE : nanLo;
      hi[i - s] = upper === null ? e : sign > 0 ? nanHi : nnS;
    }
  }
  const pos = new Float64Array(nnE - nnS);
  for (let j = nnS; j < nnE; j++) pos[j - nnS] = sign * (valueAt(key, j) as number);
  let a = 0;
  let b = 0;
  const m = nnE - nnS;
  for (let k = 0; k < m; k++) {
    const p = pos[k]!;
    if (lower === null) lo[nnS + k - s] = s;
    else {
      const t = p + lower;
      while (a < m && pos[a]! < t) a++;
      lo[nnS + k - s] = nnS + a;
    }
    if (upper === null) hi[nnS + k - s] = e;
    else {
      const t = p + upper;
      while (b < m && pos[b]! <= t) b++;
      hi[nnS + k - s] = nnS + b;
    }
  }
}

/**
 * out[s + i] = the aggregate over rows [lo[i], hi[i]) of `cols`. Frames whose bounds never move backwards (every
 * frame frameBounds builds) cost O(1) amortized merges per row; a frame moving back rebuilds from its start.
 */
export function slidingAggregate(ops: AggOps, cols: readonly Column[], s: number, e: number, lo: Int32Array, hi: Int32Array, out: unknown[]): void {
  const args = new Array<unknown>(cols.length);
  const read = (j: number): unknown[] => { for (let c = 0; c < cols.length; c++) args[c] = valueAt(cols[c]!, j); return args; };
  // queue = [qlo, qhi): front part [qlo, mid) as suffix aggregates suffix[j - base] = agg(j .. mid-1), back part [mid, qhi)
  let qlo = s;
  let mid = s;
  let qhi = s;
  let base = s;
  let suffix: State[] = [];
  let back = ops.init();
  for (let i = 0; i < e - s; i++) {
    const L = lo[i]!;
    const H = Math.max(L, hi[i]!);
    if (L < qlo || H < qhi || L > qhi) { qlo = mid = qhi = base = L; suffix = []; back = ops.init(); }
    while (qhi < H) back = ops.update(back, read(qhi++));
    if (L >= mid && L > qlo) {
      // the front runs out: the back's surviving rows [L, qhi) become the new front
      suffix = new Array<State>(qhi - L);
      let acc: State | undefined;
      for (let j = qhi - 1; j >= L; j--) {
        const one = ops.update(ops.init(), read(j));
        acc = acc === undefined ? one : ops.merge(one, acc);
        suffix[j - L] = acc;
      }
      base = L; mid = qhi; back = ops.init();
    }
    qlo = L;
    const front = qlo < mid ? suffix[qlo - base] : ops.init();
    out[s + i] = ops.finish(ops.merge(front, back));
  }
}
