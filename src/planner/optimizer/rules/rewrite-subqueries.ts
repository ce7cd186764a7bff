// rewrite-subqueries: turns subquery expressions into joins (Spark's RewritePredicateSubquery and
// RewriteCorrelatedScalarSubquery). Runs once, first: the physical planner cannot evaluate subqueries (uncorrelated
// scalar subqueries are left alone: the session evaluates them on the driver before planning).
//   Filter (a#1 > 0 AND exists [a#1])  ← t      →  Join left_semi (a#3 = a#1) [Filter a#1 > 0 ← t, u]
//   Filter NOT exists …                          →  Join left_anti
//   Filter x#1 IN (subquery y#3)                 →  Join left_semi ((x#1 = y#3) AND <correlated predicates>)
//   Filter NOT x#1 IN (subquery y#3)             →  Join left_anti (((x#1 = y#3) OR isnull((x#1 = y#3))) AND …)  (null-aware)
// EXISTS/IN nested in a Filter condition (under OR, CASE, …) split the rows by the subquery's value, each part
// filtered by the condition with that value substituted (Spark adds an existence-join marker column instead):
//   Filter (b#2 > 1 OR exists …)  →  Union [Filter (b#2 > 1 OR true) ← Join left_semi …, Filter (b#2 > 1 OR false) ← Join left_anti …]
// IN adds a third part for a NULL result (no match, a NULL comparison) unless both sides are non-nullable.
// Correlated scalar subqueries may sit in Filter conditions and Project items (see rewrite-scalar-subquery.ts);
// EXISTS/IN elsewhere is a clear UNSUPPORTED error.
import { TsSparkError } from '../../../common/errors.js';
import type { Expression, NamedExpression } from '../../expr/expression.js';
import { collectExprs, exprExists, nullableOf, planChildren, planExpressions, reIdPlan, transformPlanDown, typeOf } from '../../logical/index.js';
import type { LogicalPlan } from '../../logical/logical-plan.js';
import { andAll, conjuncts, transformDown } from '../expr-utils.js';
import { outputOf } from '../plan-utils.js';
import type { Rule } from '../rule.js';
import { assertJoinable, outerToAttr, pullUpCorrelated } from './pull-up-correlated.js';
import { hasCorrelatedScalar, rewriteCorrelatedScalars } from './rewrite-scalar-subquery.js';

type Exists = Extract<Expression, { kind: 'exists' }>;
type InSubquery = Extract<Expression, { kind: 'in_subquery' }>;

const isPredicateSubquery = (e: Expression): e is Exists | InSubquery => e.kind === 'exists' || e.kind === 'in_subquery';
const hasPredicateSubquery = (e: Expression): boolean => exprExists(e, isPredicateSubquery);
const needsRewrite = (e: Expression): boolean => exprExists(e, (x) => isPredicateSubquery(x) || (x.kind === 'scalar_subquery' && x.outer.length > 0));

function unsupported(construct: string, where: string): never {
  throw new TsSparkError('UNSUPPORTED', `${construct} is only supported ${where}`);
}

function constructName(e: Expression): string {
  if (exprExists(e, (x) => x.kind === 'exists')) return 'EXISTS subquery';
  if (exprExists(e, (x) => x.kind === 'in_subquery')) return 'IN subquery';
  return 'correlated scalar subquery';
}

/** Every attribute id defined anywhere in `p`. */
function definedIds(p: LogicalPlan, into: Set<number> = new Set()): Set<number> {
  for (const a of outputOf(p)) into.add(a.id);
  for (const c of planChildren(p)) definedIds(c, into);
  return into;
}

/** Nested subqueries rewritten first; fresh ids when the subquery shares attributes with the outer plan (a CTE used twice). */
function prepare(sub: LogicalPlan, outer: LogicalPlan): LogicalPlan {
  const rewritten = transformPlanDown(sub, (p) => rewriteSubqueries.apply(p, EMPTY_CONF));
  const outerIds = definedIds(outer);
  for (const id of definedIds(rewritten)) if (outerIds.has(id)) return reIdPlan(rewritten);
  return rewritten;
}

const EMPTY_CONF = { get: (): undefined => undefined };

function equal(x: Expression, y: Expression): Expression {
  const tx = typeOf(x);
  const yy: Expression = JSON.stringify(typeOf(y)) === JSON.stringify(tx) ? y : { kind: 'cast', expr: y, type: tx, mode: 'cast' };
  return { kind: 'call', fn: 'equal_to', args: [x, yy], type: { kind: 'boolean' }, nullable: true };
}

/**
 * `outer` joined (semi or anti) with the subquery's rows. `nullAware` (IN only): a NULL value comparison counts as
 * a match, so an anti join keeps the rows where IN is FALSE (NOT IN) and a semi join finds rows where it is not.
 */
function subqueryJoin(outer: LogicalPlan, sq: Exists | InSubquery, type: 'left_semi' | 'left_anti', nullAware: boolean): LogicalPlan {
  const sub = prepare(sq.plan, outer);
  const columns = outputOf(sub);
  const pulled = pullUpCorrelated(sub);
  const correlated = pulled.predicates.map(outerToAttr);
  let keys: Expression[] = [];
  if (sq.kind === 'in_subquery') {
    const eqs = sq.expr.map((x, i) => equal(x, columns[i]!));
    keys = nullAware ? eqs.map((e): Expression => ({ kind: 'or', left: e, right: { kind: 'is_null', expr: e, negated: false } })) : eqs;
  }
  const condition = andAll([...keys, ...correlated]);
  assertJoinable(condition, outer, pulled.plan);
  return { kind: 'join', left: outer, right: pulled.plan, type, ...(condition ? { condition } : {}) };
}

function predicateJoin(outer: LogicalPlan, conjunct: Expression): LogicalPlan {
  const negated = conjunct.kind === 'not';
  const sq = (negated ? conjunct.expr : conjunct) as Exists | InSubquery;
  // NOT IN is null-aware: a NULL comparison (either side) counts as a match, so the row is dropped.
  return subqueryJoin(outer, sq, negated ? 'left_anti' : 'left_semi', negated);
}

const BOOL = { kind: 'boolean' } as const;
const boolLit = (value: boolean | null): Expression => ({ kind: 'literal', value, type: BOOL });

/** `cond` over `input` where it holds predicate subqueries below other operators: one part per subquery value. */
function splitBySubquery(input: LogicalPlan, cond: Expression): LogicalPlan {
  const sq = collectExprs(cond, isPredicateSubquery)[0] as Exists | InSubquery;
  const part = (rows: LogicalPlan, value: boolean | null): LogicalPlan =>
    rewriteFilter({ kind: 'filter', input: rows, condition: transformDown(cond, (x) => (x === sq ? boolLit(value) : x)) });
  const parts = [part(subqueryJoin(input, sq, 'left_semi', false), true)];
  if (sq.kind === 'exists') {
    parts.push(part(subqueryJoin(input, sq, 'left_anti', false), false));
  } else {
    const mayBeNull = sq.expr.some(nullableOf) || outputOf(sq.plan).some((a) => a.nullable);
    parts.push(part(subqueryJoin(input, sq, 'left_anti', mayBeNull), false));
    // no equal row but a NULL comparison: IN is NULL
    if (mayBeNull) parts.push(part(subqueryJoin(subqueryJoin(input, sq, 'left_anti', false), sq, 'left_semi', true), null));
  }
  return { kind: 'union', inputs: parts, output: outputOf(input) };
}

const isSubqueryConjunct = (c: Expression): boolean =>
  isPredicateSubquery(c) || (c.kind === 'not' && isPredicateSubquery(c.expr));

function rewriteFilter(p: Extract<LogicalPlan, { kind: 'filter' }>): LogicalPlan {
  const scalar = rewriteCorrelatedScalars(p.input, [p.condition], prepare);
  if (scalar) {
    // The scalar subqueries' columns were joined in: project the filter's output back.
    const filter = rewriteFilter({ kind: 'filter', input: scalar.input, condition: scalar.exprs[0]! });
    const items: NamedExpression[] = outputOf(p.input).map((a) => ({ expr: a, attr: a }));
    return { kind: 'project', input: filter, items };
  }
  if (!hasPredicateSubquery(p.condition)) return p;
  const withSubquery: Expression[] = [];
  const nested: Expression[] = [];
  const rest: Expression[] = [];
  for (const c of conjuncts(p.condition)) {
    if (isSubqueryConjunct(c)) withSubquery.push(c);
    else if (hasPredicateSubquery(c)) nested.push(c);
    else rest.push(c);
  }
  const cond = andAll(rest);
  const base: LogicalPlan = cond ? { ...p, condition: cond } : p.input;
  const joined = withSubquery.reduce(predicateJoin, base);
  return nested.length === 0 ? joined : splitBySubquery(joined, andAll(nested)!);
}

function rewriteProject(p: Extract<LogicalPlan, { kind: 'project' }>): LogicalPlan {
  for (const i of p.items) if (hasPredicateSubquery(i.expr)) unsupported(constructName(i.expr), 'in WHERE/HAVING conditions');
  const scalar = rewriteCorrelatedScalars(p.input, p.items.map((i) => i.expr), prepare);
  if (!scalar) return p;
  return { ...p, input: scalar.input, items: p.items.map((i, k) => ({ expr: scalar.exprs[k]!, attr: i.attr })) };
}

export const rewriteSubqueries: Rule = {
  name: 'rewrite-subqueries',
  apply(p) {
    const exprs = planExpressions(p);
    if (!exprs.some(needsRewrite)) return p;
    if (p.kind === 'filter') return rewriteFilter(p);
    if (p.kind === 'project') return rewriteProject(p);
    const e = exprs.find(needsRewrite)!;
    if (hasCorrelatedScalar(e) || hasPredicateSubquery(e)) unsupported(constructName(e), `in WHERE/HAVING conditions and SELECT lists (found in ${p.kind})`);
    return p;
  },
};
