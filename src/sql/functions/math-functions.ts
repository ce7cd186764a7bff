// Typing of Spark's math functions: double-valued functions cast their inputs to double; round/bround/floor/ceil
// keep decimals exact (RoundBase/Ceil/Floor result types); greatest/least use the wider common type.
import { exprType } from '../../planner/expr/expr-type.js';
import type { Expression } from '../../planner/expr/expression.js';
import { isIntegral, T, type DataType } from '../types/data-type.js';
import { bounded, decimalType } from './decimal-precision.js';
import { isNullable, type Resolver } from './resolve-context.js';
import { coerceAll } from './type-coercion.js';
import { dataDiffTypes, mismatch } from './type-errors.js';

const D = T.double;

function doubleFn(n: number, fn?: string, nullable?: boolean): Resolver {
  return (args, ctx) => {
    ctx.arity(n);
    const out = ctx.expect(Array(n).fill(D));
    return ctx.call(fn ?? ctx.name, out, D, nullable ?? out.some(isNullable));
  };
}

/** The scale argument of round/bround must be a constant int. */
function foldableScale(e: Expression | undefined, text: string): number {
  if (e === undefined) return 0;
  if (e.kind === 'literal' && typeof e.value === 'number' && isIntegral(exprType(e))) return e.value;
  throw mismatch('NON_FOLDABLE_INPUT', text, `the input scale should be a foldable "INT" expression; however, got "${e.kind}"`);
}

const round: Resolver = (args, ctx) => {
  ctx.arity(1, 2);
  const [x] = ctx.expect(['numeric']);
  const scaleArg = args[1] && exprType(args[1]).kind !== 'int' ? ctx.cast(args[1], T.int) : args[1];
  const scale = foldableScale(scaleArg, ctx.text());
  let type: DataType = exprType(x!);
  if (type.kind === 'decimal') {
    const intDigits = type.precision - type.scale + 1;
    type = scale < 0 ? decimalType(Math.min(Math.max(intDigits, -scale + 1), 38), 0)
      : decimalType(Math.min(intDigits + Math.min(type.scale, scale), 38), Math.min(type.scale, scale));
  }
  return ctx.call(ctx.name, [x!, { kind: 'literal', value: scale, type: T.int }], type, isNullable(x!));
};

const floorCeil: Resolver = (args, ctx) => {
  ctx.arity(1, 2);
  const [x] = ctx.expect(['numeric']);
  const fn = ctx.name === 'ceiling' ? 'ceil' : ctx.name;
  if (args.length === 2) {
    const scale = foldableScale(args[1], ctx.text());
    const t = exprType(x!).kind === 'decimal' ? exprType(x!) : exprType(x!).kind === 'float' || exprType(x!).kind === 'double' ? decimalType(30, 15) : decimalType(20, 0);
    const xd = ctx.cast(x!, t);
    const intDigits = (t as { precision: number; scale: number }).precision - (t as { scale: number }).scale + 1;
    const rt = scale < 0 ? decimalType(Math.min(Math.max(intDigits, -scale + 1), 38), 0) : decimalType(Math.min(intDigits + Math.min((t as { scale: number }).scale, scale), 38), Math.min((t as { scale: number }).scale, scale));
    return ctx.call(fn, [xd, { kind: 'literal', value: scale, type: T.int }], rt);
  }
  const t = exprType(x!);
  const type = t.kind === 'decimal' ? (t.scale === 0 ? t : bounded(t.precision - t.scale + 1, 0)) : T.long;
  return ctx.call(fn, [x!], type);
};

const greatestLeast: Resolver = (args, ctx) => {
  ctx.arity(2, Infinity);
  const t = coerceAll(args.map((a) => exprType(a)));
  if (!t) throw dataDiffTypes(ctx.text(), ctx.name, args.map((a) => exprType(a)));
  return ctx.call(ctx.name, args.map((a) => ctx.cast(a, t)), t, args.every(isNullable));
};

const log: Resolver = (args, ctx) => {
  ctx.arity(1, 2);
  const out = ctx.expect([D, D]);
  return args.length === 1 ? ctx.call('ln', out, D, true) : ctx.call('log', out, D, true);
};

const rand: Resolver = (args, ctx) => {
  ctx.arity(0, 1);
  const seed = args[0] ?? { kind: 'literal', value: Math.floor(Math.random() * 2 ** 31), type: T.long };
  return ctx.call(ctx.name === 'randn' ? 'randn' : 'rand', [seed], D, false);
};

const constant = (value: number): Resolver => (_args, ctx) => {
  ctx.arity(0);
  return ctx.call(ctx.name, [{ kind: 'literal', value, type: D }], D, false);
};

const signum: Resolver = (args, ctx) => { ctx.arity(1); return ctx.call('signum', ctx.expect([D]), D); };

/** shiftleft/shiftright/shiftrightunsigned(x, n): x as int (bigint stays bigint), n an int; the result has x's type. */
const shift: Resolver = (args, ctx) => {
  ctx.arity(2);
  const t = exprType(args[0]!).kind === 'long' ? T.long : T.int;
  return ctx.call(ctx.name, ctx.expect([t, T.int]), t);
};

export const mathResolvers: Readonly<Record<string, Resolver>> = {
  round, bround: round,
  floor: floorCeil, ceil: floorCeil, ceiling: floorCeil,
  sqrt: doubleFn(1, 'sqrt', true), cbrt: doubleFn(1), exp: doubleFn(1), expm1: doubleFn(1),
  ln: doubleFn(1, 'ln', true), log10: doubleFn(1, 'log10', true), log2: doubleFn(1, 'log2', true), log1p: doubleFn(1, 'log1p', true), log,
  pow: doubleFn(2, 'pow'), power: doubleFn(2, 'pow'),
  sin: doubleFn(1), cos: doubleFn(1), tan: doubleFn(1), asin: doubleFn(1), acos: doubleFn(1), atan: doubleFn(1),
  sinh: doubleFn(1), cosh: doubleFn(1), tanh: doubleFn(1), atan2: doubleFn(2), hypot: doubleFn(2),
  degrees: doubleFn(1), radians: doubleFn(1), cot: doubleFn(1),
  greatest: greatestLeast, least: greatestLeast,
  sign: signum, signum,
  shiftleft: shift, shiftright: shift, shiftrightunsigned: shift,
  rand, random: rand, randn: rand,
  e: constant(Math.E), pi: constant(Math.PI),
};
