// Typing of Spark's operators (Add, Subtract, Multiply, Divide, Remainder, IntegralDivide, Pmod, UnaryMinus,
// comparisons, bitwise ops): string promotion, numeric widening, DecimalPrecision, date/interval arithmetic.
import { exprType } from '../../planner/expr/expr-type.js';
import type { Expression } from '../../planner/expr/expression.js';
import { isIntegral, isNumeric, sameType, type DataType } from '../types/data-type.js';
import { decimalForIntegral, decimalForIntegralLiteral, decimalResultType, widerDecimal, type DecimalOp } from './decimal-precision.js';
import { exprSql } from './expr-sql.js';
import { isNullable, type ResolveCtx, type Resolver } from './resolve-context.js';
import { binaryOpDiffTypes, binaryOpWrongType } from './type-errors.js';
import { comparisonCommonType, tightestCommonType } from './type-coercion.js';

const symbols: Record<string, string> = {
  add: '+', subtract: '-', multiply: '*', divide: '/', remainder: '%', div: 'div', pmod: 'pmod',
  equal_to: '=', not_equal: '!=', less_than: '<', less_than_or_equal: '<=', greater_than: '>',
  greater_than_or_equal: '>=', equal_null_safe: '<=>', bitwise_and: '&', bitwise_or: '|', bitwise_xor: '^',
};

function opText(fn: string, l: Expression, r: Expression): string {
  return fn === 'pmod' ? `pmod(${exprSql(l)}, ${exprSql(r)})` : `(${exprSql(l)} ${symbols[fn] ?? fn} ${exprSql(r)})`;
}

const D = { kind: 'double' } as DataType;
const L = { kind: 'long' } as DataType;

/** A string operand in arithmetic: double in non-ANSI (PromoteStrings), the other side's numeric type in ANSI. */
function promoteString(e: Expression, other: Expression, ctx: ResolveCtx): Expression {
  if (exprType(e).kind !== 'string') return e;
  if (ctx.opts.ansi && isNumeric(exprType(other))) return ctx.cast(e, exprType(other).kind === 'decimal' ? D : exprType(other).kind === 'double' || exprType(other).kind === 'float' ? exprType(other) : L);
  return ctx.cast(e, D);
}

/** Decimal operands of a binary operator: integral literals take their minimal precision, integrals their decimal type. */
function toDecimal(e: Expression): DataType | undefined {
  if (exprType(e).kind === 'decimal') return exprType(e);
  if (e.kind === 'literal' && typeof e.value === 'number' && isIntegral(exprType(e))) return decimalForIntegralLiteral(e.value);
  return decimalForIntegral(exprType(e));
}

function numericPair(fn: string, l0: Expression, r0: Expression, ctx: ResolveCtx): [Expression, Expression, DataType] {
  let l = promoteString(l0, r0, ctx);
  let r = promoteString(r0, l0, ctx);
  if (exprType(l).kind === 'null' && exprType(r).kind === 'null') { l = ctx.cast(l, D); r = ctx.cast(r, D); }
  const text = opText(fn, l0, r0);
  for (const e of [l, r]) {
    if (!isNumeric(exprType(e)) && exprType(e).kind !== 'null') {
      if (isNumeric(exprType(l)) || isNumeric(exprType(r)) || exprType(l).kind === 'null' || exprType(r).kind === 'null') throw binaryOpDiffTypes(text, exprType(l), exprType(r));
      throw binaryOpWrongType(text, '"NUMERIC"', exprType(e));
    }
  }
  if (exprType(l).kind === 'decimal' || exprType(r).kind === 'decimal') {
    const other = exprType(l).kind === 'decimal' ? exprType(r) : exprType(l);
    if (other.kind === 'float' || other.kind === 'double') return [ctx.cast(l, D), ctx.cast(r, D), D];
    const lt = exprType(l).kind === 'null' ? exprType(r) : toDecimal(l)!;
    const rt = exprType(r).kind === 'null' ? exprType(l) : toDecimal(r)!;
    return [ctx.cast(l, lt), ctx.cast(r, rt), lt];
  }
  const t = tightestCommonType(exprType(l), exprType(r))!;
  return [ctx.cast(l, t), ctx.cast(r, t), t];
}

function arithmetic(fn: DecimalOp): Resolver {
  return (args, ctx) => {
    ctx.arity(2);
    const [a, b] = args as [Expression, Expression];
    if (fn === 'add' || fn === 'subtract') {
      const dt = datetimeArithmetic(fn, a, b, ctx);
      if (dt) return dt;
    }
    if (fn === 'divide') {
      let [l, r, t] = numericPair(fn, a, b, ctx);
      if (t.kind !== 'decimal') { l = ctx.cast(l, D); r = ctx.cast(r, D); t = D; } else t = decimalResultType('divide', exprType(l) as never, exprType(r) as never);
      return ctx.call(fn, [l, r], t, true);
    }
    const [l, r, t] = numericPair(fn, a, b, ctx);
    const type = t.kind === 'decimal' ? decimalResultType(fn, exprType(l) as never, exprType(r) as never) : t;
    const nullable = isNullable(l) || isNullable(r) || fn === 'remainder' || fn === 'pmod' || type.kind === 'decimal';
    return ctx.call(fn, [l, r], type, nullable);
  };
}

const intervalKinds = ['day_time_interval', 'year_month_interval', 'calendar_interval'];

/** date ± int, date - date, timestamp - timestamp, date/timestamp ± interval, interval ± interval. */
function datetimeArithmetic(fn: 'add' | 'subtract', a: Expression, b: Expression, ctx: ResolveCtx): Expression | undefined {
  const ak = exprType(a).kind;
  const bk = exprType(b).kind;
  const isTs = (k: string): boolean => k === 'timestamp' || k === 'timestamp_ntz';
  const negate = (e: Expression): Expression => (fn === 'subtract' ? ctx.call('unary_minus', [e], exprType(e)) : e);
  if (fn === 'add' && intervalKinds.includes(ak) && !intervalKinds.includes(bk) && bk !== 'null') return datetimeArithmetic(fn, b, a, ctx);
  if (fn === 'add' && (bk === 'date') && isIntegral(exprType(a))) return datetimeArithmetic(fn, b, a, ctx);
  if (ak === 'date' && (['byte', 'short', 'int'].includes(bk))) return ctx.call(fn === 'add' ? 'date_add' : 'date_sub', [a, b], exprType(a));
  if (fn === 'subtract' && ak === 'date' && bk === 'date') return ctx.call('subtract_dates', [a, b], { kind: 'day_time_interval' });
  if (fn === 'subtract' && isTs(ak) && (isTs(bk) || bk === 'date')) {
    return ctx.call('subtract_timestamps', [a, ctx.cast(b, exprType(a))], { kind: 'day_time_interval' });
  }
  if (fn === 'subtract' && ak === 'date' && isTs(bk)) return ctx.call('subtract_timestamps', [ctx.cast(a, exprType(b)), b], { kind: 'day_time_interval' });
  if (intervalKinds.includes(bk)) {
    const iv = negate(b);
    if (ak === 'date') {
      if (bk === 'year_month_interval') return ctx.call('date_add_ym_interval', [a, iv], exprType(a));
      const days = wholeDaysLiteral(b);
      if (days !== undefined) return ctx.call(fn === 'add' ? 'date_add' : 'date_sub', [a, { kind: 'literal', value: days, type: { kind: 'int' } }], exprType(a));
      if (bk === 'calendar_interval') return ctx.call('date_add_interval', [a, iv], exprType(a));
      return ctx.call('time_add', [ctx.cast(a, { kind: 'timestamp' }), iv], { kind: 'timestamp' });
    }
    if (isTs(ak) || ak === 'string') {
      const ts = ak === 'string' ? ctx.cast(a, { kind: 'timestamp' }) : a;
      if (bk === 'year_month_interval') return ctx.call('timestamp_add_ym_interval', [ts, iv], exprType(ts));
      return ctx.call('time_add', [ts, iv], exprType(ts));
    }
    if (ak === bk) return ctx.call(fn, [a, b], exprType(a));
  }
  return undefined;
}

/**
 * A day-time interval literal of whole days (INTERVAL 3 DAYS): Spark types it INTERVAL DAY, and DATE ± INTERVAL DAY
 * stays a DATE (date_add); other day-time intervals turn the date into a timestamp. The type here carries no fields,
 * so a literal of whole days stands for DAY.
 */
function wholeDaysLiteral(e: Expression): number | undefined {
  if (e.kind !== 'literal' || typeof e.value !== 'number' || e.type.kind !== 'day_time_interval') return undefined;
  const days = e.value / 86_400_000_000;
  return Number.isInteger(days) && Math.abs(days) <= 2 ** 31 - 1 ? days : undefined;
}

function integralDivide(args: readonly Expression[], ctx: ResolveCtx): Expression {
  ctx.arity(2);
  const [a, b] = args as [Expression, Expression];
  const text = opText('div', a, b);
  let l = exprType(a).kind === 'string' ? ctx.cast(a, L) : a;
  let r = exprType(b).kind === 'string' ? ctx.cast(b, L) : b;
  for (const e of [l, r]) if (!isIntegral(exprType(e)) && exprType(e).kind !== 'decimal' && exprType(e).kind !== 'null') throw binaryOpWrongType(text, '("BIGINT" or "DECIMAL")', exprType(e));
  if (exprType(l).kind === 'decimal' || exprType(r).kind === 'decimal') {
    const w = widerDecimal((toDecimal(l) ?? decimalForIntegral(L))! as never, (toDecimal(r) ?? decimalForIntegral(L))! as never);
    l = ctx.cast(l, w); r = ctx.cast(r, w);
  } else { l = ctx.cast(l, L); r = ctx.cast(r, L); }
  return ctx.call('div', [l, r], L, true);
}

function unary(fn: 'unary_minus' | 'positive' | 'abs'): Resolver {
  return (args, ctx) => {
    ctx.arity(1);
    const a = args[0]!;
    if (intervalKinds.includes(exprType(a).kind)) return ctx.call(fn, [a], exprType(a));
    const [x] = ctx.expect(['numeric']);
    return ctx.call(fn, [x!], exprType(x!));
  };
}

function comparison(fn: string): Resolver {
  return (args, ctx) => {
    ctx.arity(2);
    const [a, b] = args as [Expression, Expression];
    const [l, r] = comparableOperands(fn, a, b, ctx);
    const nullable = fn === 'equal_null_safe' ? false : isNullable(l) || isNullable(r);
    return ctx.call(fn, [l, r], { kind: 'boolean' }, nullable);
  };
}

/** The operands of a comparison cast to their common type (DecimalPrecision widening for decimals). */
export function comparableOperands(fn: string, a: Expression, b: Expression, ctx: ResolveCtx): [Expression, Expression] {
  const text = opText(fn, a, b);
  if (exprType(a).kind === 'map' || exprType(b).kind === 'map') {
    throw binaryOpWrongType(text, '"ORDERABLE"', exprType(a).kind === 'map' ? exprType(a) : exprType(b));
  }
  if (sameType(exprType(a), exprType(b))) return [a, b];
  if ((exprType(a).kind === 'decimal' && (isIntegral(exprType(b)) || exprType(b).kind === 'decimal')) ||
      (exprType(b).kind === 'decimal' && isIntegral(exprType(a)))) {
    const w = widerDecimal(toDecimal(a)! as never, toDecimal(b)! as never);
    return [ctx.cast(a, w), ctx.cast(b, w)];
  }
  const t = comparisonCommonType(exprType(a), exprType(b), ctx.opts.ansi);
  if (!t) throw binaryOpDiffTypes(text, exprType(a), exprType(b));
  return [ctx.cast(a, t), ctx.cast(b, t)];
}

function bitwise(fn: string): Resolver {
  return (args, ctx) => {
    if (fn === 'bitwise_not') {
      ctx.arity(1);
      const [x] = ctx.expect(['integral']);
      return ctx.call(fn, [x!], exprType(x!));
    }
    ctx.arity(2);
    const [a, b] = args as [Expression, Expression];
    const t = tightestCommonType(exprType(a), exprType(b));
    if (!t || !isIntegral(t)) throw binaryOpDiffTypes(opText(fn, a, b), exprType(a), exprType(b));
    return ctx.call(fn, [ctx.cast(a, t), ctx.cast(b, t)], t);
  };
}

export const operatorResolvers: Readonly<Record<string, Resolver>> = {
  add: arithmetic('add'),
  subtract: arithmetic('subtract'),
  multiply: arithmetic('multiply'),
  divide: arithmetic('divide'),
  remainder: arithmetic('remainder'),
  mod: arithmetic('remainder'),
  pmod: arithmetic('pmod'),
  div: integralDivide,
  unary_minus: unary('unary_minus'),
  negative: unary('unary_minus'),
  positive: unary('positive'),
  abs: unary('abs'),
  equal_to: comparison('equal_to'),
  not_equal: comparison('not_equal'),
  less_than: comparison('less_than'),
  less_than_or_equal: comparison('less_than_or_equal'),
  greater_than: comparison('greater_than'),
  greater_than_or_equal: comparison('greater_than_or_equal'),
  equal_null_safe: comparison('equal_null_safe'),
  bitwise_and: bitwise('bitwise_and'),
  bitwise_or: bitwise('bitwise_or'),
  bitwise_xor: bitwise('bitwise_xor'),
  bitwise_not: bitwise('bitwise_not'),
};

/** Operator spellings the parser produces, mapped to Spark's expression names. */
export const operatorAliases: Readonly<Record<string, string>> = {
  '+': 'add', '-': 'subtract', '*': 'multiply', '/': 'divide', '%': 'remainder', '=': 'equal_to', '==': 'equal_to',
  '!=': 'not_equal', '<>': 'not_equal', '<': 'less_than', '<=': 'less_than_or_equal', '>': 'greater_than',
  '>=': 'greater_than_or_equal', '<=>': 'equal_null_safe', '&': 'bitwise_and', '|': 'bitwise_or', '^': 'bitwise_xor',
  '~': 'bitwise_not', '||': 'concat',
};
