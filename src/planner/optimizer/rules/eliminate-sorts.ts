// eliminate-sorts: a sort whose order cannot be observed is dropped — under an aggregate whose functions do not
// depend on input order, and a sort directly under another sort (the outer one wins).
//   before: Aggregate [k] [sum(v)] ← Sort [v] ← x        after: Aggregate [k] [sum(v)] ← x
import type { LogicalPlan } from '../../logical/logical-plan.js';
import { anyExpr } from '../expr-utils.js';
import type { Rule } from '../rule.js';

const ORDER_SENSITIVE = new Set(['first', 'last', 'collect_list', 'max_by', 'min_by', 'any_value']);

function stripSorts(p: LogicalPlan): LogicalPlan {
  if (p.kind === 'sort') return stripSorts(p.input);
  if (p.kind === 'project' || p.kind === 'filter') {
    const inner = stripSorts(p.input);
    return inner === p.input ? p : { ...p, input: inner };
  }
  return p;
}

export const eliminateSorts: Rule = {
  name: 'eliminate-sorts',
  apply(plan) {
    if (plan.kind === 'sort' && plan.input.kind === 'sort') return { ...plan, input: plan.input.input };
    if (plan.kind !== 'aggregate') return plan;
    if (plan.items.some((i) => anyExpr(i.expr, (x) => x.kind === 'aggregate' && ORDER_SENSITIVE.has(x.fn)))) return plan;
    const input = stripSorts(plan.input);
    return input === plan.input ? plan : { ...plan, input };
  },
};
