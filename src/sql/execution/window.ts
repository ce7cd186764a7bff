// Window functions (executor side) over input sorted by partition keys then order keys: ranking functions,
// lag/lead, ntile, and aggregates over ROWS or RANGE frames (value offsets too), slid in window-frames.ts.
import { TsSparkError } from '../../common/errors.js';
import type { Column, ColumnBatch } from '../batch/column-batch.js';
import type { PhysicalPlan, WindowSpecBound } from '../../planner/physical/physical-plan.js';
import { aggOps } from './agg-functions.js';
import { columnOf, concatAll, valueAt } from './batch-ops.js';
import { projector } from './kernels.js';
import { sameValue } from './row-hash.js';
import { frameBounds, slidingAggregate } from './window-frames.js';
import type { SortOrder } from '../../planner/expr/expression.js';

type WindowNode = Extract<PhysicalPlan, { kind: 'window' }>;

function rowsEqual(cols: readonly Column[], a: number, b: number): boolean {
  for (const c of cols) if (!sameValue(valueAt(c, a), valueAt(c, b))) return false;
  return true;
}

export function windowBatches(node: WindowNode, input: Iterable<ColumnBatch>): ColumnBatch {
  const all = concatAll([...input]);
  const n = all.numRows;
  const parts = projector(node.partitionBy)(all);
  const ords = projector(node.orderBy.map((o) => o.expr))(all);
  const out: Column[] = [];
  for (const f of node.functions) {
    const vals = new Array<unknown>(n).fill(null);
    const args = projector(f.args)(all);
    let start = 0;
    while (start < n) {
      let end = start + 1;
      while (end < n && rowsEqual(parts, start, end)) end++;
      computePartition(f, all, args, ords, node.orderBy, start, end, vals);
      start = end;
    }
    out.push(columnOf(f.type, vals));
  }
  return { numRows: n, columns: [...all.columns, ...out] };
}

function computePartition(f: WindowSpecBound, all: ColumnBatch, args: readonly Column[], ords: readonly Column[], order: readonly SortOrder[], s: number, e: number, out: unknown[]): void {
  const size = e - s;
  const peerEnd = (i: number): number => { let j = i + 1; while (j < e && rowsEqual(ords, i, j)) j++; return j; };
  const peerStart = (i: number): number => { let j = i; while (j > s && rowsEqual(ords, j - 1, i)) j--; return j; };
  switch (f.fn) {
    case 'row_number': for (let i = s; i < e; i++) out[i] = i - s + 1; return;
    case 'rank': for (let i = s; i < e; i++) out[i] = peerStart(i) - s + 1; return;
    case 'dense_rank': { let r = 0; for (let i = s; i < e; i++) { if (i === s || !rowsEqual(ords, i - 1, i)) r++; out[i] = r; } return; }
    case 'percent_rank': for (let i = s; i < e; i++) out[i] = size <= 1 ? 0 : (peerStart(i) - s) / (size - 1); return;
    case 'cume_dist': for (let i = s; i < e; i++) out[i] = (peerEnd(i) - s) / size; return;
    case 'ntile': {
      const b = Number(valueAt(args[0]!, s));
      const base = Math.floor(size / b);
      const extra = size % b;
      for (let i = 0; i < size; i++) {
        const cut = extra * (base + 1);
        out[s + i] = i < cut ? Math.floor(i / (base + 1)) + 1 : extra + Math.floor((i - cut) / Math.max(1, base)) + 1;
      }
      return;
    }
    case 'lag': case 'lead': {
      const off = args[1] ? Number(valueAt(args[1], s)) : 1;
      const dir = f.fn === 'lag' ? -off : off;
      for (let i = s; i < e; i++) {
        const j = i + dir;
        out[i] = j >= s && j < e ? valueAt(args[0]!, j) : args[2] ? valueAt(args[2], i) : null;
      }
      return;
    }
    case 'first_value': case 'last_value': case 'nth_value': case 'aggregate': {
      const spec = f.aggregate ?? { fn: f.fn === 'last_value' ? 'last' : 'first', args: f.args.slice(0, 1), distinct: false, ignoreNulls: false, type: f.type, text: f.fn };
      const ops = aggOps(spec);
      const cols = f.aggregate ? projector(f.aggregate.args)(all) : args.slice(0, 1);
      const lo = new Int32Array(size);
      const hi = new Int32Array(size);
      frameBounds(f.frame, ords, order, s, e, lo, hi);
      slidingAggregate(ops, cols, s, e, lo, hi, out);
      return;
    }
    default:
      throw new TsSparkError('UNSUPPORTED', `window function ${f.fn} is not supported`);
  }
}
