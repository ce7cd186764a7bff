// Resolves function calls: special forms (coalesce, if, nvl, isnull, struct), aggregates (with DISTINCT/FILTER,
// count(*) as count(1)), window functions and aggregates OVER a window spec (named windows, Spark's default frames).
import type { Expression, SortOrder, WindowFrame, WindowSpecification } from '../../planner/expr/expression.js';
import type { Expr, SortItem, WindowRef, WindowSpec } from '../parser/ast.js';
import { analysisError } from './errors.js';
import { nullableOf, typeOf } from './expr-type.js';
import {
  coerceTypes, isAggregateFunction, isWindowFunction, resolveAggregate, resolveFunction, resolveWindowFunction, widen,
} from './function-adapter.js';
import { asBoolean, resolveExpr, type ResolveCtx } from './resolve-expr.js';
import { explicitFrame } from './window-frame.js';

type FnExpr = Extract<Expr, { kind: 'function' }>;

export function sortOrderOf(s: SortItem, expr: Expression): SortOrder {
  const nulls = s.nulls ?? (s.direction === 'asc' ? 'first' : 'last');
  return { expr, direction: s.direction, nulls: nulls === 'first' ? 'nulls_first' : 'nulls_last' };
}

function lookupWindow(ref: WindowRef, ctx: ResolveCtx): WindowSpec {
  if (ref.kind === 'windowSpec') {
    if (!ref.base) return ref;
    const base = lookupWindow({ kind: 'windowName', name: ref.base }, ctx);
    return {
      kind: 'windowSpec',
      partitionBy: ref.partitionBy.length ? ref.partitionBy : base.partitionBy,
      orderBy: ref.orderBy.length ? ref.orderBy : base.orderBy,
      ...(ref.frame ?? base.frame ? { frame: ref.frame ?? base.frame } : {}),
    };
  }
  const found = ctx.windows?.get(ref.name.toLowerCase());
  if (!found) {
    throw analysisError('MISSING_WINDOW_SPECIFICATION', '42P20', { windowName: ref.name },
      `Window specification ${ref.name} is not defined in the WINDOW clause.`);
  }
  return lookupWindow(found, ctx);
}

const ranking = new Set(['row_number', 'rank', 'dense_rank', 'percent_rank', 'cume_dist', 'ntile']);

function windowSpec(ref: WindowRef, fnName: string, ctx: ResolveCtx): WindowSpecification {
  const spec = lookupWindow(ref, ctx);
  const inner: ResolveCtx = { ...ctx, allowWindow: false };
  const partitionBy = spec.partitionBy.map((x) => resolveExpr(x, inner));
  const orderBy = spec.orderBy.map((s) => sortOrderOf(s, resolveExpr(s.expr, inner)));
  let frame: WindowFrame;
  if (spec.frame) frame = explicitFrame({ ...spec, frame: spec.frame }, orderBy, ctx);
  else if (ranking.has(fnName)) frame = { type: 'rows', lower: { kind: 'unbounded_preceding' }, upper: { kind: 'current_row' } };
  else if (orderBy.length) frame = { type: 'range', lower: { kind: 'unbounded_preceding' }, upper: { kind: 'current_row' } };
  else frame = { type: 'rows', lower: { kind: 'unbounded_preceding' }, upper: { kind: 'unbounded_following' } };
  if (fnName === 'lag' || fnName === 'lead') {
    frame = { type: 'rows', lower: { kind: 'unbounded_preceding' }, upper: { kind: 'unbounded_following' } };
  }
  return { partitionBy, orderBy, frame };
}

function special(name: string, args: readonly Expression[], ctx: ResolveCtx): Expression | undefined {
  const fn = ctx.env.fn;
  const common = (xs: readonly Expression[]): Expression[] => {
    const t = xs.reduce<ReturnType<typeof coerceTypes>>((acc, x) => acc && coerceTypes(acc, typeOf(x)), { kind: 'null' });
    return t ? xs.map((x) => widen(x, t, fn)) : [...xs];
  };
  switch (name) {
    case 'coalesce': case 'nvl': case 'ifnull': {
      const xs = common(args);
      return { kind: 'coalesce', args: xs, type: typeOf(xs[0]!) };
    }
    case 'if': {
      if (args.length !== 3) return undefined;
      const [t, f] = common(args.slice(1));
      return { kind: 'case', branches: [[asBoolean(args[0]!, fn), t!]], else: f!, type: typeOf(t!) };
    }
    case 'isnull': case 'isnotnull':
      return args.length === 1 ? { kind: 'is_null', expr: args[0]!, negated: name === 'isnotnull' } : undefined;
    case 'struct': {
      const names = args.map((a, i) => (a.kind === 'attr' ? a.name : `col${i + 1}`));
      const flat = args.flatMap((a, i) => [{ kind: 'literal', value: names[i], type: { kind: 'string' } } as Expression, a]);
      return { kind: 'call', fn: 'named_struct', args: flat, nullable: false,
        type: { kind: 'struct', fields: args.map((a, i) => ({ name: names[i]!, type: typeOf(a), nullable: nullableOf(a) })) } };
    }
    default: return undefined;
  }
}

export function resolveCall(e: FnExpr, ctx: ResolveCtx): Expression {
  const name = e.name[e.name.length - 1]!.toLowerCase();
  const isAgg = isAggregateFunction(name);
  const isWin = isWindowFunction(name);
  if (e.over && !ctx.allowWindow) {
    throw analysisError('UNSUPPORTED_EXPR_FOR_WINDOW', '42P20', { sqlExpr: `"${name}"` }, `Expression "${name}" not supported within a window function.`);
  }
  if (isWin && !e.over) {
    throw analysisError('WINDOW_FUNCTION_WITHOUT_OVER_CLAUSE', '42601', { funcName: `"${name}"` }, `Window function "${name}" requires an OVER clause.`);
  }
  if (isAgg && !e.over && !ctx.allowAggregate) {
    if (ctx.clause === 'aggregate') {
      throw analysisError('NESTED_AGGREGATE_FUNCTION', '42607', {},
        'It is not allowed to use an aggregate function in the argument of another aggregate function. Please use the inner aggregate function in a sub-query.');
    }
    throw analysisError('INVALID_WHERE_CONDITION', '42903', { condition: `"${name}"`, expressionList: name },
      `The WHERE condition "${name}" contains invalid expressions: ${name}.\nRewrite the query to avoid window functions, aggregate functions, and generator functions in the WHERE clause.`);
  }
  const argCtx: ResolveCtx = isAgg || isWin ? { ...ctx, allowAggregate: !!e.over && ctx.allowAggregate, allowWindow: false, clause: 'aggregate' } : ctx;
  const countStar = name === 'count' && e.args.length === 1 && e.args[0]!.kind === 'star';
  const args = countStar
    ? [{ kind: 'literal', value: 1, type: { kind: 'int' } } as Expression]
    : e.args.map((a) => resolveExpr(a, argCtx));
  if (isAgg) {
    let agg = resolveAggregate(name, args, e.distinct, ctx.env.fn);
    if (agg.kind === 'aggregate') {
      if (e.filter) agg = { ...agg, filter: asBoolean(resolveExpr(e.filter, argCtx), ctx.env.fn) };
      if (e.ignoreNulls) agg = { ...agg, ignoreNulls: true };
    }
    if (!e.over) return agg;
    return { kind: 'window', fn: { aggregate: agg }, args: [], spec: windowSpec(e.over, name, ctx), type: typeOf(agg) };
  }
  if (isWin) {
    return resolveWindowFunction(name, args, windowSpec(e.over!, name, ctx), ctx.env.fn);
  }
  if (e.over) {
    throw analysisError('UNSUPPORTED_EXPR_FOR_WINDOW', '42P20', { sqlExpr: `"${name}"` }, `Expression "${name}" not supported within a window function.`);
  }
  return special(name, args, ctx) ?? resolveFunction(name, args, ctx.env.fn);
}
