// push-semi-anti-join: a LEFT SEMI / LEFT ANTI join (IN / EXISTS subqueries after their rewrite) moves below
// projections, filters and inner joins on its left, onto the one input its condition refers to — Spark's
// PushDownLeftSemiAntiJoin and PushLeftSemiLeftAntiThroughJoin — so it filters rows before the big joins.
//   before: Semi(o_key = k) [Join inner (c ⋈ o) ⋈ l, agg]    after: Join inner (c ⋈ Semi(o_key = k)[o, agg]) ⋈ l
// Only deterministic conditions that mention columns of exactly one side move; projections only when every
// referenced column passes through unchanged; inner joins only when the subquery side is an aggregation.
import type { Expression, LogicalPlan } from '../../logical/logical-plan.js';
import { isDeterministic, references } from '../expr-utils.js';
import { outputOf } from '../plan-utils.js';
import type { Rule } from '../rule.js';

type Join = Extract<LogicalPlan, { kind: 'join' }>;

/** Column ids of the semi join's condition that come from its left side. */
function leftRefs(j: Join): Set<number> {
  const right = new Set(outputOf(j.right).map((a) => a.id));
  const out = new Set<number>();
  for (const id of references(j.condition!)) if (!right.has(id)) out.add(id);
  return out;
}

function covers(p: LogicalPlan, ids: ReadonlySet<number>): boolean {
  const have = new Set(outputOf(p).map((a) => a.id));
  for (const id of ids) if (!have.has(id)) return false;
  return true;
}

const semiOver = (j: Join, left: LogicalPlan): LogicalPlan => ({ ...j, left });

/** True when `p` has an aggregation under its projections and filters. */
function aggregates(p: LogicalPlan): boolean {
  let q = p;
  while (q.kind === 'project' || q.kind === 'filter') q = q.input;
  return q.kind === 'aggregate';
}

export const pushSemiAntiJoin: Rule = {
  name: 'push-semi-anti-join',
  apply(plan) {
    if (plan.kind !== 'join' || (plan.type !== 'left_semi' && plan.type !== 'left_anti') || plan.hint !== undefined) return plan;
    if (!plan.condition || !isDeterministic(plan.condition)) return plan;
    const refs = leftRefs(plan);
    if (refs.size === 0) return plan;
    const l = plan.left;
    switch (l.kind) {
      case 'project': {
        // every referenced column must be passed through as itself (no aliases, no computed values)
        const passed = new Set(l.items.filter((i) => i.expr.kind === 'attr' && i.expr.id === i.attr.id).map((i) => i.attr.id));
        for (const id of refs) if (!passed.has(id)) return plan;
        if (!l.items.every((i) => isDeterministic(i.expr as Expression))) return plan;
        return { ...l, input: semiOver(plan, l.input) };
      }
      case 'filter':
        if (!isDeterministic(l.condition)) return plan;
        return { ...l, input: semiOver(plan, l.input) };
      case 'join': {
        if ((l.type !== 'inner' && l.type !== 'cross') || l.hint !== undefined) return plan;
        // below an inner join only when the subquery side aggregates (IN over a GROUP BY/HAVING result, Q18):
        // that is when the semi join is likely selective. An EXISTS over a base table (Q21's lineitem self
        // joins) keeps most rows and is cheaper after the inner joins have filtered them.
        if (!aggregates(plan.right)) return plan;
        if (covers(l.left, refs)) return { ...l, left: semiOver(plan, l.left) };
        if (covers(l.right, refs)) return { ...l, right: semiOver(plan, l.right) };
        return plan;
      }
      default:
        return plan;
    }
  },
};
