// Pulls correlated predicates (conjuncts reading `outer_ref`s) out of a subquery plan so the subquery can become a
// join (Spark's PullupCorrelatedPredicates); used by rewrite-subqueries. Nodes above the removed predicates keep
// the inner attributes the predicates read: Projects gain them as items, Aggregates as grouping keys.
//   before: Project [1 AS 1#2] ← Filter (a#3 = outer(a#1)) ← u      after: Project [1 AS 1#2, a#3] ← u,  [a#3 = outer(a#1)]
import { TsSparkError } from '../../../common/errors.js';
import type { Attribute, Expression, NamedExpression } from '../../expr/expression.js';
import { collectExprs, exprExists, planChildren, planExpressions, transformExprUp } from '../../logical/index.js';
import type { LogicalPlan } from '../../logical/logical-plan.js';
import { andAll, conjuncts, references } from '../expr-utils.js';
import { outputOf } from '../plan-utils.js';

export interface PulledSubquery {
  /** The subquery plan without its correlated predicates (its output may have gained attributes at the end). */
  readonly plan: LogicalPlan;
  /** The correlated predicates, still holding `outer_ref`s (see `outerToAttr`). */
  readonly predicates: readonly Expression[];
}

export const hasOuterRef = (e: Expression): boolean => exprExists(e, (x) => x.kind === 'outer_ref');

export function planHasOuterRef(p: LogicalPlan): boolean {
  return planExpressions(p).some(hasOuterRef) || planChildren(p).some(planHasOuterRef);
}

/** `outer_ref(a)` → `a`: the predicate now reads the outer side of the join. */
export function outerToAttr(e: Expression): Expression {
  return transformExprUp(e, (x) => (x.kind === 'outer_ref' ? x.attr : x));
}

function unsupported(what: string): never {
  throw new TsSparkError('UNSUPPORTED', `correlated subquery: outer column references ${what} are not supported`);
}

/** Inner attributes (not outer references) the predicates read, deduplicated by id. */
function innerAttrs(preds: readonly Expression[]): Attribute[] {
  const seen = new Map<number, Attribute>();
  for (const p of preds) {
    for (const a of collectExprs(p, (x) => x.kind === 'attr' || x.kind === 'outer_ref')) {
      if (a.kind === 'attr' && !seen.has(a.id)) seen.set(a.id, a);
    }
  }
  return [...seen.values()];
}

function missingItems(have: readonly Attribute[], preds: readonly Expression[]): NamedExpression[] {
  const ids = new Set(have.map((a) => a.id));
  return innerAttrs(preds).filter((a) => !ids.has(a.id)).map((a) => ({ expr: a, attr: a }));
}

const isEquality = (e: Expression): boolean => e.kind === 'call' && e.fn === 'equal_to';

export function pullUpCorrelated(p: LogicalPlan): PulledSubquery {
  if (!planHasOuterRef(p)) return { plan: p, predicates: [] };
  switch (p.kind) {
    case 'filter': {
      const r = pullUpCorrelated(p.input);
      const correlated: Expression[] = [];
      const local: Expression[] = [];
      for (const c of conjuncts(p.condition)) (hasOuterRef(c) ? correlated : local).push(c);
      const cond = andAll(local);
      return { plan: cond ? { ...p, input: r.plan, condition: cond } : r.plan, predicates: [...r.predicates, ...correlated] };
    }
    case 'project': {
      if (p.items.some((i) => hasOuterRef(i.expr))) unsupported('in a SELECT list');
      const r = pullUpCorrelated(p.input);
      return { plan: { ...p, input: r.plan, items: [...p.items, ...missingItems(outputOf(p), r.predicates)] }, predicates: r.predicates };
    }
    case 'aggregate': {
      if (planExpressions(p).some(hasOuterRef)) unsupported('in an aggregate');
      const r = pullUpCorrelated(p.input);
      // Grouping by the correlated columns is only equivalent for equality predicates (Spark's rule too).
      if (!r.predicates.every(isEquality)) unsupported('in non-equality predicates below an aggregate');
      const extra = missingItems(outputOf(p), r.predicates);
      return { plan: { ...p, input: r.plan, groupBy: [...p.groupBy, ...extra.map((i) => i.attr)], items: [...p.items, ...extra] }, predicates: r.predicates };
    }
    case 'sort': case 'distinct': case 'repartition': {
      if (planExpressions(p).some(hasOuterRef)) unsupported(`in ${p.kind}`);
      const r = pullUpCorrelated(p.input);
      return { plan: { ...p, input: r.plan }, predicates: r.predicates };
    }
    case 'join': {
      if (p.condition && hasOuterRef(p.condition)) unsupported('in a join condition');
      const both = p.type === 'inner' || p.type === 'cross';
      if (!both && planHasOuterRef(p.right)) unsupported(`on the right side of a ${p.type} join`);
      const l = pullUpCorrelated(p.left);
      const r = both ? pullUpCorrelated(p.right) : { plan: p.right, predicates: [] };
      return { plan: { ...p, left: l.plan, right: r.plan }, predicates: [...l.predicates, ...r.predicates] };
    }
    default:
      return unsupported(`below ${p.kind}`);
  }
}

/** The join condition built from pulled-up predicates must read only the two sides (not a query further out). */
export function assertJoinable(condition: Expression | undefined, left: LogicalPlan, right: LogicalPlan): void {
  if (!condition) return;
  const ids = new Set([...outputOf(left), ...outputOf(right)].map((a) => a.id));
  for (const id of references(condition)) if (!ids.has(id)) unsupported('to a query other than the immediately enclosing one');
}
