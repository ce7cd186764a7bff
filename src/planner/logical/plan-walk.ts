// Generic traversal of logical plans: children, rebuild with new children, bottom-up transforms of nodes and of the
// expressions each node holds. The optimizer runner and the analyzer build on these; every switch is exhaustive.
import { assertNever } from '../../common/assert.js';
import type { Expression, NamedExpression, SortOrder } from '../expr/expression.js';
import type { LogicalPlan } from './logical-plan.js';

export function planChildren(p: LogicalPlan): readonly LogicalPlan[] {
  switch (p.kind) {
    case 'file_scan': case 'local_relation': case 'range': case 'rdd_scan':
      return [];
    case 'project': case 'filter': case 'aggregate': case 'sort': case 'limit': case 'distinct': case 'window':
    case 'expand': case 'generate': case 'repartition': case 'cached':
      return [p.input];
    case 'join': case 'intersect': case 'except':
      return [p.left, p.right];
    case 'union':
      return p.inputs;
    default:
      return assertNever(p, 'logical plan');
  }
}

/** Rebuilds `p` over `kids` (same order as planChildren); returns `p` itself when nothing changed. */
export function withPlanChildren(p: LogicalPlan, kids: readonly LogicalPlan[]): LogicalPlan {
  const old = planChildren(p);
  if (old.length === kids.length && old.every((c, i) => c === kids[i])) return p;
  switch (p.kind) {
    case 'file_scan': case 'local_relation': case 'range': case 'rdd_scan':
      return p;
    case 'project': case 'filter': case 'aggregate': case 'sort': case 'limit': case 'distinct': case 'window':
    case 'expand': case 'generate': case 'repartition': case 'cached':
      return { ...p, input: kids[0]! };
    case 'join': case 'intersect': case 'except':
      return { ...p, left: kids[0]!, right: kids[1]! };
    case 'union':
      return { ...p, inputs: kids };
    default:
      return assertNever(p, 'logical plan');
  }
}

export function transformPlanUp(p: LogicalPlan, fn: (x: LogicalPlan) => LogicalPlan): LogicalPlan {
  const kids = planChildren(p);
  const next = kids.length ? withPlanChildren(p, kids.map((k) => transformPlanUp(k, fn))) : p;
  return fn(next);
}

export function transformPlanDown(p: LogicalPlan, fn: (x: LogicalPlan) => LogicalPlan): LogicalPlan {
  const next = fn(p);
  const kids = planChildren(next);
  return kids.length ? withPlanChildren(next, kids.map((k) => transformPlanDown(k, fn))) : next;
}

/** The expressions a node holds (not those of its children), including output attributes it defines. */
export function planExpressions(p: LogicalPlan): readonly Expression[] {
  switch (p.kind) {
    case 'file_scan': return p.filters;
    case 'local_relation': case 'range': case 'rdd_scan': case 'union': case 'intersect': case 'except':
    case 'distinct': case 'limit': case 'cached':
      return [];
    case 'project': case 'aggregate': case 'window': {
      const items = p.items.map((i) => i.expr);
      return p.kind === 'aggregate' ? [...p.groupBy, ...items] : items;
    }
    case 'filter': return [p.condition];
    case 'join': return p.condition ? [p.condition] : [];
    case 'sort': return p.order.map((o) => o.expr);
    case 'expand': return p.projections.flat();
    case 'generate': return [p.generator];
    case 'repartition': return p.exprs;
    default:
      return assertNever(p, 'logical plan');
  }
}

/** Applies `fn` to every top-level expression of the node (items keep their output attribute). */
export function mapPlanExpressions(p: LogicalPlan, fn: (e: Expression) => Expression): LogicalPlan {
  const items = (xs: readonly NamedExpression[]): NamedExpression[] => xs.map((i) => ({ expr: fn(i.expr), attr: i.attr }));
  switch (p.kind) {
    case 'file_scan': return { ...p, filters: p.filters.map(fn) };
    case 'local_relation': case 'range': case 'rdd_scan': case 'union': case 'intersect': case 'except':
    case 'distinct': case 'limit': case 'cached':
      return p;
    case 'project': return { ...p, items: items(p.items) };
    case 'window': return { ...p, items: items(p.items) };
    case 'aggregate': return { ...p, groupBy: p.groupBy.map(fn), items: items(p.items) };
    case 'filter': return { ...p, condition: fn(p.condition) };
    case 'join': return p.condition ? { ...p, condition: fn(p.condition) } : p;
    case 'sort': return { ...p, order: p.order.map((o): SortOrder => ({ ...o, expr: fn(o.expr) })) };
    case 'expand': return { ...p, projections: p.projections.map((row) => row.map(fn)) };
    case 'generate': return { ...p, generator: fn(p.generator) };
    case 'repartition': return { ...p, exprs: p.exprs.map(fn) };
    default:
      return assertNever(p, 'logical plan');
  }
}
