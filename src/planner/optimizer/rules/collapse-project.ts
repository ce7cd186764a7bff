// collapse-project: Project(outer, Project(inner, x)) → Project(outer[inner attrs := inner exprs], x) when the
// inner items are deterministic (so inlining one several times cannot change results) and contain no windows.
//   before: Project [a#3 + 1 AS b#4] ← Project [x#1 * 2 AS a#3] ← scan    after: Project [(x#1 * 2) + 1 AS b#4] ← scan
import type { Expression, NamedExpression } from '../../logical/logical-plan.js';
import { anyExpr, isDeterministic, transformUp } from '../expr-utils.js';
import type { Rule } from '../rule.js';

export function substitute(e: Expression, map: ReadonlyMap<number, Expression>): Expression {
  return transformUp(e, (x) => (x.kind === 'attr' && map.has(x.id) ? map.get(x.id)! : x));
}

export const collapseProject: Rule = {
  name: 'collapse-project',
  apply(plan) {
    if (plan.kind !== 'project' || plan.input.kind !== 'project') return plan;
    const inner = plan.input.items;
    if (!inner.every((i) => isDeterministic(i.expr) && !anyExpr(i.expr, (x) => x.kind === 'window' || x.kind === 'aggregate'))) return plan;
    const map = new Map<number, Expression>();
    for (const i of inner) map.set(i.attr.id, i.expr);
    const items: NamedExpression[] = plan.items.map((i) => ({ attr: i.attr, expr: substitute(i.expr, map) }));
    return { kind: 'project', input: plan.input.input, items };
  },
};
