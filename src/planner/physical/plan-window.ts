// Plans a logical Window: one window operator per distinct (partition by, order by) specification, each over a
// hash exchange on the partition keys (single partition without them) and a local sort by keys then order.
import type { Expression, SortOrder } from '../expr/expression.js';
import type { LogicalPlan } from '../logical/logical-plan.js';
import type { FrameBoundary } from '../expr/expression.js';
import { TsSparkError } from '../../common/errors.js';
import { exprType } from '../expr/expr-type.js';
import { outputOf } from '../optimizer/plan-utils.js';
import { bindAll, bindOrder, boundRef } from './bind.js';
import { aggSpec } from './plan-aggregate.js';
import type { PhysicalPlan, WindowSpecBound } from './physical-plan.js';

type Win = Extract<Expression, { kind: 'window' }>;

function bound(b: FrameBoundary): number | null {
  switch (b.kind) {
    case 'unbounded_preceding': case 'unbounded_following': return null;
    case 'current_row': return 0;
    case 'offset': return b.value;
  }
}

export function planWindow(p: Extract<LogicalPlan, { kind: 'window' }>, child: PhysicalPlan, n: number): PhysicalPlan {
  const groups = new Map<string, { partitionBy: readonly Expression[]; orderBy: readonly SortOrder[]; items: typeof p.items[number][] }>();
  for (const it of p.items) {
    const w = (it.expr.kind === 'alias' ? it.expr.expr : it.expr) as Win;
    if (w.kind !== 'window') throw new TsSparkError('INTERNAL', 'window item is not a window expression');
    const key = JSON.stringify([w.spec.partitionBy, w.spec.orderBy]);
    const g = groups.get(key) ?? { partitionBy: w.spec.partitionBy, orderBy: w.spec.orderBy, items: [] };
    g.items.push(it);
    groups.set(key, g);
  }
  let cur = child;
  let attrs = outputOf(p.input);
  for (const g of groups.values()) {
    const partitionBy = bindAll(g.partitionBy, attrs);
    const orderBy = bindOrder(g.orderBy, attrs);
    const ex: PhysicalPlan = { kind: 'exchange', input: cur, output: cur.output, partitioning: partitionBy.length === 0 ? { kind: 'single' } : { kind: 'hash', keys: partitionBy, numPartitions: n } };
    const sortOrder: SortOrder[] = [...partitionBy.map((e) => ({ expr: e, direction: 'asc' as const, nulls: 'nulls_first' as const })), ...orderBy];
    const sorted: PhysicalPlan = { kind: 'sort', input: ex, order: sortOrder, global: false, output: cur.output };
    const functions: WindowSpecBound[] = g.items.map((it) => {
      const w = (it.expr.kind === 'alias' ? it.expr.expr : it.expr) as Win;
      // RANGE value offsets in the key's physical units (decimals are unscaled)
      const key = w.spec.frame.type === 'range' && g.orderBy.length === 1 ? exprType(g.orderBy[0]!.expr) : undefined;
      const unit = key?.kind === 'decimal' ? 10 ** key.scale : 1;
      const scaled = (b: number | null): number | null => (b === null || b === 0 ? b : b * unit);
      const frame = { type: w.spec.frame.type, lower: scaled(bound(w.spec.frame.lower)), upper: scaled(bound(w.spec.frame.upper)) };
      if (typeof w.fn === 'string') return { fn: w.fn, args: bindAll(w.args, attrs), frame, type: w.type };
      const a = w.fn.aggregate;
      if (a.kind !== 'aggregate') throw new TsSparkError('INTERNAL', 'window aggregate is not an aggregate');
      return { fn: 'aggregate', aggregate: aggSpec(a, attrs), args: [], frame, type: w.type };
    });
    attrs = [...attrs, ...g.items.map((i) => i.attr)];
    cur = { kind: 'window', input: sorted, partitionBy, orderBy, functions, output: attrs };
  }
  // operators append their results in group order; the parent binds in the logical node's order (input then items)
  const logical = outputOf(p);
  if (logical.every((a, i) => attrs[i]!.id === a.id)) return cur;
  const pos = new Map(attrs.map((a, i) => [a.id, i] as const));
  return { kind: 'project', input: cur, exprs: logical.map((a) => boundRef(pos.get(a.id)!, attrs[pos.get(a.id)!]!)), output: logical };
}
