// eliminate-outer-join (Spark's EliminateOuterJoin): a filter above an outer join that can never be true for a
// NULL-padded row turns the join into an inner one (or a full outer into a left/right one), which frees the
// planner to broadcast either side and reorder it. Correlated scalar subqueries rewrite to exactly this shape:
//   before: Filter (ps_cost = min_cost) ← Join LeftOuter (p ⋈ agg)    after: Filter (…) ← Join Inner (p ⋈ agg)
// A conjunct counts when it is a comparison built only from columns, non-NULL literals, casts and arithmetic
// (each NULL in gives NULL out) and reads at least one column of the padded side.
import type { Expression, JoinType, LogicalPlan } from '../../logical/logical-plan.js';
import { conjuncts, references } from '../expr-utils.js';
import { outputOf } from '../plan-utils.js';
import type { Rule } from '../rule.js';

const COMPARISONS = new Set(['equal_to', 'not_equal', 'less_than', 'less_than_or_equal', 'greater_than', 'greater_than_or_equal']);
const NULL_PROPAGATING = new Set(['add', 'subtract', 'multiply', 'divide', 'remainder', 'div', ...COMPARISONS]);

function propagatesNull(e: Expression): boolean {
  switch (e.kind) {
    case 'attr': return true;
    case 'literal': return e.value !== null && e.value !== undefined;
    case 'cast': return e.mode !== 'try' && propagatesNull(e.expr);
    case 'call': return NULL_PROPAGATING.has(e.fn) && e.args.every(propagatesNull);
    default: return false;
  }
}

/** True when `cond` is false or NULL for every row whose `side` columns are all NULL. */
function rejectsNullsOf(cond: Expression, side: LogicalPlan): boolean {
  const ids = new Set(outputOf(side).map((a) => a.id));
  return conjuncts(cond).some((c) => {
    if (c.kind === 'is_null' && c.negated) return c.expr.kind === 'attr' && ids.has(c.expr.id);
    if (c.kind !== 'call' || !COMPARISONS.has(c.fn) || !propagatesNull(c)) return false;
    for (const id of references(c)) if (ids.has(id)) return true;
    return false;
  });
}

export const eliminateOuterJoin: Rule = {
  name: 'eliminate-outer-join',
  apply(plan) {
    if (plan.kind !== 'filter' || plan.input.kind !== 'join') return plan;
    const j = plan.input;
    if (j.type !== 'left_outer' && j.type !== 'right_outer' && j.type !== 'full_outer') return plan;
    const leftPadded = j.type === 'right_outer' || j.type === 'full_outer';
    const rightPadded = j.type === 'left_outer' || j.type === 'full_outer';
    const noLeftNulls = leftPadded && rejectsNullsOf(plan.condition, j.left);
    const noRightNulls = rightPadded && rejectsNullsOf(plan.condition, j.right);
    let type: JoinType = j.type;
    if (j.type === 'left_outer' && noRightNulls) type = 'inner';
    else if (j.type === 'right_outer' && noLeftNulls) type = 'inner';
    else if (j.type === 'full_outer') type = noLeftNulls && noRightNulls ? 'inner' : noLeftNulls ? 'left_outer' : noRightNulls ? 'right_outer' : 'full_outer';
    if (type === j.type) return plan;
    return { ...plan, input: { ...j, type } };
  },
};
