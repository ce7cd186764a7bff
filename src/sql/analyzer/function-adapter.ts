// The analyzer's only door to the function registry (S2, src/sql/functions): scalar calls, aggregates, window
// functions, coercion and casts. Until the registry's index lands, a small local fallback types common calls.
import type { AggregateFunctionName, Expression, WindowFunctionName } from '../../planner/expr/expression.js';
import { isNumeric, sameType, type DataType } from '../types/data-type.js';
import { castExpression, implicitCast } from '../functions/cast.js';
import { coerceTypes } from '../functions/type-coercion.js';
import { literalOf } from '../functions/literal.js';
import { unresolvedRoutine } from './errors.js';
import { nullableOf, typeOf } from './expr-type.js';

export interface FnOpts {
  readonly ansi: boolean;
}

export { coerceTypes, castExpression, literalOf };

/** Casts `e` to `to` as type coercion does (no-op when the type already matches). */
export function widen(e: Expression, to: DataType, opts: FnOpts): Expression {
  return sameType(typeOf(e), to) ? e : implicitCast(e, to, opts);
}

const aggregateNames: ReadonlySet<string> = new Set<AggregateFunctionName>([
  'count', 'sum', 'avg', 'min', 'max', 'first', 'last', 'collect_list', 'collect_set', 'stddev_samp', 'stddev_pop',
  'var_samp', 'var_pop', 'approx_count_distinct', 'bool_and', 'bool_or', 'any_value', 'count_if', 'max_by', 'min_by',
  'grouping', 'grouping_id',
]);
const aggregateAliases: Readonly<Record<string, AggregateFunctionName>> = {
  mean: 'avg', stddev: 'stddev_samp', std: 'stddev_samp', variance: 'var_samp', every: 'bool_and', some: 'bool_or',
  any: 'bool_or', first_value: 'first', last_value: 'last',
};
const windowNames: ReadonlySet<string> = new Set<WindowFunctionName>([
  'row_number', 'rank', 'dense_rank', 'percent_rank', 'cume_dist', 'ntile', 'lag', 'lead', 'nth_value',
]);
const generatorNames: ReadonlySet<string> = new Set(['explode', 'explode_outer', 'posexplode', 'posexplode_outer', 'inline', 'inline_outer', 'stack']);

export function isAggregateFunction(name: string): boolean {
  const n = name.toLowerCase();
  return aggregateNames.has(n) || n in aggregateAliases;
}

export function isWindowFunction(name: string): boolean {
  return windowNames.has(name.toLowerCase());
}

export function isGeneratorFunction(name: string): boolean {
  return generatorNames.has(name.toLowerCase());
}


function call(fn: string, args: readonly Expression[], type: DataType): Expression {
  return { kind: 'call', fn, args, type, nullable: args.some(nullableOf) };
}

const booleanFns = new Set(['equal_to', 'not_equal', 'less_than', 'less_than_or_equal', 'greater_than', 'greater_than_or_equal', 'equal_null_safe', 'like', 'ilike', 'rlike', 'isnan', 'startswith', 'endswith', 'contains', 'array_contains']);
const stringFns = new Set(['concat', 'upper', 'lower', 'trim', 'ltrim', 'rtrim', 'substring', 'substr', 'concat_ws', 'lpad', 'rpad', 'replace', 'string', 'format_string', 'date_format', 'initcap', 'reverse', 'repeat', 'hex']);
const sameAsFirst = new Set(['abs', 'negative', 'positive', 'greatest', 'least', 'nvl', 'ifnull', 'nullif', 'bitwise_not', 'round', 'bround', 'if']);

/** Fallback scalar resolution: enough typing for plans; the registry replaces it. */
export function resolveFunction(name: string, args: readonly Expression[], opts: FnOpts): Expression {
  const fn = name.toLowerCase();
  if (['add', 'subtract', 'multiply', 'remainder', 'pmod', 'divide', 'div'].includes(fn) && args.length === 2) {
    const [l, r] = args as [Expression, Expression];
    if (fn === 'div') return call(fn, [l, r], { kind: 'long' });
    if (isNumeric(typeOf(l)) || isNumeric(typeOf(r)) || typeOf(l).kind === 'null') {
      const t = coerceTypes(typeOf(l), typeOf(r)) ?? { kind: 'double' };
      const target: DataType = t.kind === 'string' || t.kind === 'null' ? { kind: 'double' } : t;
      const type: DataType = fn === 'divide' && target.kind !== 'decimal' ? { kind: 'double' } : target;
      const cast = fn === 'divide' && target.kind !== 'decimal' ? type : target;
      return call(fn, [widen(l, cast, opts), widen(r, cast, opts)], type);
    }
    return call(fn, args, typeOf(l));
  }
  if (booleanFns.has(fn)) {
    if (args.length === 2 && fn !== 'like' && fn !== 'rlike' && fn !== 'ilike') {
      const t = coerceTypes(typeOf(args[0]!), typeOf(args[1]!));
      if (t) return call(fn, args.map((a) => widen(a, t, opts)), { kind: 'boolean' });
    }
    return call(fn, args, { kind: 'boolean' });
  }
  if (stringFns.has(fn)) return call(fn, args, { kind: 'string' });
  if (sameAsFirst.has(fn)) return call(fn, args, fn === 'if' ? (args[1] ? typeOf(args[1]) : { kind: 'null' }) : (args[0] ? typeOf(args[0]) : undefined) ?? { kind: 'null' });
  if (['length', 'char_length', 'instr', 'year', 'month', 'day', 'dayofmonth', 'hour', 'minute', 'size'].includes(fn)) return call(fn, args, { kind: 'int' });
  if (['rand', 'randn', 'sqrt', 'exp', 'log', 'ln', 'pow', 'power', 'sin', 'cos'].includes(fn)) return call(fn, args, { kind: 'double' });
  if (['current_date', 'to_date', 'date_add', 'date_sub'].includes(fn)) return call(fn, args, { kind: 'date' });
  if (['current_timestamp', 'now', 'to_timestamp'].includes(fn)) return call(fn, args, { kind: 'timestamp' });
  if (fn === 'array') {
    const element = args.reduce<DataType | undefined>((t, a) => (t ? coerceTypes(t, typeOf(a)) : undefined), { kind: 'null' }) ?? { kind: 'string' };
    return call(fn, args, { kind: 'array', element, containsNull: true });
  }
  if (fn === 'struct' || fn === 'named_struct') {
    const fields = fn === 'struct'
      ? args.map((a, i) => ({ name: a.kind === 'attr' ? a.name : `col${i + 1}`, type: typeOf(a), nullable: true }))
      : args.flatMap((a, i) => (i % 2 === 0 ? [{ name: String((a as { value?: unknown }).value), type: typeOf(args[i + 1]!), nullable: true }] : []));
    return call(fn, args, { kind: 'struct', fields });
  }
  if (fn === 'explode' || fn === 'explode_outer') {
    const t = (args[0] ? typeOf(args[0]) : undefined);
    return call(fn, args, t?.kind === 'array' ? t.element : { kind: 'null' });
  }
  throw unresolvedRoutine(name);
}

/** Fallback aggregate resolution with Spark's result types. */
export function resolveAggregate(name: string, args: readonly Expression[], distinct: boolean, _opts: FnOpts): Expression {
  const lower = name.toLowerCase();
  const fn: AggregateFunctionName = aggregateAliases[lower] ?? (lower as AggregateFunctionName);
  const t = (args[0] ? typeOf(args[0]) : undefined) ?? { kind: 'null' };
  let type: DataType;
  switch (fn) {
    case 'count': case 'count_if': case 'approx_count_distinct': type = { kind: 'long' }; break;
    case 'sum':
      type = t.kind === 'decimal' ? { kind: 'decimal', precision: Math.min(38, t.precision + 10), scale: t.scale }
        : ['byte', 'short', 'int', 'long'].includes(t.kind) ? { kind: 'long' } : { kind: 'double' };
      break;
    case 'avg':
      type = t.kind === 'decimal' ? { kind: 'decimal', precision: Math.min(38, t.precision + 4), scale: Math.min(38, t.scale + 4) } : { kind: 'double' };
      break;
    case 'stddev_samp': case 'stddev_pop': case 'var_samp': case 'var_pop': type = { kind: 'double' }; break;
    case 'bool_and': case 'bool_or': type = { kind: 'boolean' }; break;
    case 'collect_list': case 'collect_set': type = { kind: 'array', element: t, containsNull: false }; break;
    case 'grouping': type = { kind: 'byte' }; break;
    case 'grouping_id': type = { kind: 'long' }; break;
    default: type = t;
  }
  return { kind: 'aggregate', fn, args, distinct, type };
}

/** Fallback typing of ranking/offset window functions. */
export function resolveWindowFunction(name: string, args: readonly Expression[], _opts: FnOpts): { fn: WindowFunctionName; args: readonly Expression[]; type: DataType } {
  const fn = name.toLowerCase() as WindowFunctionName;
  switch (fn) {
    case 'row_number': case 'rank': case 'dense_rank': return { fn, args, type: { kind: fn === 'row_number' ? 'int' : 'int' } };
    case 'ntile': return { fn, args, type: { kind: 'int' } };
    case 'percent_rank': case 'cume_dist': return { fn, args, type: { kind: 'double' } };
    default: return { fn, args, type: (args[0] ? typeOf(args[0]) : undefined) ?? { kind: 'null' } };
  }
}
