// push-down-filter: moves filter conjuncts as close to the data as their references allow — through projections
// (substituting aliases), sorts, aggregates (conjuncts on grouping columns only), into join sides (and single-side
// join-condition conjuncts into the sides), and into file scans' `filters` (the Filter stays: readers only skip).
//   before: Filter a#1 > 1 ← Join inner (k#1 = k#2) [l, r]    after: Join inner (k#1 = k#2) [Filter a#1 > 1 ← l, r]
import type { Expression, LogicalPlan } from '../../logical/logical-plan.js';
import { andAll, anyExpr, conjuncts, isDeterministic, references } from '../expr-utils.js';
import { outputOf } from '../plan-utils.js';
import type { Rule } from '../rule.js';
import { substitute } from './collapse-project.js';

function within(e: Expression, plan: LogicalPlan): boolean {
  const ids = new Set(outputOf(plan).map((a) => a.id));
  for (const r of references(e)) if (!ids.has(r)) return false;
  return true;
}

function filtered(p: LogicalPlan, cs: readonly Expression[]): LogicalPlan {
  const c = andAll(cs);
  return c ? { kind: 'filter', input: p, condition: c } : p;
}

const pushable = (e: Expression): boolean => isDeterministic(e) && !anyExpr(e, (x) => x.kind === 'outer_ref');

function pushIntoJoin(join: Extract<LogicalPlan, { kind: 'join' }>, above: readonly Expression[]): LogicalPlan | undefined {
  const t = join.type;
  const toLeft: Expression[] = [];
  const toRight: Expression[] = [];
  const keepAbove: Expression[] = [];
  const intoCond: Expression[] = [];
  const leftOk = t === 'inner' || t === 'cross' || t === 'left_outer' || t === 'left_semi' || t === 'left_anti';
  const rightOk = t === 'inner' || t === 'cross' || t === 'right_outer';
  for (const c of above) {
    if (!pushable(c)) keepAbove.push(c);
    else if (leftOk && within(c, join.left)) toLeft.push(c);
    else if (rightOk && within(c, join.right)) toRight.push(c);
    else if (t === 'inner' || t === 'cross') intoCond.push(c);
    else keepAbove.push(c);
  }
  // single-side conjuncts of the join condition itself
  const cond: Expression[] = [];
  for (const c of join.condition ? conjuncts(join.condition) : []) {
    const l = pushable(c) && within(c, join.left);
    const r = pushable(c) && within(c, join.right);
    if (l && (t === 'inner' || t === 'cross' || t === 'right_outer' || t === 'left_semi')) toLeft.push(c);
    else if (r && (t === 'inner' || t === 'cross' || t === 'left_outer' || t === 'left_semi' || t === 'left_anti')) toRight.push(c);
    else cond.push(c);
  }
  if (toLeft.length === 0 && toRight.length === 0 && intoCond.length === 0 && cond.length === (join.condition ? conjuncts(join.condition).length : 0)) return undefined;
  const newCond = andAll([...cond, ...intoCond]);
  const { condition: _old, ...rest } = join;
  const next: LogicalPlan = {
    ...rest,
    type: t === 'cross' && newCond ? 'inner' : t,
    left: filtered(join.left, toLeft),
    right: filtered(join.right, toRight),
    ...(newCond ? { condition: newCond } : {}),
  };
  return filtered(next, keepAbove);
}

export const pushDownFilter: Rule = {
  name: 'push-down-filter',
  apply(plan) {
    if (plan.kind === 'join') return (plan.type !== 'full_outer' && plan.condition && pushIntoJoin(plan, [])) || plan;
    if (plan.kind !== 'filter') return plan;
    const child = plan.input;
    const cs = conjuncts(plan.condition);
    switch (child.kind) {
      case 'project': {
        if (!child.items.every((i) => isDeterministic(i.expr) && !anyExpr(i.expr, (x) => x.kind === 'window' || x.kind === 'aggregate'))) return plan;
        if (!cs.every(pushable)) return plan;
        const map = new Map(child.items.map((i) => [i.attr.id, i.expr] as const));
        return { ...child, input: { kind: 'filter', input: child.input, condition: substitute(plan.condition, map) } };
      }
      case 'sort':
        return cs.every(pushable) ? { ...child, input: { ...plan, input: child.input } } : plan;
      case 'aggregate': {
        const keyIds = new Map<number, Expression>();
        for (const i of child.items) if (i.expr.kind === 'attr' && child.groupBy.some((g) => g.kind === 'attr' && g.id === (i.expr as { id: number }).id)) keyIds.set(i.attr.id, i.expr);
        const down: Expression[] = [];
        const up: Expression[] = [];
        for (const c of cs) {
          if (pushable(c) && [...references(c)].every((r) => keyIds.has(r))) down.push(substitute(c, keyIds));
          else up.push(c);
        }
        if (down.length === 0) return plan;
        return filtered({ ...child, input: filtered(child.input, down) }, up);
      }
      case 'join':
        return pushIntoJoin(child, cs) ?? plan;
      case 'file_scan': {
        const have = new Set(child.filters.map((f) => JSON.stringify(f)));
        const add = cs.filter((c) => pushable(c) && !have.has(JSON.stringify(c)));
        if (add.length === 0) return plan;
        return { ...plan, input: { ...child, filters: [...child.filters, ...add] } };
      }
      default:
        return plan;
    }
  },
};
