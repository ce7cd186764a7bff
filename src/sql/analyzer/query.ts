// A whole query: WITH (CTEs, visible to later CTEs and the body; a CTE's own name is not visible inside it),
// the body (SELECT, set operations, VALUES, TABLE t, nested queries), ORDER BY, LIMIT and OFFSET.
import type { Expression } from '../../planner/expr/expression.js';
import type { LogicalPlan } from '../../planner/logical/logical-plan.js';
import { outputOf } from '../../planner/logical/schema-of.js';
import type { Expr, Query, QueryBody } from '../parser/ast.js';
import { analysisError } from './errors.js';
import { inlineTable } from './inline-table.js';
import type { QueryCtx } from './query-context.js';
import { aliased } from './relations.js';
import { sortOrderOf } from './resolve-call.js';
import { resolveExpr, type ExprEnv } from './resolve-expr.js';
import { Scope } from './scope.js';
import { analyzeSelect } from './select.js';
import { setOperation } from './set-ops.js';
import { reIdPlan } from '../../planner/logical/re-id.js';

/**
 * Legacy set-operator precedence: the parser gave INTERSECT priority; re-read the chain in textual order as one
 * left-to-right sequence. Parenthesized queries stay as written (they are not setOp bodies).
 */
function leftAssociated(body: Extract<QueryBody, { kind: 'setOp' }>): QueryBody {
  const operands: QueryBody[] = [];
  const ops: Array<{ op: 'union' | 'intersect' | 'except'; all: boolean }> = [];
  const walk = (b: QueryBody): void => {
    if (b.kind !== 'setOp') {
      operands.push(b);
      return;
    }
    walk(b.left);
    ops.push({ op: b.op, all: b.all });
    walk(b.right);
  };
  walk(body);
  let acc: QueryBody = operands[0]!;
  ops.forEach((o, i) => { acc = { kind: 'setOp', op: o.op, all: o.all, left: acc, right: operands[i + 1]! }; });
  return JSON.stringify(acc) === JSON.stringify(body) ? body : acc;
}

function analyzeBody(body: QueryBody, ctx: QueryCtx, orderBy: Query['orderBy']): { plan: LogicalPlan; sorted: boolean } {
  switch (body.kind) {
    case 'select': return { plan: analyzeSelect(body, orderBy, ctx), sorted: true };
    case 'setOp': {
      if (ctx.env.legacySetopsPrecedence) {
        const flat = leftAssociated(body);
        if (flat !== body) return analyzeBody(flat, ctx, orderBy);
      }
      const l = analyzeBody(body.left, ctx, []).plan;
      const r = analyzeBody(body.right, ctx, []).plan;
      return { plan: setOperation(body.op, l, r, body.all, ctx.env.fn), sorted: false };
    }
    case 'values': return { plan: aliased(inlineTable(body.rows, ctx.env, body.alias?.columns), undefined, []).plan, sorted: false };
    case 'table': {
      const cte = body.name.length === 1 ? ctx.ctes.get(body.name[0]!.toLowerCase()) : undefined;
      return { plan: cte ? reIdPlan(cte) : ctx.catalog.lookupRelation(body.name), sorted: false };
    }
    case 'query': return { plan: analyzeQuery(body, ctx), sorted: false };
    default: {
      const never: never = body;
      throw new Error(`unexpected query body ${JSON.stringify(never)}`);
    }
  }
}

function constantInt(e: Expr, ctx: QueryCtx, what: 'LIMIT' | 'OFFSET'): number {
  const v: Expression = resolveExpr(e, { scope: new Scope([]), env: ctx.env, allowAggregate: false, allowWindow: false });
  const n = v.kind === 'literal' && typeof v.value === 'number' && Number.isInteger(v.value) ? v.value : undefined;
  if (n === undefined) {
    throw analysisError('INVALID_LIMIT_LIKE_EXPRESSION.IS_UNFOLDABLE', '42K0E', { name: what.toLowerCase(), expr: '' },
      `The ${what.toLowerCase()} like expression is invalid. The ${what.toLowerCase()} expression must evaluate to a constant value.`);
  }
  if (n < 0) {
    throw analysisError('INVALID_LIMIT_LIKE_EXPRESSION.IS_NEGATIVE', '42K0E', { name: what.toLowerCase(), expr: String(n), v: String(n) },
      `The ${what.toLowerCase()} like expression "${n}" is invalid. The ${what.toLowerCase()} expression must be equal to or greater than 0, but got ${n}.`);
  }
  return n;
}

/**
 * The context under a WITH clause: its CTEs are visible to the body and to every subquery in its expressions
 * (`WHERE x = (SELECT max(y) FROM cte)`, TPC-H Q15), so the expression env's subquery analysis carries them too.
 * The map fills as the CTEs are analyzed, so a CTE sees only the ones before it.
 */
function withCtes(ctx: QueryCtx, ctes: ReadonlyMap<string, LogicalPlan>): QueryCtx {
  const env: ExprEnv = { ...ctx.env, analyzeSubquery: (sq: Query, outer: Scope): LogicalPlan => analyzeQuery(sq, { catalog: ctx.catalog, env, ctes, outer }) };
  return { ...ctx, env, ctes };
}

export function analyzeQuery(q: Query, ctx: QueryCtx): LogicalPlan {
  let inner = ctx;
  if (q.ctes.length) {
    const ctes = new Map(ctx.ctes);
    inner = withCtes(ctx, ctes);
    for (const c of q.ctes) {
      const plan = analyzeQuery(c.query, inner);
      ctes.set(c.name.toLowerCase(), c.columns ? aliased(plan, { name: c.name, columns: c.columns }, []).plan : plan);
    }
  }
  const orderBy = q.orderBy.length ? q.orderBy : q.sortBy;
  const body = analyzeBody(q.body, inner, orderBy);
  let plan = body.plan;
  if (orderBy.length && !body.sorted) {
    const out = outputOf(plan);
    const scope = Scope.of(out, undefined, ctx.outer);
    const order = orderBy.map((s) => {
      if (s.expr.kind === 'number' && s.expr.type === 'int') {
        const n = Number(s.expr.text);
        const a = out[n - 1];
        if (!a) {
          throw analysisError('ORDER_BY_POS_OUT_OF_RANGE', '42805', { index: String(n), size: String(out.length) },
            `ORDER BY position ${n} is not in select list (valid range is [1, ${out.length}]).`);
        }
        return sortOrderOf(s, a);
      }
      return sortOrderOf(s, resolveExpr(s.expr, { scope, env: ctx.env, allowAggregate: false, allowWindow: false }));
    });
    plan = { kind: 'sort', input: plan, order, global: q.orderBy.length > 0 };
  }
  const limit = q.limit ? constantInt(q.limit, ctx, 'LIMIT') : undefined;
  const offset = q.offset ? constantInt(q.offset, ctx, 'OFFSET') : 0;
  if (limit !== undefined || offset > 0) plan = { kind: 'limit', input: plan, limit: limit ?? -1, offset };
  return plan;
}
