// Result types of resolveFunction / resolveAggregate against Spark 3.5's (simpleString), and its type errors.
import { describe, expect, it } from 'vitest';
import type { Expression } from '../../../src/planner/expr/expression.js';
import { exprType } from '../../../src/planner/expr/expr-type.js';
import { coerceTypes, literalOf, resolveAggregate, resolveFunction } from '../../../src/sql/functions/index.js';
import { simpleString, T, type DataType } from '../../../src/sql/types/data-type.js';

const col = (name: string, type: DataType): Expression => ({ kind: 'attr', id: 1, name, type, nullable: true });
const o = { ansi: false };
const i = col('i', T.int), l = col('l', T.long), d = col('d', T.double), s = col('s', T.string), dt = col('dt', T.date);
const ts = col('ts', T.timestamp), b = col('b', T.byte), f = col('f', T.float);
const dec = col('dec', T.decimal(10, 2)), dec2 = col('dec2', T.decimal(38, 18)), dec3 = col('dec3', T.decimal(5, 0));

const cases: [string, string, Expression[], string][] = [
  ['int + int', '+', [i, i], 'int'], ['int + bigint', '+', [i, l], 'bigint'], ['tinyint + tinyint', '+', [b, b], 'tinyint'],
  ['float + int', '+', [f, i], 'float'], ['int + string', '+', [i, s], 'double'], ['int / int', '/', [i, i], 'double'],
  ['bigint div int', 'div', [l, i], 'bigint'], ['dec + dec', '+', [dec, dec], 'decimal(11,2)'],
  ['dec * dec', '*', [dec, dec], 'decimal(21,4)'], ['dec / dec', '/', [dec, dec], 'decimal(23,13)'],
  ['dec % dec', '%', [dec, dec], 'decimal(10,2)'], ['dec + int', '+', [dec, i], 'decimal(13,2)'],
  ['dec * 2 (literal)', '*', [dec, literalOf(2)], 'decimal(12,2)'], ['dec + double', '+', [dec, d], 'double'],
  ['dec38 * dec38', '*', [dec2, dec2], 'decimal(38,6)'], ['dec38 / dec', '/', [dec2, dec], 'decimal(38,16)'],
  ['dec38 + dec5', '+', [dec2, dec3], 'decimal(38,17)'], ['dec div dec', 'div', [dec, dec], 'bigint'],
  ['-dec', 'unary_minus', [dec], 'decimal(10,2)'], ['int = string', '=', [i, s], 'boolean'],
  ['date - date', '-', [dt, dt], 'interval day to second'], ['date + int', '+', [dt, i], 'date'],
  ['ts - ts', '-', [ts, ts], 'interval day to second'], ['int & int', '&', [i, i], 'int'],
  ['concat(s, i)', 'concat', [s, i], 'string'], ['|| arrays', '||', [resolveFunction('array', [i], o), resolveFunction('array', [l], o)], 'array<bigint>'],
  ['round(dec, 1)', 'round', [dec, literalOf(1)], 'decimal(10,1)'], ['round(dec, -1)', 'round', [dec, literalOf(-1)], 'decimal(9,0)'],
  ['round(double)', 'round', [d], 'double'], ['round(int)', 'round', [i], 'int'], ['floor(double)', 'floor', [d], 'bigint'],
  ['ceil(dec)', 'ceil', [dec], 'decimal(9,0)'], ['abs(int)', 'abs', [i], 'int'], ['sqrt(int)', 'sqrt', [i], 'double'],
  ['greatest(int, double)', 'greatest', [i, d], 'double'], ['greatest(int, dec)', 'greatest', [i, dec], 'decimal(12,2)'],
  ['length(s)', 'length', [s], 'int'], ['split', 'split', [s, s], 'array<string>'], ['substr(s, int)', 'substr', [s, i], 'string'],
  ['year(ts)', 'year', [ts], 'int'], ['date_add(s, int)', 'date_add', [s, i], 'date'], ['to_date(s)', 'to_date', [s], 'date'],
  ['to_timestamp(s, fmt)', 'to_timestamp', [s, s], 'timestamp'], ['datediff', 'datediff', [dt, dt], 'int'],
  ['months_between', 'months_between', [ts, ts], 'double'], ['unix_timestamp', 'unix_timestamp', [s], 'bigint'],
  ['date_trunc', 'date_trunc', [s, ts], 'timestamp'], ['date_format', 'date_format', [dt, s], 'string'],
  ['coalesce(int, bigint)', 'coalesce', [i, l], 'bigint'], ['nvl(int, double)', 'nvl', [i, d], 'double'],
  ['if(_, int, string)', 'if', [resolveFunction('=', [i, i], o), i, s], 'string'],
  ['array(int, double)', 'array', [i, d], 'array<double>'], ['map(s, i)', 'map', [s, i], 'map<string,int>'],
  ['size', 'size', [resolveFunction('array', [i], o)], 'int'], ['struct', 'struct', [i, s], 'struct<i:int,s:string>'],
  ['hash', 'hash', [i, s], 'int'], ['md5', 'md5', [s], 'string'], ['crc32', 'crc32', [s], 'bigint'],
  ['extract(second)', 'extract', [literalOf('second'), ts], 'decimal(8,6)'], ['extract(year)', 'extract', [literalOf('YEAR'), dt], 'int'],
  ['monotonically_increasing_id', 'monotonically_increasing_id', [], 'bigint'],
];

describe('resolveFunction result types', () => {
  it.each(cases)('%s', (_n, fn, args, expected) => {
    expect(simpleString(exprType(resolveFunction(fn, args, o)))).toBe(expected);
  });

  it('aggregate result types', () => {
    const t = (fn: string, a: Expression): string => simpleString(exprType(resolveAggregate(fn, [a], false, o)));
    expect(t('sum', i)).toBe('bigint');
    expect(t('sum', dec)).toBe('decimal(20,2)');
    expect(t('sum', dec2)).toBe('decimal(38,18)');
    expect(t('sum', d)).toBe('double');
    expect(t('sum', s)).toBe('double');
    expect(t('avg', i)).toBe('double');
    expect(t('avg', dec)).toBe('decimal(14,6)');
    expect(t('count', s)).toBe('bigint');
    expect(t('max', s)).toBe('string');
    expect(t('collect_list', i)).toBe('array<int>');
    expect(t('stddev', i)).toBe('double');
  });

  it('wider common types', () => {
    const c = (a: DataType, b2: DataType): string | undefined => { const r = coerceTypes(a, b2); return r && simpleString(r); };
    expect(c(T.int, T.long)).toBe('bigint');
    expect(c(T.int, T.decimal(5, 2))).toBe('decimal(12,2)');
    expect(c(T.string, T.int)).toBe('string');
    expect(c(T.date, T.timestamp)).toBe('timestamp');
    expect(c(T.boolean, T.int)).toBeUndefined();
  });

  it('type errors name the expression as Spark does', () => {
    expect(() => resolveFunction('upper', [col('x', T.array(T.int))], o)).toThrow(
      '[DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve "upper(x)" due to data type mismatch: Parameter 1 requires the "STRING" type, however "x" has the type "ARRAY<INT>".');
    expect(() => resolveFunction('+', [i, col('m', T.map(T.string, T.int))], o)).toThrow(/BINARY_OP_DIFF_TYPES.*"\(i \+ m\)"/);
    expect(() => resolveFunction('substring', [s], o)).toThrow(/WRONG_NUM_ARGS/);
    expect(() => resolveFunction('no_such_fn', [], o)).toThrow(/UNRESOLVED_ROUTINE/);
  });
});
