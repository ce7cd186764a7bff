// Uncorrelated scalar subqueries, evaluated on the driver before physical planning (Spark runs them as separate
// jobs too): each is replaced by a literal of its one value; zero rows give NULL, two or more are an error.
// Called by SqlEngine for every plan it runs; subqueries nested in other subqueries' plans are evaluated as well.
import { TsSparkError } from '../../common/errors.js';
import type { Expression } from '../../planner/expr/expression.js';
import { collectExprs, mapPlanExpressions, planExpressions, transformExprDown, transformPlanDown } from '../../planner/logical/index.js';
import type { LogicalPlan } from '../../planner/logical/logical-plan.js';

type ScalarSubquery = Extract<Expression, { kind: 'scalar_subquery' }>;
type WithPlan = Extract<Expression, { kind: 'scalar_subquery' | 'exists' | 'in_subquery' }>;

const hasPlan = (e: Expression): e is WithPlan => e.kind === 'scalar_subquery' || e.kind === 'exists' || e.kind === 'in_subquery';
const isUncorrelated = (e: Expression): e is ScalarSubquery => e.kind === 'scalar_subquery' && e.outer.length === 0;

/** Every uncorrelated scalar subquery in `p`, its nodes and the plans of its other subqueries (not inside those found). */
function collect(p: LogicalPlan, out: Set<ScalarSubquery>): void {
  transformPlanDown(p, (node) => {
    for (const e of planExpressions(node)) {
      for (const s of collectExprs(e, hasPlan)) {
        if (isUncorrelated(s)) out.add(s);
        else collect((s as WithPlan).plan, out);
      }
    }
    return node;
  });
}

function replace(p: LogicalPlan, values: ReadonlyMap<ScalarSubquery, Expression>): LogicalPlan {
  const expr = (e: Expression): Expression => transformExprDown(e, (x) => {
    if (!hasPlan(x)) return undefined;
    const v = isUncorrelated(x) ? values.get(x) : undefined;
    if (v) return v;
    const inner = replace(x.plan, values);
    if (x.kind === 'in_subquery') return { ...x, expr: x.expr.map(expr), plan: inner };
    return inner === x.plan ? x : { ...x, plan: inner };
  });
  return transformPlanDown(p, (node) => (planExpressions(node).some((e) => collectExprs(e, hasPlan).length > 0) ? mapPlanExpressions(node, expr) : node));
}

function tooManyRows(): never {
  throw new TsSparkError('JOB_FAILED', '[SCALAR_SUBQUERY_TOO_MANY_ROWS] More than one row returned by a subquery used as an expression.',
    { details: { errorClass: 'SCALAR_SUBQUERY_TOO_MANY_ROWS', sqlState: '21000' } });
}

/** Whether `plan` holds an uncorrelated scalar subquery (one evaluateScalarSubqueries would run). */
export function hasScalarSubqueries(plan: LogicalPlan): boolean {
  const found = new Set<ScalarSubquery>();
  collect(plan, found);
  return found.size > 0;
}

/**
 * Replaces each uncorrelated scalar subquery of `plan` by a literal in physical representation. `run` executes a
 * plan and returns its rows of physical values (it may itself evaluate nested scalar subqueries).
 */
export async function evaluateScalarSubqueries(plan: LogicalPlan, run: (p: LogicalPlan) => Promise<unknown[][]>): Promise<LogicalPlan> {
  const found = new Set<ScalarSubquery>();
  collect(plan, found);
  if (found.size === 0) return plan;
  const values = new Map<ScalarSubquery, Expression>();
  for (const s of found) {
    const rows = await run({ kind: 'limit', input: s.plan, limit: 2, offset: 0 }); // two rows are enough to fail
    if (rows.length > 1) tooManyRows();
    values.set(s, { kind: 'literal', value: rows.length === 0 ? null : (rows[0]![0] ?? null), type: s.type });
  }
  return replace(plan, values);
}
