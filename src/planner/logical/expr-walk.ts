// Generic traversal of resolved expressions: children, rebuild with new children, bottom-up transform, search.
// Subquery plans inside expressions are not children here (plan-walk.ts visits them explicitly).
import { assertNever } from '../../common/assert.js';
import type { Expression, SortOrder } from '../expr/expression.js';

export function exprChildren(e: Expression): readonly Expression[] {
  switch (e.kind) {
    case 'attr': case 'bound': case 'literal': case 'scalar_subquery': case 'exists': case 'outer_ref':
      return [];
    case 'call': case 'coalesce':
      return e.args;
    case 'cast': case 'is_null': case 'not': case 'alias':
      return [e.expr];
    case 'case': {
      const out: Expression[] = [];
      for (const [w, t] of e.branches) out.push(w, t);
      if (e.else) out.push(e.else);
      return out;
    }
    case 'in':
      return [e.expr, ...e.list];
    case 'and': case 'or':
      return [e.left, e.right];
    case 'aggregate':
      return e.filter ? [...e.args, e.filter] : e.args;
    case 'window':
      return [
        ...(typeof e.fn === 'string' ? [] : [e.fn.aggregate]),
        ...e.args, ...e.spec.partitionBy, ...e.spec.orderBy.map((o) => o.expr),
      ];
    case 'in_subquery':
      return e.expr;
    case 'lambda':
      return [e.body];
    default:
      return assertNever(e, 'expression');
  }
}

/** Rebuilds `e` with `kids` (same order as exprChildren); returns `e` itself when nothing changed. */
export function withExprChildren(e: Expression, kids: readonly Expression[]): Expression {
  const old = exprChildren(e);
  if (old.length === kids.length && old.every((c, i) => c === kids[i])) return e;
  let i = 0;
  const n = (): Expression => kids[i++]!;
  switch (e.kind) {
    case 'attr': case 'bound': case 'literal': case 'scalar_subquery': case 'exists': case 'outer_ref':
      return e;
    case 'call': return { ...e, args: e.args.map(n) };
    case 'coalesce': return { ...e, args: e.args.map(n) };
    case 'cast': case 'is_null': case 'not': case 'alias':
      return { ...e, expr: n() };
    case 'case': {
      const branches = e.branches.map(() => [n(), n()] as const);
      return e.else ? { ...e, branches, else: n() } : { ...e, branches };
    }
    case 'in': return { ...e, expr: n(), list: e.list.map(n) };
    case 'and': case 'or': return { ...e, left: n(), right: n() };
    case 'aggregate': {
      const args = e.args.map(n);
      return e.filter ? { ...e, args, filter: n() } : { ...e, args };
    }
    case 'window': {
      const fn = typeof e.fn === 'string' ? e.fn : { aggregate: n() };
      const args = e.args.map(n);
      const partitionBy = e.spec.partitionBy.map(n);
      const orderBy: SortOrder[] = e.spec.orderBy.map((o) => ({ ...o, expr: n() }));
      return { ...e, fn, args, spec: { ...e.spec, partitionBy, orderBy } };
    }
    case 'in_subquery': return { ...e, expr: e.expr.map(n) };
    case 'lambda': return { ...e, body: n() };
    default:
      return assertNever(e, 'expression');
  }
}

/** Bottom-up rewrite: children first, then `fn` on the rebuilt node. */
export function transformExprUp(e: Expression, fn: (x: Expression) => Expression): Expression {
  const kids = exprChildren(e);
  const next = kids.length ? withExprChildren(e, kids.map((k) => transformExprUp(k, fn))) : e;
  return fn(next);
}

/** Top-down rewrite: when `fn` returns a node, it replaces the subtree and is not descended into. */
export function transformExprDown(e: Expression, fn: (x: Expression) => Expression | undefined): Expression {
  const r = fn(e);
  if (r !== undefined) return r;
  const kids = exprChildren(e);
  return kids.length ? withExprChildren(e, kids.map((k) => transformExprDown(k, fn))) : e;
}

export function exprExists(e: Expression, pred: (x: Expression) => boolean): boolean {
  if (pred(e)) return true;
  return exprChildren(e).some((k) => exprExists(k, pred));
}

/** Every subtree matching `pred`, outermost first; matched subtrees are not searched further. */
export function collectExprs(e: Expression, pred: (x: Expression) => boolean, out: Expression[] = []): Expression[] {
  if (pred(e)) out.push(e);
  else for (const k of exprChildren(e)) collectExprs(k, pred, out);
  return out;
}
