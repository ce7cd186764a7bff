// Correlated scalar subqueries → aggregate grouped by the correlation keys, left-outer-joined to the outer plan
// (Spark's RewriteCorrelatedScalarSubquery); the subquery expression becomes the aggregate's output attribute.
//   before: Project [name#1, scalar-subquery [dept#2] AS s#9] ← e     with  Aggregate [], [max(sal#5) AS m#8] ← Filter (dept#4 = outer(dept#2)) ← f
//   after:  Project [name#1, m#8 AS s#9] ← Join left_outer (dept#4 = dept#2) [e, Aggregate [dept#4], [max(sal#5) AS m#8, dept#4] ← f]
// Count bug: when the aggregate is non-NULL on empty input (count → 0), an `alwaysTrue` column tells "no group
// matched" apart from "the group's value is NULL": CASE WHEN isnull(alwaysTrue) THEN <empty value> ELSE m#8 END.
import { TsSparkError } from '../../../common/errors.js';
import type { Attribute, Expression } from '../../expr/expression.js';
import { evalConstant } from '../../expr/index.js';
import { exprExists, newExprId, transformExprDown, transformExprUp } from '../../logical/index.js';
import type { LogicalPlan } from '../../logical/logical-plan.js';
import { andAll } from '../expr-utils.js';
import { outputOf } from '../plan-utils.js';
import { assertJoinable, outerToAttr, pullUpCorrelated } from './pull-up-correlated.js';

type ScalarSubquery = Extract<Expression, { kind: 'scalar_subquery' }>;
type Aggregate = Extract<LogicalPlan, { kind: 'aggregate' }>;

export const isCorrelatedScalar = (e: Expression): e is ScalarSubquery => e.kind === 'scalar_subquery' && e.outer.length > 0;

export const hasCorrelatedScalar = (e: Expression): boolean => exprExists(e, isCorrelatedScalar);

/** Prepares a subquery plan for joining under `outer` (nested subqueries rewritten, ids made distinct). */
export type PrepareSubquery = (sub: LogicalPlan, outer: LogicalPlan) => LogicalPlan;

function mustAggregate(): never {
  throw new TsSparkError('ANALYSIS_ERROR',
    '[UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY.MUST_AGGREGATE_CORRELATED_SCALAR_SUBQUERY] Unsupported subquery expression: '
    + 'Correlated scalar subqueries must be aggregated to return at most one row.',
    { details: { errorClass: 'UNSUPPORTED_SUBQUERY_EXPRESSION_CATEGORY.MUST_AGGREGATE_CORRELATED_SCALAR_SUBQUERY', sqlState: '0A000' } });
}

/** The aggregate that makes the subquery return at most one row per correlation key (through Projects/Filters). */
function findAggregate(p: LogicalPlan): Aggregate | undefined {
  switch (p.kind) {
    case 'aggregate': return p;
    case 'project': case 'filter': case 'sort': return findAggregate(p.input);
    default: return undefined;
  }
}

const ZERO_ON_EMPTY = new Set(['count', 'count_if', 'approx_count_distinct']);

/** The value of `e` (an aggregate item) over no input rows, or null (also when it cannot be folded). */
function emptyInputValue(e: Expression): unknown {
  const folded = transformExprDown(e.kind === 'alias' ? e.expr : e, (x) => {
    if (x.kind !== 'aggregate') return undefined;
    return { kind: 'literal', value: ZERO_ON_EMPTY.has(x.fn) ? 0 : null, type: x.type };
  });
  if (exprExists(folded, (x) => x.kind === 'attr' || x.kind === 'outer_ref')) return null;
  try { return evalConstant(folded); } catch { return null; }
}

interface Joined { readonly plan: LogicalPlan; readonly value: Expression }

function joinScalar(outer: LogicalPlan, sq: ScalarSubquery, prepare: PrepareSubquery): Joined {
  const sub = prepare(sq.plan, outer);
  const agg = findAggregate(sub);
  if (!agg) return mustAggregate();
  const valueAttr = outputOf(sub)[0]!;
  const pulled = pullUpCorrelated(sub);
  const keyIds = new Set(pulled.predicates.flatMap((c) => (c.kind === 'call' ? c.args : [])).flatMap((a) => (a.kind === 'attr' ? [a.id] : [])));
  // A GROUP BY in the subquery is only one row per outer row when it groups by correlation keys.
  if (!agg.groupBy.every((g) => g.kind === 'attr' && keyIds.has(g.id))) return mustAggregate();
  let right = pulled.plan;
  let value: Expression = { ...valueAttr, nullable: true };
  if (right.kind === 'aggregate' && right.items[0]?.attr.id === valueAttr.id) {
    const empty = emptyInputValue(right.items[0].expr);
    if (empty !== null && empty !== undefined) {
      const flag: Attribute = { kind: 'attr', id: newExprId(), name: 'alwaysTrue', type: { kind: 'boolean' }, nullable: false };
      right = { ...right, items: [...right.items, { expr: { kind: 'literal', value: true, type: flag.type }, attr: flag }] };
      value = {
        kind: 'case',
        branches: [[{ kind: 'is_null', expr: { ...flag, nullable: true }, negated: false }, { kind: 'literal', value: empty, type: sq.type }]],
        else: value,
        type: sq.type,
      };
    }
  }
  const condition = andAll(pulled.predicates.map(outerToAttr));
  assertJoinable(condition, outer, right);
  const plan: LogicalPlan = { kind: 'join', left: outer, right, type: 'left_outer', ...(condition ? { condition } : {}) };
  return { plan, value };
}

/**
 * Joins every correlated scalar subquery of `exprs` to `input` and replaces it by its value; undefined when there
 * is none. The caller restores its node's output (the join adds the subqueries' columns).
 */
export function rewriteCorrelatedScalars(input: LogicalPlan, exprs: readonly Expression[], prepare: PrepareSubquery): { input: LogicalPlan; exprs: Expression[] } | undefined {
  if (!exprs.some(hasCorrelatedScalar)) return undefined;
  let cur = input;
  const out = exprs.map((e) => transformExprUp(e, (x) => {
    if (!isCorrelatedScalar(x)) return x;
    const j = joinScalar(cur, x, prepare);
    cur = j.plan;
    return j.value;
  }));
  return { input: cur, exprs: out };
}
