// Evaluation of compiled expressions with Spark's semantics (values from Spark 3.5 documentation/behaviour).
import { describe, expect, it } from 'vitest';
import type { ColumnBatch } from '../../../src/sql/batch/column-batch.js';
import type { Expression } from '../../../src/planner/expr/expression.js';
import { compileFilter, compileProjection, concatBatches, evalConstant, takeRows, valueToJs } from '../../../src/planner/expr/index.js';
import { castExpression, literalOf, resolveFunction } from '../../../src/sql/functions/index.js';
import { T, type DataType } from '../../../src/sql/types/data-type.js';

const opts = { ansi: false, timeZone: 'UTC' };
const L = (v: unknown): Expression => literalOf(v);
const typed = (value: unknown, type: DataType): Expression => ({ kind: 'literal', value, type });
const f = (name: string, ...args: Expression[]): Expression => resolveFunction(name, args, opts);
const vals = (c: unknown): ArrayLike<unknown> => (c as { values: ArrayLike<unknown> }).values;
const ev = (e: Expression): unknown => evalConstant(e);
const cast = (e: Expression, t: DataType): Expression => castExpression(e, t, 'cast', 'UTC');

const batch: ColumnBatch = {
  numRows: 4,
  columns: [
    { kind: 'i32', values: Int32Array.from([1, 2, 0, 2147483647]), valid: Uint8Array.from([1, 1, 0, 1]) },
    { kind: 'dict', ids: Int32Array.from([0, 1, 0, 1]), dictionary: ['ab', 'Spark'], valid: null },
    { kind: 'f64', values: Float64Array.from([1050, -25, 0, 999999]), valid: null }, // decimal(8,2)
  ],
};
const i = { kind: 'bound', ordinal: 0, type: T.int, nullable: true, name: 'i' } as const;
const s = { kind: 'bound', ordinal: 1, type: T.string, nullable: false, name: 's' } as const;
const d = { kind: 'bound', ordinal: 2, type: T.decimal(8, 2), nullable: false, name: 'd' } as const;

describe('scalar evaluation', () => {
  const cases: [string, Expression, unknown][] = [
    ['1 / 2', f('/', L(1), L(2)), 0.5],
    ['1 / 0', f('/', L(1), L(0)), null],
    ['7 div 2', f('div', L(7), L(2)), 3],
    ['-7 % 3', f('%', L(-7), L(3)), -1],
    ['pmod(-7, 3)', f('pmod', L(-7), L(3)), 2],
    ['int overflow wraps', f('+', L(2147483647), L(1)), -2147483648],
    ["'1.5' = 1 (string cast to int)", f('=', L('1.5'), L(1)), true],
    ["'3' + 1 (double)", f('+', L('3'), L(1)), 4],
    ['round(2.5)', f('round', L(2.5)), 3],
    ['round(-2.5)', f('round', L(-2.5)), -3],
    ['bround(2.5)', f('bround', L(2.5)), 2],
    ['round(2.675, 2)', f('round', L(2.675), L(2)), 2.68],
    ['round(125, -1)', f('round', L(125), L(-1)), 130],
    ['floor(-1.5)', f('floor', L(-1.5)), -2],
    ['ceil(1.2)', f('ceil', L(1.2)), 2],
    ['log(0)', f('ln', L(0)), null],
    ['log(2, 8)', f('log', L(2), L(8)), 3],
    ['greatest(1, null, 3)', f('greatest', L(1), L(null), L(3)), 3],
    ['substring(Spark SQL, 5)', f('substring', L('Spark SQL'), L(5)), 'k SQL'],
    ['substring(Spark SQL, -3)', f('substring', L('Spark SQL'), L(-3)), 'SQL'],
    ['substring(Spark SQL, 5, 1)', f('substring', L('Spark SQL'), L(5), L(1)), 'k'],
    ['concat(a, null)', f('concat', L('a'), L(null)), null],
    ['concat_ws(-, a, null, b)', f('concat_ws', L('-'), L('a'), L(null), L('b')), 'a-b'],
    ['lpad(hi, 5, ??)', f('lpad', L('hi'), L(5), L('??')), '???hi'],
    ['rpad(hi, 1)', f('rpad', L('hi'), L(1)), 'h'],
    ['regexp_replace', f('regexp_replace', L('100-200'), L('(\\d+)'), L('num')), 'num-num'],
    ['regexp_extract', f('regexp_extract', L('100-200'), L('(\\d+)-(\\d+)'), L(2)), '200'],
    ['split', f('split', L('oneAtwoBthreeC'), L('[ABC]')), ['one', 'two', 'three', '']],
    ['instr', f('instr', L('SparkSQL'), L('SQL')), 6],
    ['locate', f('locate', L('bar'), L('foobarbar'), L(5)), 7],
    ['initcap', f('initcap', L('sPark sql')), 'Spark Sql'],
    ['translate', f('translate', L('AaBbCc'), L('abc'), L('123')), 'A1B2C3'],
    ["like 'S%k'", f('like', L('Spark'), L('S%k')), true],
    ["rlike '^S'", f('rlike', L('Spark'), L('^S')), true],
    ['format_number', f('format_number', L(12332.123456), L(4)), '12,332.1235'],
    ['length', f('length', L('Spark SQL ')), 10],
    ['cast(1e10D as int) saturates', cast(typed(1e10, T.double), T.int), 2147483647],
    ['cast(1e10L as int) wraps', cast(L(1e10), T.int), 1410065408],
    ["cast('abc' as int)", cast(L('abc'), T.int), null],
    ["cast(' 12 ' as int)", cast(L(' 12 '), T.int), 12],
    ["cast('1.9' as int)", cast(L('1.9'), T.int), 1],
    ['cast(0.1 as string)', cast(L(0.1), T.string), '0.1'],
    ['cast(1e10D as string)', cast(typed(1e10, T.double), T.string), '1.0E10'],
    ['cast(1.0 as string)', cast(typed(1, T.double), T.string), '1.0'],
    ["cast('yes' as boolean)", cast(L('yes'), T.boolean), true],
    ["cast('2020-01-05' as date)", cast(L('2020-01-05'), T.date), 18266],
    ["cast('2020-1-5 junk' as date)", cast(L('2020-1-5 junk'), T.date), 18266],
    ['cast(date as string)', cast(typed(18266, T.date), T.string), '2020-01-05'],
    ["cast('2020-01-05 10:11:12.5' as timestamp)", cast(L('2020-01-05 10:11:12.5'), T.timestamp), (18266 * 86400 + 36672) * 1e6 + 500000],
    ['cast(ts as string)', cast(typed((18266 * 86400 + 36672) * 1e6 + 500000, T.timestamp), T.string), '2020-01-05 10:11:12.5'],
    ["cast('1.255' as decimal(5,2))", cast(L('1.255'), T.decimal(5, 2)), 126],
    ["cast('1000' as decimal(3,0))", cast(L('1000'), T.decimal(3, 0)), null],
    ['year/month/day', f('array', f('year', L('2024-02-29')), f('month', L('2024-02-29')), f('dayofmonth', L('2024-02-29'))), [2024, 2, 29]],
    ['dayofweek(2009-07-30)', f('dayofweek', L('2009-07-30')), 5],
    ['weekofyear(2008-02-20)', f('weekofyear', L('2008-02-20')), 8],
    ['date_add', f('date_add', L('2016-07-30'), L(1)), 17013],
    ['datediff', f('datediff', L('2009-07-31'), L('2009-07-30')), 1],
    ['add_months(2016-08-31, 1)', f('add_months', L('2016-08-31'), L(1)), 17074],
    ['last_day', f('last_day', L('2009-01-12')), 14275],
    ['next_day', f('next_day', L('2015-01-14'), L('TU')), 16455],
    ['months_between', f('months_between', L('1997-02-28 10:30:00'), L('1996-10-30')), 3.94959677],
    ['date_format', f('date_format', L('2016-04-08 13:05:09'), L('yyyy/MM/dd HH:mm:ss EEE MMM a')), '2016/04/08 13:05:09 Fri Apr PM'],
    ['to_date fmt', f('to_date', L('12/31/2016'), L('MM/dd/yyyy')), 17166],
    ['unix_timestamp', f('unix_timestamp', L('2016-04-08'), L('yyyy-MM-dd')), 1460073600],
    ['from_unixtime', f('from_unixtime', L(0), L('yyyy-MM-dd HH:mm:ss')), '1970-01-01 00:00:00'],
    ['date_trunc', f('date_trunc', L('MM'), L('2015-03-05 09:32:05')), 1425168000e6],
    ['trunc', f('trunc', L('2019-08-04'), L('year')), 17897],
    ['make_date invalid', f('make_date', L(2019), L(2), L(30)), null],
    ['date - date', f('-', typed(10, T.date), typed(7, T.date)), 3 * 86400e6],
    ['nullif', f('nullif', L(2), L(2)), null],
    ['nvl2', f('nvl2', L(null), L(2), L(1)), 1],
    ['if', f('if', L(false), L('a'), L('b')), 'b'],
    ['size(array)', f('size', f('array', L(1), L(2))), 2],
    ['size(null)', f('size', typed(null, T.array(T.int))), -1],
    ['array_contains null', f('array_contains', f('array', L(1), L(null)), L(3)), null],
    ['element_at(-1)', f('element_at', f('array', L(1), L(2), L(3)), L(-1)), 3],
    ['element_at map', f('element_at', f('map', L(1), L('a'), L(2), L('b')), L(2)), 'b'],
    ['sort_array desc', f('sort_array', f('array', L(2), L(null), L(1)), L(false)), [2, 1, null]],
    ['array_distinct', f('array_distinct', f('array', L(1), L(2), L(1))), [1, 2]],
    ['named_struct', f('named_struct', L('a'), L(1), L('b'), L('x')), { a: 1, b: 'x' }],
    ['hash(null)', f('hash', L(null)), 42],
    ['hash(1)', f('hash', L(1)), -559580957],
    ["hash('Spark')", f('hash', L('Spark')), 228093765],
    ['hash(1L)', f('hash', typed(1, T.long)), -1712319331],
    ["md5('Spark')", f('md5', L('Spark')), '8cde774d6f7333752ed72cacddb05126'],
    ["crc32('Spark')", f('crc32', L('Spark')), 1557323817],
    ['3 <=> null', f('<=>', L(3), L(null)), false],
    ['NaN = NaN', f('=', L(NaN), L(NaN)), true],
    ['decimal 1.10 + 2.205', f('+', typed(110, T.decimal(3, 2)), typed(2205, T.decimal(4, 3))), 3305],
    ['decimal 1.5 * 2', f('*', typed(15, T.decimal(2, 1)), L(2)), 30],
    ['decimal 1 / 3', f('/', typed(1, T.decimal(1, 0)), typed(3, T.decimal(1, 0))), 333333],
  ];
  it.each(cases)('%s', (_name, e, expected) => {
    const v = ev(e);
    if (typeof expected === 'number' && typeof v === 'number' && !Number.isInteger(expected)) expect(v).toBeCloseTo(expected, 8);
    else expect(v).toEqual(expected);
  });

  it('ANSI mode raises instead of returning NULL', () => {
    const a = { ansi: true, timeZone: 'UTC' };
    expect(() => ev(resolveFunction('/', [L(1), L(0)], a))).toThrow(/DIVIDE_BY_ZERO/);
    expect(() => ev(castExpression(L('abc'), T.int, 'ansi'))).toThrow(/CAST_INVALID_INPUT/);
    expect(() => ev(resolveFunction('+', [L(2147483647), L(1)], a))).toThrow(/ARITHMETIC_OVERFLOW/);
  });

  it('session time zone shifts local fields', () => {
    const ts = typed(0, T.timestamp);
    expect(ev(resolveFunction('hour', [ts], { ansi: false, timeZone: 'America/Los_Angeles' }))).toBe(16);
    expect(ev(resolveFunction('hour', [ts], { ansi: false, timeZone: 'Asia/Kolkata' }))).toBe(5);
    expect(ev(castExpression(ts, T.string, 'cast', 'Asia/Kolkata'))).toBe('1970-01-01 05:30:00');
    expect(ev(castExpression(L('2021-03-14 03:30:00'), T.timestamp, 'cast', 'America/New_York'))).toBe(Date.UTC(2021, 2, 14, 7, 30) * 1000);
    expect(ev(castExpression(L('2021-11-07 12:00:00'), T.timestamp, 'cast', 'America/New_York'))).toBe(Date.UTC(2021, 10, 7, 17) * 1000);
  });
});

describe('compiled projections and filters over batches', () => {
  it('projects with null propagation, dictionary strings and decimals', () => {
    const proj = compileProjection([
      f('+', i, L(1)),
      f('upper', s),
      f('*', d, L(2)),
      i,
      f('coalesce', i, L(-1)),
      { kind: 'case', branches: [[f('>', i, L(1)), L('big')]], else: L('small'), type: T.string },
    ]);
    const [a, b, c, e, g, h] = proj(batch);
    expect(Array.from(vals(a!) as Int32Array)).toEqual([2, 3, 0, -2147483648]);
    expect(a!.valid && Array.from(a!.valid)).toEqual([1, 1, 0, 1]);
    expect(vals(b!)).toEqual(['AB', 'SPARK', 'AB', 'SPARK']);
    expect(Array.from(vals(c!) as Float64Array)).toEqual([2100, -50, 0, 1999998]);
    expect(e).toBe(batch.columns[0]);
    expect(Array.from(vals(g!) as Int32Array)).toEqual([1, 2, -1, 2147483647]);
    expect(vals(h!)).toEqual(['small', 'big', 'small', 'big']);
  });

  it('filters (NULL is not selected), takes and concatenates rows', () => {
    const sel = compileFilter({ kind: 'or', left: f('>', i, L(1)), right: f('=', s, L('zz')) })(batch);
    expect(Array.from(sel)).toEqual([1, 3]);
    const taken = takeRows(batch, sel);
    expect(taken.numRows).toBe(2);
    const both = concatBatches([taken, batch]);
    expect(both.numRows).toBe(6);
    expect(Array.from(vals(both.columns[0]!) as Int32Array).slice(0, 3)).toEqual([2, 2147483647, 1]);
    expect(valueToJs(1050, T.decimal(8, 2))).toBe(10.5);
  });

  it('IN lists with NULL follow three-valued logic', () => {
    const inList = compileProjection([{ kind: 'in', expr: i, list: [L(1), typed(null, T.int)], negated: false }])(batch)[0]!;
    expect(Array.from(vals(inList) as Uint8Array)).toEqual([1, 0, 0, 0]);
    expect(Array.from(inList.valid!)).toEqual([1, 0, 0, 0]);
  });

  it('monotonically_increasing_id and spark_partition_id use the task', () => {
    const p = compileProjection([f('monotonically_increasing_id'), f('spark_partition_id')], { partitionIndex: 2 });
    const [m1] = p(batch);
    const [m2, pid] = p(batch);
    expect(Array.from(vals(m1!) as Float64Array)).toEqual([0, 1, 2, 3].map((x) => 2 * 2 ** 33 + x));
    expect((vals(m2!) as Float64Array)[0]).toBe(2 * 2 ** 33 + 4);
    expect((vals(pid!) as Int32Array)[0]).toBe(2);
  });
});
