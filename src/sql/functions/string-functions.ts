// Typing of Spark's string functions (concat, substring, regexp_*, lpad, like…): implicit casts of the inputs to
// string/int as Spark's ImplicitCastInputTypes does, result types, nullability.
import { exprType } from '../../planner/expr/expr-type.js';
import type { Expression } from '../../planner/expr/expression.js';
import { T, type DataType } from '../types/data-type.js';
import { isNullable, type InputSpec, type Resolver } from './resolve-context.js';
import { coerceAll } from './type-coercion.js';
import { dataDiffTypes } from './type-errors.js';

const S = T.string;
const I = T.int;
const B = T.boolean;

/** fn(specs…) -> result, optional trailing arguments allowed from `min`. */
function simple(specs: readonly InputSpec[], result: DataType, min = specs.length, fn?: string): Resolver {
  return (args, ctx) => {
    ctx.arity(min, specs.length);
    return ctx.call(fn ?? ctx.name, ctx.expect(specs), result);
  };
}

const concat: Resolver = (args, ctx) => {
  if (args.length > 0 && args.every((a) => exprType(a).kind === 'array' || exprType(a).kind === 'null')) {
    const t = coerceAll(args.map((a) => exprType(a)));
    if (!t || t.kind !== 'array') throw dataDiffTypes(ctx.text(), 'concat', args.map((a) => exprType(a)));
    return ctx.call('concat', args.map((a) => ctx.cast(a, t)), t);
  }
  if (args.length > 0 && args.every((a) => exprType(a).kind === 'binary')) return ctx.call('concat', args, T.binary);
  return ctx.call('concat', ctx.expect([S]), S);
};

const concatWs: Resolver = (args, ctx) => {
  ctx.arity(1, Infinity);
  const out = args.map((a, i) => (i > 0 && exprType(a).kind === 'array' ? ctx.cast(a, T.array(S)) : ctx.expectOne(a, S, i)));
  return ctx.call('concat_ws', out, S, isNullable(out[0]!));
};

const substring: Resolver = (args, ctx) => {
  ctx.arity(2, 3);
  const out = ctx.expect(['string_or_binary', I, I]);
  return ctx.call('substring', out, exprType(out[0]!).kind === 'binary' ? T.binary : S);
};

const reverse: Resolver = (args, ctx) => {
  ctx.arity(1);
  if (exprType(args[0]!).kind === 'array') return ctx.call('reverse', args, exprType(args[0]!));
  return ctx.call('reverse', ctx.expect([S]), S);
};

const like = (fn: string): Resolver => (args, ctx) => {
  ctx.arity(2, 3);
  return ctx.call(fn, ctx.expect([S, S, S]), B);
};

const length: Resolver = (args, ctx) => {
  ctx.arity(1);
  return ctx.call('length', ctx.expect(['string_or_binary']), I);
};

export const stringResolvers: Readonly<Record<string, Resolver>> = {
  concat,
  concat_ws: concatWs,
  substring, substr: substring,
  upper: simple([S], S, 1, 'upper'), ucase: simple([S], S, 1, 'upper'),
  lower: simple([S], S, 1, 'lower'), lcase: simple([S], S, 1, 'lower'),
  trim: simple([S, S], S, 1), ltrim: simple([S, S], S, 1), rtrim: simple([S, S], S, 1), btrim: simple([S, S], S, 1, 'trim'),
  length, char_length: length, character_length: length,
  octet_length: simple(['string_or_binary'], I, 1), bit_length: simple(['string_or_binary'], I, 1),
  split: (args, ctx) => { ctx.arity(2, 3); return ctx.call('split', ctx.expect([S, S, I]), T.array(S, false)); },
  regexp_replace: simple([S, S, S, I], S, 3),
  regexp_extract: simple([S, S, I], S, 2),
  regexp_like: like('rlike'), rlike: like('rlike'), like: like('like'), ilike: like('ilike'),
  instr: simple([S, S], I),
  locate: simple([S, S, I], I, 2), position: simple([S, S, I], I, 2, 'locate'),
  lpad: simple([S, I, S], S, 2), rpad: simple([S, I, S], S, 2),
  replace: simple([S, S, S], S, 2),
  reverse,
  repeat: simple([S, I], S),
  initcap: simple([S], S),
  ascii: simple([S], I),
  chr: simple([T.long], S, 1, 'chr'), char: simple([T.long], S, 1, 'chr'),
  left: simple([S, I], S), right: simple([S, I], S),
  startswith: simple([S, S], B), endswith: simple([S, S], B), contains: simple([S, S], B),
  format_number: (args, ctx) => {
    ctx.arity(2);
    const d = exprType(args[1]!).kind === 'string' ? S : I;
    return ctx.call('format_number', ctx.expect(['numeric', d]), S);
  },
  translate: simple([S, S, S], S),
  space: simple([I], S),
  soundex: simple([S], S),
  base64: simple([T.binary], S), unbase64: simple([S], T.binary),
  hex: (args, ctx) => { ctx.arity(1); const a = args[0]!; return ctx.call('hex', [exprType(a).kind === 'string' || exprType(a).kind === 'binary' ? a : ctx.cast(a, T.long)], S); },
  encode: simple([S, S], T.binary), decode: simple([T.binary, S], S),
  overlay: simple([S, S, I, I], S, 3),
  substring_index: simple([S, S, I], S),
  levenshtein: simple([S, S], I),
  split_part: simple([S, S, I], S),
};

export function isStringFunction(name: string): boolean {
  return name in stringResolvers;
}

export type { Expression };
