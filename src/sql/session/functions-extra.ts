// More of Spark's `functions` by name (math, string, date/time, collections, aggregates) beyond the core set in
// functions.ts; re-exported from there. Literal parameters (formats, counts) accept a plain value or a Column.
import { call, colExpr, Column, toExpr, type ColumnLike } from './column.js';

const fn = (name: string, ...args: ColumnLike[]): Column => new Column(call(name, args.map(colExpr)));
/** name(column, literal-or-Column parameters…). */
const fnp = (name: string, x: ColumnLike, ...params: unknown[]): Column =>
  new Column(call(name, [colExpr(x), ...params.filter((p) => p !== undefined).map(toExpr)]));

// conditional / null handling
export const ifnull = (a: ColumnLike, b: ColumnLike): Column => fn('ifnull', a, b);
export const nvl2 = (a: ColumnLike, b: ColumnLike, c: ColumnLike): Column => fn('nvl2', a, b, c);
export const isnotnull = (x: ColumnLike): Column => fn('isnotnull', x);
export const nanvl = (a: ColumnLike, b: ColumnLike): Column => fn('nanvl', a, b);
export const typeof_ = (x: ColumnLike): Column => fn('typeof', x);

// math
export const ceiling = (x: ColumnLike): Column => fn('ceiling', x);
export const power = (x: ColumnLike, y: unknown): Column => fnp('power', x, y);
export const ln = (x: ColumnLike): Column => fn('ln', x);
export const log10 = (x: ColumnLike): Column => fn('log10', x);
export const log2 = (x: ColumnLike): Column => fn('log2', x);
export const signum = (x: ColumnLike): Column => fn('signum', x);
export const cbrt = (x: ColumnLike): Column => fn('cbrt', x);
export const sin = (x: ColumnLike): Column => fn('sin', x);
export const cos = (x: ColumnLike): Column => fn('cos', x);
export const tan = (x: ColumnLike): Column => fn('tan', x);
export const degrees = (x: ColumnLike): Column => fn('degrees', x);
export const radians = (x: ColumnLike): Column => fn('radians', x);
export const bround = (x: ColumnLike, scale = 0): Column => fnp('bround', x, scale);
export const pmod = (a: ColumnLike, b: unknown): Column => fnp('pmod', a, b);
export const hex = (x: ColumnLike): Column => fn('hex', x);
export const rand = (seed?: number): Column => new Column(call('rand', seed === undefined ? [] : [toExpr(seed)]));
export const randn = (seed?: number): Column => new Column(call('randn', seed === undefined ? [] : [toExpr(seed)]));
export const monotonically_increasing_id = (): Column => new Column(call('monotonically_increasing_id', []));
export const spark_partition_id = (): Column => new Column(call('spark_partition_id', []));

// strings
export const initcap = (x: ColumnLike): Column => fn('initcap', x);
export const reverse = (x: ColumnLike): Column => fn('reverse', x);
export const repeat = (x: ColumnLike, n: unknown): Column => fnp('repeat', x, n);
export const translate = (x: ColumnLike, from: string, to: string): Column => fnp('translate', x, from, to);
export const ascii = (x: ColumnLike): Column => fn('ascii', x);
export const base64 = (x: ColumnLike): Column => fn('base64', x);
export const md5 = (x: ColumnLike): Column => fn('md5', x);
export const sha1 = (x: ColumnLike): Column => fn('sha1', x);
export const sha2 = (x: ColumnLike, numBits: number): Column => fnp('sha2', x, numBits);
export const crc32 = (x: ColumnLike): Column => fn('crc32', x);
export const hash = (...xs: ColumnLike[]): Column => fn('hash', ...xs);
export const format_number = (x: ColumnLike, d: number): Column => fnp('format_number', x, d);
/** locate(substr, str, pos = 1), as Spark. */
export const locate = (substr: string, x: ColumnLike, pos = 1): Column => new Column(call('locate', [toExpr(substr), colExpr(x), toExpr(pos)]));
export const substring_index = (x: ColumnLike, delim: string, count: number): Column => fnp('substring_index', x, delim, count);
export const split_part = (x: ColumnLike, delim: unknown, part: unknown): Column => fnp('split_part', x, delim, part);
export const btrim = (x: ColumnLike, chars?: unknown): Column => fnp('btrim', x, chars);
export const startswith = (x: ColumnLike, prefix: unknown): Column => fnp('startswith', x, prefix);
export const endswith = (x: ColumnLike, suffix: unknown): Column => fnp('endswith', x, suffix);
export const contains = (x: ColumnLike, part: unknown): Column => fnp('contains', x, part);
export const left = (x: ColumnLike, n: unknown): Column => fnp('left', x, n);
export const right = (x: ColumnLike, n: unknown): Column => fnp('right', x, n);
export const ilike = (x: ColumnLike, pattern: string | Column): Column => (x instanceof Column ? x : new Column(colExpr(x))).ilike(pattern);
export const rlike = (x: ColumnLike, pattern: string | Column): Column => (x instanceof Column ? x : new Column(colExpr(x))).rlike(pattern);

// dates and times
export const dayofweek = (x: ColumnLike): Column => fn('dayofweek', x);
export const dayofyear = (x: ColumnLike): Column => fn('dayofyear', x);
export const weekofyear = (x: ColumnLike): Column => fn('weekofyear', x);
export const quarter = (x: ColumnLike): Column => fn('quarter', x);
export const hour = (x: ColumnLike): Column => fn('hour', x);
export const minute = (x: ColumnLike): Column => fn('minute', x);
export const second = (x: ColumnLike): Column => fn('second', x);
export const last_day = (x: ColumnLike): Column => fn('last_day', x);
export const to_timestamp = (x: ColumnLike, format?: string): Column => fnp('to_timestamp', x, format);
export const unix_timestamp = (x?: ColumnLike, format?: string): Column =>
  (x === undefined ? new Column(call('unix_timestamp', [])) : fnp('unix_timestamp', x, format));
export const from_unixtime = (x: ColumnLike, format?: string): Column => fnp('from_unixtime', x, format);
export const add_months = (x: ColumnLike, months: unknown): Column => fnp('add_months', x, months);
export const months_between = (a: ColumnLike, b: ColumnLike, roundOff?: boolean): Column =>
  new Column(call('months_between', [colExpr(a), colExpr(b), ...(roundOff === undefined ? [] : [toExpr(roundOff)])]));
/** trunc(date, format), as Spark ('year', 'month', 'week', 'quarter'). */
export const trunc = (x: ColumnLike, format: string): Column => fnp('trunc', x, format);
export const make_date = (y: ColumnLike, m: ColumnLike, d: ColumnLike): Column => fn('make_date', y, m, d);
export const date_part = (field: unknown, x: ColumnLike): Column => new Column(call('date_part', [toExpr(field), colExpr(x)]));
export const timestamp_seconds = (x: ColumnLike): Column => fn('timestamp_seconds', x);

// collections
export const array_distinct = (x: ColumnLike): Column => fn('array_distinct', x);
export const sort_array = (x: ColumnLike, asc = true): Column => fnp('sort_array', x, asc);
export const array_sort = (x: ColumnLike): Column => fn('array_sort', x);
export const element_at = (x: ColumnLike, key: unknown): Column => fnp('element_at', x, key);
export const array_join = (x: ColumnLike, delimiter: string, nullReplacement?: string): Column => fnp('array_join', x, delimiter, nullReplacement);
export const array_max = (x: ColumnLike): Column => fn('array_max', x);
export const array_min = (x: ColumnLike): Column => fn('array_min', x);
export const array_position = (x: ColumnLike, v: unknown): Column => fnp('array_position', x, v);
export const flatten = (x: ColumnLike): Column => fn('flatten', x);
export const sequence = (start: ColumnLike, stop: ColumnLike, step?: ColumnLike): Column =>
  (step === undefined ? fn('sequence', start, stop) : fn('sequence', start, stop, step));
export const slice = (x: ColumnLike, start: unknown, len: unknown): Column => fnp('slice', x, start, len);
export const map_keys = (x: ColumnLike): Column => fn('map_keys', x);
export const map_values = (x: ColumnLike): Column => fn('map_values', x);
export const named_struct = (...xs: ColumnLike[]): Column => fn('named_struct', ...xs);

// aggregates
export const count_if = (x: ColumnLike): Column => fn('count_if', x);
export const any_value = (x: ColumnLike): Column => fn('any_value', x);
export const bool_and = (x: ColumnLike): Column => fn('bool_and', x);
export const bool_or = (x: ColumnLike): Column => fn('bool_or', x);
export const every = (x: ColumnLike): Column => fn('every', x);
export const some = (x: ColumnLike): Column => fn('some', x);
export const max_by = (x: ColumnLike, ord: ColumnLike): Column => fn('max_by', x, ord);
export const min_by = (x: ColumnLike, ord: ColumnLike): Column => fn('min_by', x, ord);
export const grouping = (x: ColumnLike): Column => fn('grouping', x);
export const grouping_id = (...xs: ColumnLike[]): Column => fn('grouping_id', ...xs);
export const nth_value = (x: ColumnLike, n: number): Column => fnp('nth_value', x, n);
export { typeof_ as typeof };
