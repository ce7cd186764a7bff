// The `functions` of the DataFrame API by Spark name (col, lit, sum, when, …), importable one by one from
// 'tsspark' and as a `functions` namespace. Each builds an AST call that the analyzer resolves like SQL.
import { TsSparkError } from '../../common/errors.js';
import type { Expr } from '../parser/ast.js';
import { call, colExpr, Column, toExpr, type ColumnLike } from './column.js';
import { parseSelectItem } from './select-expr.js';

const c = (x: ColumnLike): Expr => colExpr(x);
const fn = (name: string, ...args: ColumnLike[]): Column => new Column(call(name, args.map(c)));

export const col = (name: string): Column => new Column(colExpr(name));
export const column = col;
export const lit = (v: unknown): Column => (v instanceof Column ? v : new Column(toExpr(v)));
/** expr("a + 1") and, as Spark, expr("a + 1 AS b") (an aliased column). */
export const expr = (sql: string): Column => {
  const item = parseSelectItem(sql);
  return new Column(item.alias === undefined ? item.expr : { kind: 'alias', expr: item.expr, name: item.alias });
};
export const when = (condition: Column, value: unknown): Column => new Column({ kind: 'case', branches: [{ when: condition.expr, then: toExpr(value) }] });
export const asc = (name: string): Column => col(name).asc();
export const desc = (name: string): Column => col(name).desc();
export const asc_nulls_first = (name: string): Column => col(name).asc_nulls_first();
export const asc_nulls_last = (name: string): Column => col(name).asc_nulls_last();
export const desc_nulls_first = (name: string): Column => col(name).desc_nulls_first();
export const desc_nulls_last = (name: string): Column => col(name).desc_nulls_last();

// aggregates
export const count = (x: ColumnLike): Column => (x === '*' ? new Column(call('count', [{ kind: 'number', type: 'int', text: '1' }])) : fn('count', x));
export const countDistinct = (...xs: ColumnLike[]): Column => new Column(call('count', xs.map(c), true));
export const count_distinct = countDistinct;
export const sum = (x: ColumnLike): Column => fn('sum', x);
export const sumDistinct = (x: ColumnLike): Column => new Column(call('sum', [c(x)], true));
export const avg = (x: ColumnLike): Column => fn('avg', x);
export const mean = (x: ColumnLike): Column => fn('avg', x); // Spark's functions.mean is avg (column name avg(x))
export const min = (x: ColumnLike): Column => fn('min', x);
export const max = (x: ColumnLike): Column => fn('max', x);
export const first = (x: ColumnLike, ignoreNulls = false): Column => new Column({ ...call('first', [c(x)]), ...(ignoreNulls ? { ignoreNulls: true } : {}) } as Expr);
export const last = (x: ColumnLike, ignoreNulls = false): Column => new Column({ ...call('last', [c(x)]), ...(ignoreNulls ? { ignoreNulls: true } : {}) } as Expr);
export const collect_list = (x: ColumnLike): Column => fn('collect_list', x);
export const collect_set = (x: ColumnLike): Column => fn('collect_set', x);
export const stddev = (x: ColumnLike): Column => fn('stddev', x);
export const stddev_samp = (x: ColumnLike): Column => fn('stddev_samp', x);
export const stddev_pop = (x: ColumnLike): Column => fn('stddev_pop', x);
export const variance = (x: ColumnLike): Column => fn('variance', x);
export const var_samp = (x: ColumnLike): Column => fn('var_samp', x);
export const var_pop = (x: ColumnLike): Column => fn('var_pop', x);
export const approx_count_distinct = (x: ColumnLike, rsd?: number): Column =>
  new Column(call('approx_count_distinct', [c(x), ...(rsd === undefined ? [] : [toExpr(rsd)])]));
export const approxCountDistinct = approx_count_distinct;

// strings
export const concat = (...xs: ColumnLike[]): Column => fn('concat', ...xs);
export const concat_ws = (sep: string, ...xs: ColumnLike[]): Column => new Column(call('concat_ws', [toExpr(sep), ...xs.map(c)]));
export const substring = (x: ColumnLike, pos: number, len: number): Column => new Column(call('substring', [c(x), toExpr(pos), toExpr(len)]));
export const upper = (x: ColumnLike): Column => fn('upper', x);
export const lower = (x: ColumnLike): Column => fn('lower', x);
export const trim = (x: ColumnLike): Column => fn('trim', x);
export const ltrim = (x: ColumnLike): Column => fn('ltrim', x);
export const rtrim = (x: ColumnLike): Column => fn('rtrim', x);
export const length = (x: ColumnLike): Column => fn('length', x);
export const split = (x: ColumnLike, pattern: string, limit?: number): Column => new Column(call('split', [c(x), toExpr(pattern), ...(limit === undefined ? [] : [toExpr(limit)])]));
export const regexp_replace = (x: ColumnLike, pattern: string, replacement: string): Column => new Column(call('regexp_replace', [c(x), toExpr(pattern), toExpr(replacement)]));
export const regexp_extract = (x: ColumnLike, pattern: string, idx: number): Column => new Column(call('regexp_extract', [c(x), toExpr(pattern), toExpr(idx)]));
export const instr = (x: ColumnLike, substr: string): Column => new Column(call('instr', [c(x), toExpr(substr)]));
export const lpad = (x: ColumnLike, len: number, pad: string): Column => new Column(call('lpad', [c(x), toExpr(len), toExpr(pad)]));
export const rpad = (x: ColumnLike, len: number, pad: string): Column => new Column(call('rpad', [c(x), toExpr(len), toExpr(pad)]));
export const like = (x: ColumnLike, pattern: string | Column): Column => (x instanceof Column ? x : col(x)).like(pattern);

// math
export const abs = (x: ColumnLike): Column => fn('abs', x);
export const round = (x: ColumnLike, scale = 0): Column => new Column(call('round', [c(x), toExpr(scale)]));
export const floor = (x: ColumnLike): Column => fn('floor', x);
export const ceil = (x: ColumnLike): Column => fn('ceil', x);
export const sqrt = (x: ColumnLike): Column => fn('sqrt', x);
export const pow = (x: ColumnLike, y: unknown): Column => new Column(call('pow', [c(x), toExpr(y)]));
export const exp = (x: ColumnLike): Column => fn('exp', x);
export const log = (x: ColumnLike | number, y?: ColumnLike): Column => (y === undefined ? fn('ln', x as ColumnLike) : new Column(call('log', [toExpr(x), c(y)])));
export const greatest = (...xs: ColumnLike[]): Column => fn('greatest', ...xs);
export const least = (...xs: ColumnLike[]): Column => fn('least', ...xs);

// dates
export const current_date = (): Column => fn('current_date');
export const current_timestamp = (): Column => fn('current_timestamp');
export const date_add = (x: ColumnLike, days: number | Column): Column => new Column(call('date_add', [c(x), toExpr(days)]));
export const date_sub = (x: ColumnLike, days: number | Column): Column => new Column(call('date_sub', [c(x), toExpr(days)]));
export const datediff = (end: ColumnLike, start: ColumnLike): Column => fn('datediff', end, start);
export const year = (x: ColumnLike): Column => fn('year', x);
export const month = (x: ColumnLike): Column => fn('month', x);
export const dayofmonth = (x: ColumnLike): Column => fn('dayofmonth', x);
export const to_date = (x: ColumnLike, format?: string): Column => new Column(call('to_date', [c(x), ...(format ? [toExpr(format)] : [])]));
export const date_format = (x: ColumnLike, format: string): Column => new Column(call('date_format', [c(x), toExpr(format)]));
export const date_trunc = (unit: string, x: ColumnLike): Column => new Column(call('date_trunc', [toExpr(unit), c(x)]));
/** extract(field, source): the field as a string or as lit('YEAR') (Spark's Column form). */
export const extract = (field: string | Column, x: ColumnLike): Column =>
  new Column({ kind: 'extract', field: typeof field === 'string' ? field : literalText(field), source: c(x) });
const literalText = (f: Column): string => {
  if (f.expr.kind === 'string') return f.expr.value;
  if (f.expr.kind === 'column' && f.expr.parts.length === 1) return f.expr.parts[0]!;
  throw new TsSparkError('INVALID_ARGUMENT', '[NON_FOLDABLE_ARGUMENT] The function `extract` requires the parameter `field` to be a foldable expression of the type "STRING".');
};

// conditional
export const coalesce = (...xs: ColumnLike[]): Column => fn('coalesce', ...xs);
export const nvl = (a: ColumnLike, b: ColumnLike): Column => fn('nvl', a, b);
export const nullif = (a: ColumnLike, b: unknown): Column => new Column(call('nullif', [c(a), toExpr(b)]));
export const isnull = (x: ColumnLike): Column => fn('isnull', x);
export const isnan = (x: ColumnLike): Column => fn('isnan', x);
/** SQL's if(cond, a, b) (a reserved word in JS, so exported as `if_` too). */
export const if_ = (cond: Column, a: unknown, b: unknown): Column => new Column(call('if', [cond.expr, toExpr(a), toExpr(b)]));
export { if_ as if };

// collections
export const array = (...xs: ColumnLike[]): Column => fn('array', ...xs);
export const explode = (x: ColumnLike): Column => fn('explode', x);
export const posexplode = (x: ColumnLike): Column => fn('posexplode', x);
export const explode_outer = (x: ColumnLike): Column => fn('explode_outer', x);
export const posexplode_outer = (x: ColumnLike): Column => fn('posexplode_outer', x);
export const inline = (x: ColumnLike): Column => fn('inline', x);
export const inline_outer = (x: ColumnLike): Column => fn('inline_outer', x);
export const size = (x: ColumnLike): Column => fn('size', x);
export const array_contains = (x: ColumnLike, v: unknown): Column => new Column(call('array_contains', [c(x), toExpr(v)]));
export const struct = (...xs: ColumnLike[]): Column => fn('struct', ...xs);
export const create_map = (...xs: ColumnLike[]): Column => fn('map', ...xs);
export const map = create_map;

// windows
export const row_number = (): Column => fn('row_number');
export const rank = (): Column => fn('rank');
export const dense_rank = (): Column => fn('dense_rank');
export const percent_rank = (): Column => fn('percent_rank');
export const cume_dist = (): Column => fn('cume_dist');
export const ntile = (n: number): Column => new Column(call('ntile', [toExpr(n)]));
export const lag = (x: ColumnLike, offset = 1, defaultValue?: unknown): Column =>
  new Column(call('lag', [c(x), toExpr(offset), ...(defaultValue === undefined ? [] : [toExpr(defaultValue)])]));
export const lead = (x: ColumnLike, offset = 1, defaultValue?: unknown): Column =>
  new Column(call('lead', [c(x), toExpr(offset), ...(defaultValue === undefined ? [] : [toExpr(defaultValue)])]));

export * from './functions-extra.js';

/** Any SQL function by name, as Spark's call_function / expr. */
export const call_function = (name: string, ...xs: ColumnLike[]): Column => fn(name, ...xs);
