// Expression helpers shared by the optimizer and the physical planner: child mapping, bottom-up rewriting,
// referenced attribute ids, conjunct splitting and the type/nullability of any resolved expression.
import { assertNever } from '../../common/assert.js';
import type { Attribute, ExprId, Expression } from '../expr/expression.js';
import type { DataType } from '../../sql/types/data-type.js';

const BOOLEAN: DataType = { kind: 'boolean' };

/** The expression's direct children (subquery plans are not expression children). */
export function exprChildren(e: Expression): readonly Expression[] {
  switch (e.kind) {
    case 'attr': case 'bound': case 'literal': case 'outer_ref': case 'exists': case 'scalar_subquery': return [];
    case 'call': case 'coalesce': return e.args;
    case 'cast': case 'is_null': case 'not': case 'alias': return [e.expr];
    case 'case': return [...e.branches.flat(), ...(e.else ? [e.else] : [])];
    case 'in': return [e.expr, ...e.list];
    case 'and': case 'or': return [e.left, e.right];
    case 'aggregate': return [...e.args, ...(e.filter ? [e.filter] : [])];
    case 'window': return [...(typeof e.fn === 'string' ? [] : [e.fn.aggregate]), ...e.args, ...e.spec.partitionBy, ...e.spec.orderBy.map((o) => o.expr)];
    case 'in_subquery': return e.expr;
    case 'lambda': return [e.body];
    default: return assertNever(e, 'expression');
  }
}

/** Rebuilds `e` with each child replaced by f(child); returns `e` itself when no child changed. */
export function mapChildren(e: Expression, f: (c: Expression) => Expression): Expression {
  const kids = exprChildren(e);
  if (kids.length === 0) return e;
  const next = kids.map(f);
  if (next.every((c, i) => c === kids[i])) return e;
  let k = 0;
  const take = (): Expression => next[k++]!;
  switch (e.kind) {
    case 'call': return { ...e, args: e.args.map(take) };
    case 'coalesce': return { ...e, args: e.args.map(take) };
    case 'cast': case 'is_null': case 'not': case 'alias': return { ...e, expr: take() };
    case 'case': {
      const branches = e.branches.map(() => [take(), take()] as const);
      return e.else ? { ...e, branches, else: take() } : { ...e, branches };
    }
    case 'in': { const x = take(); return { ...e, expr: x, list: e.list.map(take) }; }
    case 'and': case 'or': { const l = take(); return { ...e, left: l, right: take() }; }
    case 'aggregate': { const args = e.args.map(take); return e.filter ? { ...e, args, filter: take() } : { ...e, args }; }
    case 'window': {
      const fn = typeof e.fn === 'string' ? e.fn : { aggregate: take() };
      const args = e.args.map(take);
      const partitionBy = e.spec.partitionBy.map(take);
      const orderBy = e.spec.orderBy.map((o) => ({ ...o, expr: take() }));
      return { ...e, fn, args, spec: { ...e.spec, partitionBy, orderBy } };
    }
    case 'in_subquery': return { ...e, expr: e.expr.map(take) };
    case 'lambda': return { ...e, body: take() };
    default: return e;
  }
}

/** Bottom-up rewrite: children first, then f on the (possibly rebuilt) node. */
export function transformUp(e: Expression, f: (x: Expression) => Expression): Expression {
  return f(mapChildren(e, (c) => transformUp(c, f)));
}

/** Top-down rewrite: f first; when f returns a different node its children are not revisited. */
export function transformDown(e: Expression, f: (x: Expression) => Expression): Expression {
  const g = f(e);
  if (g !== e) return g;
  return mapChildren(e, (c) => transformDown(c, f));
}

export function anyExpr(e: Expression, pred: (x: Expression) => boolean): boolean {
  return pred(e) || exprChildren(e).some((c) => anyExpr(c, pred));
}

/** Ids of the attributes `e` reads (outer references included). */
export function references(e: Expression, into: Set<ExprId> = new Set()): Set<ExprId> {
  if (e.kind === 'attr') into.add(e.id);
  else if (e.kind === 'outer_ref') into.add(e.attr.id);
  else if (e.kind === 'scalar_subquery' || e.kind === 'exists' || e.kind === 'in_subquery') for (const a of e.outer) into.add(a.id);
  for (const c of exprChildren(e)) references(c, into);
  return into;
}

export function conjuncts(e: Expression): Expression[] {
  return e.kind === 'and' ? [...conjuncts(e.left), ...conjuncts(e.right)] : [e];
}

export function andAll(list: readonly Expression[]): Expression | undefined {
  if (list.length === 0) return undefined;
  return list.reduce((l, r) => ({ kind: 'and', left: l, right: r }));
}

const NON_DETERMINISTIC = new Set(['rand', 'randn', 'uuid', 'shuffle', 'monotonically_increasing_id', 'spark_partition_id', 'current_timestamp', 'now']);

export function isDeterministic(e: Expression): boolean {
  return !anyExpr(e, (x) => (x.kind === 'call' && NON_DETERMINISTIC.has(x.fn)) || x.kind === 'scalar_subquery' || x.kind === 'exists' || x.kind === 'in_subquery');
}

export function hasAggregate(e: Expression): boolean {
  return anyExpr(e, (x) => x.kind === 'aggregate');
}

export function exprType(e: Expression): DataType {
  switch (e.kind) {
    case 'attr': case 'bound': case 'literal': case 'call': case 'cast': case 'case': case 'coalesce':
    case 'aggregate': case 'window': case 'scalar_subquery': case 'lambda': return e.type;
    case 'in': case 'is_null': case 'and': case 'or': case 'not': case 'exists': case 'in_subquery': return BOOLEAN;
    case 'alias': return exprType(e.expr);
    case 'outer_ref': return e.attr.type;
    default: return assertNever(e, 'expression');
  }
}

export function exprNullable(e: Expression): boolean {
  switch (e.kind) {
    case 'attr': case 'bound': case 'call': return e.nullable;
    case 'literal': return e.value === null || e.value === undefined;
    case 'is_null': case 'exists': return false;
    case 'aggregate': return e.fn !== 'count' && e.fn !== 'count_if' && e.fn !== 'approx_count_distinct';
    case 'alias': return exprNullable(e.expr);
    case 'outer_ref': return e.attr.nullable;
    default: return true;
  }
}

export function isLiteral(e: Expression): e is Extract<Expression, { kind: 'literal' }> {
  return e.kind === 'literal';
}

export function isTrue(e: Expression): boolean { return e.kind === 'literal' && e.value === true; }
export function isFalse(e: Expression): boolean { return e.kind === 'literal' && e.value === false; }
export function isNullLiteral(e: Expression): boolean { return e.kind === 'literal' && (e.value === null || e.value === undefined); }

export function attrOf(id: ExprId, name: string, type: DataType, nullable: boolean): Attribute {
  return { kind: 'attr', id, name, type, nullable };
}
