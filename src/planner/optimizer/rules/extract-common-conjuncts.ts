// extract-common-conjuncts: factors the conjuncts every disjunct of an OR shares out of it (Spark's
// BooleanSimplification "(a AND b) OR (a AND c) → a AND (b OR c)") in filter and join conditions, so push-down
// finds the equi-join key hidden in each branch (TPC-H Q19) and pushes single-side common conjuncts.
//   before: Filter ((k#1 = k#2 AND x#3 = 1) OR (k#1 = k#2 AND x#3 = 2)) ← Join cross [l, r]
//   after:  Filter (k#1 = k#2 AND (x#3 = 1 OR x#3 = 2)) ← Join cross [l, r]   (push-down-filter: Join inner k#1 = k#2)
import type { Expression, LogicalPlan } from '../../logical/logical-plan.js';
import { andAll, conjuncts, isDeterministic, transformUp } from '../expr-utils.js';
import type { Rule } from '../rule.js';

function disjuncts(e: Expression): Expression[] {
  return e.kind === 'or' ? [...disjuncts(e.left), ...disjuncts(e.right)] : [e];
}

function orAll(list: readonly Expression[]): Expression {
  return list.reduce((l, r) => ({ kind: 'or', left: l, right: r }));
}

/** A structural key for semantic equality of deterministic, subquery-free conjuncts (undefined: never shared). */
function keyOf(e: Expression): string | undefined {
  if (!isDeterministic(e)) return undefined;
  return JSON.stringify(e, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));
}

/** One OR node (its whole chain of disjuncts): the shared conjuncts, ANDed with the OR of what is left. */
function factorOr(e: Expression): Expression {
  if (e.kind !== 'or') return e;
  const branches = disjuncts(e).map((d) => conjuncts(d).map((c) => ({ c, key: keyOf(c) })));
  const [first, ...others] = branches;
  const common = first!.filter((x, i) => x.key !== undefined &&
    first!.findIndex((y) => y.key === x.key) === i &&
    others.every((b) => b.some((y) => y.key === x.key)));
  if (common.length === 0) return e;
  const commonKeys = new Set(common.map((x) => x.key));
  const rests = branches.map((b) => b.filter((x) => x.key === undefined || !commonKeys.has(x.key)).map((x) => x.c));
  // a branch with nothing left is `true`: the OR holds whenever the common part does
  if (rests.some((r) => r.length === 0)) return andAll(common.map((x) => x.c))!;
  return andAll([...common.map((x) => x.c), orAll(rests.map((r) => andAll(r)!))])!;
}

export function extractCommonConjuncts(e: Expression): Expression {
  return transformUp(e, factorOr);
}

export const extractCommonConjunctsRule: Rule = {
  name: 'extract-common-conjuncts',
  apply(plan): LogicalPlan {
    if (plan.kind === 'filter') {
      const c = extractCommonConjuncts(plan.condition);
      return c === plan.condition ? plan : { ...plan, condition: c };
    }
    if (plan.kind === 'join' && plan.condition) {
      const c = extractCommonConjuncts(plan.condition);
      return c === plan.condition ? plan : { ...plan, condition: c };
    }
    return plan;
  },
};
