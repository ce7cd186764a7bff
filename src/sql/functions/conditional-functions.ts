// Typing of conditional expressions: coalesce/nvl/ifnull (coalesce node), if/nvl2/nullif (call 'if'), CASE and IN
// with the wider common type of their branches/values, isnull/isnotnull/isnan/nanvl.
import { exprType } from '../../planner/expr/expr-type.js';
import type { Expression } from '../../planner/expr/expression.js';
import { T, type DataType } from '../types/data-type.js';
import { comparableOperands } from './operators.js';
import { isNullable, ResolveCtx, type ResolveOptions, type Resolver } from './resolve-context.js';
import { coerceAll } from './type-coercion.js';
import { dataDiffTypes, mismatch } from './type-errors.js';
import { exprSql, typeSql } from './expr-sql.js';

function commonOf(ctx: ResolveCtx, exprs: readonly Expression[], fn: string): DataType {
  const t = coerceAll(exprs.map((e) => exprType(e)));
  if (!t) throw dataDiffTypes(ctx.text(), fn, exprs.map((e) => exprType(e)));
  return t;
}

const coalesce: Resolver = (args, ctx) => {
  ctx.arity(1, Infinity);
  const t = commonOf(ctx, args, 'coalesce');
  return { kind: 'coalesce', args: args.map((a) => ctx.cast(a, t)), type: t };
};

function ifExpr(ctx: ResolveCtx, cond: Expression, a: Expression, b: Expression): Expression {
  if (exprType(cond).kind !== 'boolean' && exprType(cond).kind !== 'null') {
    throw mismatch('UNEXPECTED_INPUT_TYPE', ctx.text(), `Parameter 1 requires the "BOOLEAN" type, however "${exprSql(cond)}" has the type "${typeSql(exprType(cond))}"`);
  }
  const t = coerceAll([exprType(a), exprType(b)]);
  if (!t) throw mismatch('DATA_DIFF_TYPES', ctx.text(), `Input to \`if\` should all be the same type, but it's ["${typeSql(exprType(a))}", "${typeSql(exprType(b))}"]`);
  return ctx.call('if', [ctx.cast(cond, T.boolean), ctx.cast(a, t), ctx.cast(b, t)], t, isNullable(a) || isNullable(b));
}

export const conditionalResolvers: Readonly<Record<string, Resolver>> = {
  coalesce, nvl: (a, c) => { c.arity(2); return coalesce(a, c); }, ifnull: (a, c) => { c.arity(2); return coalesce(a, c); },
  if: (args, ctx) => { ctx.arity(3); return ifExpr(ctx, args[0]!, args[1]!, args[2]!); },
  iff: (args, ctx) => { ctx.arity(3); return ifExpr(ctx, args[0]!, args[1]!, args[2]!); },
  nvl2: (args, ctx) => {
    ctx.arity(3);
    return ifExpr(ctx, { kind: 'is_null', expr: args[0]!, negated: true }, args[1]!, args[2]!);
  },
  nullif: (args, ctx) => {
    ctx.arity(2);
    const [l, r] = comparableOperands('equal_to', args[0]!, args[1]!, ctx);
    const eq = ctx.call('equal_to', [l, r], T.boolean);
    return ifExpr(ctx, eq, { kind: 'literal', value: null, type: exprType(args[0]!) }, args[0]!);
  },
  isnull: (args, ctx) => { ctx.arity(1); return { kind: 'is_null', expr: args[0]!, negated: false }; },
  isnotnull: (args, ctx) => { ctx.arity(1); return { kind: 'is_null', expr: args[0]!, negated: true }; },
  isnan: (args, ctx) => { ctx.arity(1); return ctx.call('isnan', ctx.expect([T.double]), T.boolean, false); },
  nanvl: (args, ctx) => { ctx.arity(2); return ctx.call('nanvl', ctx.expect([T.double, T.double]), T.double); },
};

/** CASE WHEN c THEN v … [ELSE e] END (searched form; the analyzer turns CASE x WHEN y into x = y). */
export function resolveCase(
  branches: ReadonlyArray<readonly [Expression, Expression]>, elseExpr: Expression | undefined, opts: ResolveOptions,
): Expression {
  const values = [...branches.map(([, v]) => v), ...(elseExpr ? [elseExpr] : [])];
  const ctx = new ResolveCtx('casewhen', values, opts);
  const t = coerceAll(values.map((v) => exprType(v)));
  if (!t) {
    throw mismatch('DATA_DIFF_TYPES', `CASE ${branches.map(([w, v]) => `WHEN ${exprSql(w)} THEN ${exprSql(v)}`).join(' ')}${elseExpr ? ` ELSE ${exprSql(elseExpr)}` : ''} END`,
      `Input to \`casewhen\` should all be the same type, but it's [${values.map((v) => `"${typeSql(exprType(v))}"`).join(', ')}]`);
  }
  for (const [w] of branches) {
    if (exprType(w).kind !== 'boolean' && exprType(w).kind !== 'null') {
      throw mismatch('UNEXPECTED_INPUT_TYPE', `CASE WHEN ${exprSql(w)} …`, `Parameter 1 requires the "BOOLEAN" type, however "${exprSql(w)}" has the type "${typeSql(exprType(w))}"`);
    }
  }
  return {
    kind: 'case',
    branches: branches.map(([w, v]) => [ctx.cast(w, T.boolean), ctx.cast(v, t)] as const),
    ...(elseExpr ? { else: ctx.cast(elseExpr, t) } : {}),
    type: t,
  };
}

/** x [NOT] IN (v1, v2…): every value cast to the wider common type (InConversion). */
export function resolveIn(expr: Expression, list: readonly Expression[], negated: boolean, opts: ResolveOptions): Expression {
  const all = [expr, ...list];
  const ctx = new ResolveCtx('in', all, opts);
  const t = coerceAll(all.map((e) => exprType(e)));
  if (!t) {
    throw mismatch('DATA_DIFF_TYPES', `(${exprSql(expr)} IN (${list.map(exprSql).join(', ')}))`,
      `Input to \`in\` should all be the same type, but it's [${all.map((v) => `"${typeSql(exprType(v))}"`).join(', ')}]`);
  }
  return { kind: 'in', expr: ctx.cast(expr, t), list: list.map((e) => ctx.cast(e, t)), negated };
}
