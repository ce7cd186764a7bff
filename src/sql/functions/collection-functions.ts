// Typing of collection functions (array, map, struct, size, element_at, sort_array…), field/item access, and the
// generators explode/posexplode (their output columns).
import { exprType } from '../../planner/expr/expr-type.js';
import { TsSparkError } from '../../common/errors.js';
import type { Expression } from '../../planner/expr/expression.js';
import { T, type DataType, type StructField } from '../types/data-type.js';
import { isNullable, ResolveCtx, type ResolveOptions, type Resolver } from './resolve-context.js';
import { coerceAll } from './type-coercion.js';
import { dataDiffTypes, unexpectedInput } from './type-errors.js';

const I = T.int;

function elementCommon(ctx: ResolveCtx, exprs: readonly Expression[], fn: string): DataType {
  const t = coerceAll(exprs.map((e) => exprType(e)));
  if (!t) throw dataDiffTypes(ctx.text(), fn, exprs.map((e) => exprType(e)));
  return t;
}

function fieldName(e: Expression, i: number): string {
  if (e.kind === 'attr' || e.kind === 'bound' || e.kind === 'alias') return e.name;
  return `col${i + 1}`;
}

function arrayOf(ctx: ResolveCtx, i = 0): Extract<DataType, { kind: 'array' }> {
  const a = ctx.args[i]!;
  const t = exprType(a);
  if (t.kind !== 'array') throw unexpectedInput(ctx.text(), i, '"ARRAY"', a);
  return t;
}

const mapResolver: Resolver = (args, ctx) => {
  if (args.length % 2 !== 0) throw new TsSparkError('ANALYSIS_ERROR', `[WRONG_NUM_ARGS.WITHOUT_SUGGESTION] The \`map\` requires 2n (n > 0) parameters but the actual number is ${args.length}.`);
  const keys = args.filter((_, i) => i % 2 === 0);
  const vals = args.filter((_, i) => i % 2 === 1);
  const kt = keys.length ? elementCommon(ctx, keys, 'map') : T.null;
  const vt = vals.length ? elementCommon(ctx, vals, 'map') : T.null;
  return ctx.call('map', args.map((a, i) => ctx.cast(a, i % 2 === 0 ? kt : vt)), T.map(kt, vt, vals.some(isNullable)), false);
};

export const collectionResolvers: Readonly<Record<string, Resolver>> = {
  array: (args, ctx) => {
    const t = args.length ? elementCommon(ctx, args, 'array') : T.null;
    return ctx.call('array', args.map((a) => ctx.cast(a, t)), T.array(t, args.some(isNullable)), false);
  },
  size: (args, ctx) => {
    ctx.arity(1);
    const a = args[0]!;
    if (exprType(a).kind !== 'array' && exprType(a).kind !== 'map' && exprType(a).kind !== 'null') throw unexpectedInput(ctx.text(), 0, '("ARRAY" or "MAP")', a);
    return ctx.call('size', args, I, ctx.opts.ansi && isNullable(a));
  },
  cardinality: (args, ctx) => collectionResolvers.size!(args, new ResolveCtx('size', args, ctx.opts)),
  array_contains: (args, ctx) => {
    ctx.arity(2);
    const at = arrayOf(ctx);
    const t = coerceAll([at.element, exprType(args[1]!)]);
    if (!t) throw dataDiffTypes(ctx.text(), 'array_contains', [at, exprType(args[1]!)]);
    return ctx.call('array_contains', [ctx.cast(args[0]!, T.array(t, at.containsNull)), ctx.cast(args[1]!, t)], T.boolean);
  },
  element_at: (args, ctx) => {
    ctx.arity(2);
    const c = args[0]!;
    const ct = exprType(c);
    if (ct.kind === 'map') return ctx.call('element_at', [c, ctx.cast(args[1]!, ct.key)], ct.value, true);
    const at = arrayOf(ctx);
    return ctx.call('element_at', [c, ctx.expectOne(args[1]!, I, 1)], at.element, true);
  },
  get_array_item: (args, ctx) => { ctx.arity(2); const at = arrayOf(ctx); return ctx.call('get_array_item', [args[0]!, ctx.expectOne(args[1]!, I, 1)], at.element, true); },
  get_map_value: (args, ctx) => {
    ctx.arity(2);
    const m = args[0]!;
    const mt = exprType(m);
    if (mt.kind !== 'map') throw unexpectedInput(ctx.text(), 0, '"MAP"', m);
    return ctx.call('get_map_value', [m, ctx.cast(args[1]!, mt.key)], mt.value, true);
  },
  get_struct_field: (args, ctx) => {
    ctx.arity(2);
    const s = args[0]!;
    const n = args[1]!;
    const st = exprType(s);
    if (st.kind !== 'struct' || n.kind !== 'literal' || typeof n.value !== 'string') throw unexpectedInput(ctx.text(), 0, '"STRUCT"', s);
    const name = n.value.toLowerCase();
    const f = st.fields.find((x) => x.name.toLowerCase() === name);
    if (!f) throw new TsSparkError('ANALYSIS_ERROR', `[FIELD_NOT_FOUND] No such struct field \`${n.value}\` in ${st.fields.map((x) => `\`${x.name}\``).join(', ')}.`);
    return ctx.call('get_struct_field', [s, { kind: 'literal', value: f.name, type: T.string }], f.type, isNullable(s) || f.nullable);
  },
  struct: (args, ctx) => {
    const fields: StructField[] = args.map((a, i) => ({ name: fieldName(a, i), type: exprType(a), nullable: isNullable(a) }));
    const named: Expression[] = [];
    args.forEach((a, i) => named.push({ kind: 'literal', value: fields[i]!.name, type: T.string }, a.kind === 'alias' ? a.expr : a));
    return ctx.call('named_struct', named, T.struct(fields), false);
  },
  named_struct: (args, ctx) => {
    if (args.length % 2 !== 0 || args.length === 0) throw new TsSparkError('ANALYSIS_ERROR', `[WRONG_NUM_ARGS.WITHOUT_SUGGESTION] The \`named_struct\` requires 2n (n > 0) parameters but the actual number is ${args.length}.`);
    const fields: StructField[] = [];
    for (let i = 0; i < args.length; i += 2) {
      const n = args[i]!;
      if (n.kind !== 'literal' || typeof n.value !== 'string') throw unexpectedInput(ctx.text(), i, '"STRING" (foldable)', n);
      fields.push({ name: n.value, type: exprType(args[i + 1]!), nullable: isNullable(args[i + 1]!) });
    }
    return ctx.call('named_struct', args, T.struct(fields), false);
  },
  map: mapResolver,
  map_keys: (args, ctx) => {
    ctx.arity(1);
    const mt = exprType(args[0]!);
    if (mt.kind !== 'map') throw unexpectedInput(ctx.text(), 0, '"MAP"', args[0]!);
    return ctx.call('map_keys', args, T.array(mt.key, false));
  },
  map_values: (args, ctx) => {
    ctx.arity(1);
    const mt = exprType(args[0]!);
    if (mt.kind !== 'map') throw unexpectedInput(ctx.text(), 0, '"MAP"', args[0]!);
    return ctx.call('map_values', args, T.array(mt.value, mt.valueContainsNull));
  },
  sort_array: (args, ctx) => {
    ctx.arity(1, 2);
    const at = arrayOf(ctx);
    const asc = args[1] ?? { kind: 'literal', value: true, type: T.boolean };
    return ctx.call('sort_array', [args[0]!, asc], at);
  },
  array_sort: (args, ctx) => { ctx.arity(1); const at = arrayOf(ctx); return ctx.call('array_sort', args, at); },
  array_distinct: (args, ctx) => { ctx.arity(1); const at = arrayOf(ctx); return ctx.call('array_distinct', args, at); },
  array_max: (args, ctx) => { ctx.arity(1); const at = arrayOf(ctx); return ctx.call('array_max', args, at.element, true); },
  array_min: (args, ctx) => { ctx.arity(1); const at = arrayOf(ctx); return ctx.call('array_min', args, at.element, true); },
  array_position: (args, ctx) => {
    ctx.arity(2);
    const at = arrayOf(ctx);
    return ctx.call('array_position', [args[0]!, ctx.cast(args[1]!, at.element)], T.long);
  },
  array_join: (args, ctx) => {
    ctx.arity(2, 3);
    arrayOf(ctx);
    return ctx.call('array_join', [ctx.cast(args[0]!, T.array(T.string)), ...ctx.expect([T.string, T.string, T.string]).slice(1)], T.string);
  },
  slice: (args, ctx) => { ctx.arity(3); const at = arrayOf(ctx); return ctx.call('slice', [args[0]!, ...ctx.expect([at, I, I]).slice(1)], at); },
  flatten: (args, ctx) => {
    ctx.arity(1);
    const at = arrayOf(ctx);
    if (at.element.kind !== 'array') throw unexpectedInput(ctx.text(), 0, '"ARRAY" of "ARRAY"', args[0]!);
    return ctx.call('flatten', args, at.element);
  },
  sequence: (args, ctx) => {
    ctx.arity(2, 3);
    const t = elementCommon(ctx, args, 'sequence');
    return ctx.call('sequence', args.map((a) => ctx.cast(a, t)), T.array(t, false));
  },
};

export const generatorNames: ReadonlySet<string> = new Set(['explode', 'explode_outer', 'posexplode', 'posexplode_outer', 'inline', 'inline_outer', 'stack']);

export interface ResolvedGenerator {
  /** The generator call ('explode' | 'posexplode' | …, with `outer` in its name) over its typed input. */
  readonly call: Expression;
  /** The columns each input row expands into (Spark's names: col, pos, key, value). */
  readonly output: readonly StructField[];
}

/** Typing of explode/posexplode(_outer) and inline: the output columns of the generator. */
export function resolveGenerator(name: string, args: readonly Expression[], opts: ResolveOptions): ResolvedGenerator {
  const fn = name.toLowerCase();
  const ctx = new ResolveCtx(fn, args, opts);
  ctx.arity(1);
  const a = args[0]!;
  const at = exprType(a);
  const pos: StructField[] = fn.startsWith('posexplode') ? [{ name: 'pos', type: I, nullable: false }] : [];
  const outer = fn.endsWith('_outer');
  let output: StructField[];
  if (fn.startsWith('inline')) {
    if (at.kind !== 'array' || at.element.kind !== 'struct') throw unexpectedInput(ctx.text(), 0, '"ARRAY<STRUCT>"', a);
    output = at.element.fields.map((f) => ({ ...f, nullable: f.nullable || outer }));
  } else if (at.kind === 'array') {
    output = [...pos, { name: 'col', type: at.element, nullable: at.containsNull || outer }];
  } else if (at.kind === 'map') {
    output = [...pos, { name: 'key', type: at.key, nullable: outer }, { name: 'value', type: at.value, nullable: at.valueContainsNull || outer }];
  } else {
    throw unexpectedInput(ctx.text(), 0, '("ARRAY" or "MAP")', a);
  }
  return { call: ctx.call(fn, args, T.struct(output), false), output };
}
