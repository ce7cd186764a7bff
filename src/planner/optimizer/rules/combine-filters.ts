// combine-filters: Filter(c2, Filter(c1, x)) → Filter(c1 AND c2, x) when c2 is deterministic.
//   before: Filter b > 1 ← Filter a > 0 ← scan     after: Filter (a > 0 AND b > 1) ← scan
import { isDeterministic } from '../expr-utils.js';
import type { Rule } from '../rule.js';

export const combineFilters: Rule = {
  name: 'combine-filters',
  apply(plan) {
    if (plan.kind !== 'filter' || plan.input.kind !== 'filter' || !isDeterministic(plan.condition)) return plan;
    return { kind: 'filter', input: plan.input.input, condition: { kind: 'and', left: plan.input.condition, right: plan.condition } };
  },
};
