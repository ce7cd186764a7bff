// simplify-boolean: constant-folds boolean connectives (true AND x → x, false AND x → false, x OR true → true,
// NOT NOT x → x) and prunes filters: Filter(true, x) → x, Filter(false|null, x) → empty relation.
import type { Expression, LogicalPlan } from '../../logical/logical-plan.js';
import { isFalse, isNullLiteral, isTrue, transformUp } from '../expr-utils.js';
import { outputOf } from '../plan-utils.js';
import type { Rule } from '../rule.js';

const FALSE: Expression = { kind: 'literal', value: false, type: { kind: 'boolean' } };
const TRUE: Expression = { kind: 'literal', value: true, type: { kind: 'boolean' } };

export function simplifyBooleanExpr(e: Expression): Expression {
  return transformUp(e, (x) => {
    switch (x.kind) {
      case 'and':
        if (isTrue(x.left)) return x.right;
        if (isTrue(x.right)) return x.left;
        if (isFalse(x.left) || isFalse(x.right)) return FALSE;
        return x;
      case 'or':
        if (isFalse(x.left)) return x.right;
        if (isFalse(x.right)) return x.left;
        if (isTrue(x.left) || isTrue(x.right)) return TRUE;
        return x;
      case 'not':
        if (isTrue(x.expr)) return FALSE;
        if (isFalse(x.expr)) return TRUE;
        if (x.expr.kind === 'not') return x.expr.expr;
        return x;
      default:
        return x;
    }
  });
}

export const simplifyBoolean: Rule = {
  name: 'simplify-boolean',
  apply(plan): LogicalPlan {
    if (plan.kind === 'filter') {
      const c = simplifyBooleanExpr(plan.condition);
      if (isTrue(c)) return plan.input;
      if (isFalse(c) || isNullLiteral(c)) return { kind: 'local_relation', output: outputOf(plan.input), batches: [] };
      return c === plan.condition ? plan : { ...plan, condition: c };
    }
    if (plan.kind === 'join' && plan.condition) {
      const c = simplifyBooleanExpr(plan.condition);
      if (c === plan.condition) return plan;
      if (isTrue(c)) {
        const { condition: _drop, ...rest } = plan;
        return rest;
      }
      return { ...plan, condition: c };
    }
    return plan;
  },
};
