// constant-folding: replaces every deterministic sub-expression without column references (and without
// aggregates, windows or subqueries) by its value as a literal, computed with the expression evaluator.
//   before: Filter a#1 > (1 + 2)      after: Filter a#1 > 3
import type { Expression, LogicalPlan } from '../../logical/logical-plan.js';
import { anyExpr, exprChildren, exprType, isDeterministic, mapChildren } from '../expr-utils.js';
import { constantEvaluator } from '../expr-eval.js';
import type { Rule } from '../rule.js';

function foldable(e: Expression): boolean {
  return e.kind !== 'literal' && e.kind !== 'alias' && e.kind !== 'lambda' && isDeterministic(e) && !anyExpr(e, (x) =>
    x.kind === 'attr' || x.kind === 'bound' || x.kind === 'outer_ref' || x.kind === 'aggregate' || x.kind === 'window' || x.kind === 'lambda');
}

export function foldConstants(e: Expression, evaluate: (e: Expression) => unknown): Expression {
  if (foldable(e) && exprChildren(e).length >= 0) {
    try {
      return { kind: 'literal', value: evaluate(e) ?? null, type: exprType(e) };
    } catch {
      return e; // an error at run time (ANSI) must surface when the row is evaluated, not at planning
    }
  }
  return mapChildren(e, (c) => foldConstants(c, evaluate));
}

export const constantFolding: Rule = {
  name: 'constant-folding',
  apply(plan): LogicalPlan {
    const ev = constantEvaluator();
    if (!ev) return plan;
    const f = (e: Expression): Expression => foldConstants(e, ev);
    switch (plan.kind) {
      case 'filter': { const c = f(plan.condition); return c === plan.condition ? plan : { ...plan, condition: c }; }
      case 'project': {
        const items = plan.items.map((i) => { const e = f(i.expr); return e === i.expr ? i : { ...i, expr: e }; });
        return items.every((x, k) => x === plan.items[k]) ? plan : { ...plan, items };
      }
      case 'join': {
        if (!plan.condition) return plan;
        const c = f(plan.condition);
        return c === plan.condition ? plan : { ...plan, condition: c };
      }
      default: return plan;
    }
  },
};
