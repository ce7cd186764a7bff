// limit-pushdown: merges adjacent limits, moves limits below projections, and copies a limit into each input of a
// UNION ALL (and the preserved side of an outer join) so inputs stop early.
//   before: Limit 5 ← Union [a, b]      after: Limit 5 ← Union [Limit 5 ← a, Limit 5 ← b]
import type { LogicalPlan } from '../../logical/logical-plan.js';
import { isDeterministic } from '../expr-utils.js';
import type { Rule } from '../rule.js';

function capped(p: LogicalPlan, n: number): LogicalPlan {
  if (p.kind === 'limit' && p.offset === 0 && p.limit <= n) return p;
  return { kind: 'limit', input: p, limit: n, offset: 0 };
}

export const limitPushdown: Rule = {
  name: 'limit-pushdown',
  apply(plan) {
    if (plan.kind !== 'limit') return plan;
    const child = plan.input;
    if (child.kind === 'project' && child.items.every((i) => isDeterministic(i.expr))) {
      return { kind: 'project', items: child.items, input: { ...plan, input: child.input } };
    }
    // limit -1 is OFFSET without LIMIT: nothing to cap the inputs with
    if (plan.limit < 0 || (child.kind === 'limit' && child.limit < 0)) return plan;
    const n = plan.limit + plan.offset;
    if (child.kind === 'limit' && child.offset === 0 && plan.offset === 0) return { ...plan, limit: Math.min(plan.limit, child.limit), input: child.input };
    if (child.kind === 'union') {
      const inputs = child.inputs.map((c) => capped(c, n));
      if (inputs.every((c, i) => c === child.inputs[i])) return plan;
      return { ...plan, input: { ...child, inputs } };
    }
    if (child.kind === 'join' && (child.type === 'left_outer' || child.type === 'right_outer')) {
      const side = child.type === 'left_outer' ? 'left' : 'right';
      const cur = child[side];
      const next = capped(cur, n);
      if (next === cur) return plan;
      return { ...plan, input: { ...child, [side]: next } };
    }
    return plan;
  },
};
