// Issue-3 acceptance audit regressions through the compiled package: Column/function forms Spark accepts
// (like with a Column pattern, extract with lit(field), functions.if), na.fill/na.drop variants, fillna/dropna.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// eslint-disable-next-line import/no-relative-packages
import * as ts from '../../../dist/index.js';

const { col, lit, functions: F } = ts;
let spark: ts.SparkSession;
let people: ts.DataFrame;

beforeAll(() => {
  spark = ts.SparkSession.builder().master('local[2]').appName('api-audit').config('spark.ui.enabled', 'false').getOrCreate();
  people = spark.createDataFrame([[1, 'Alice', 30], [2, 'bob', null], [3, null, 25]], 'id INT, name STRING, age INT');
});
afterAll(async () => { await spark.stop(); });

describe('functions accept Spark’s Column forms', () => {
  it('like/ilike/rlike take a Column pattern as well as a string', async () => {
    const rows = await people.select(
      F.like(col('name'), lit('%b%')).alias('a'), col('name').like('A%').alias('b'),
      F.ilike(col('name'), lit('B%')).alias('c'), F.rlike('name', '^[a-z]+$').alias('d'),
    ).collect();
    expect(rows).toEqual([
      { a: false, b: true, c: false, d: false },
      { a: true, b: false, c: true, d: true },
      { a: null, b: null, c: null, d: null },
    ]);
  });

  it('extract takes the field as lit(...) or a string; functions.if is exported under its SQL name', async () => {
    const df = spark.sql("SELECT DATE '2024-03-15' AS d");
    const [r] = await df.select(F.extract(lit('YEAR'), col('d')).alias('y'), F.extract('month', 'd').alias('m'),
      (F as unknown as Record<string, (...a: unknown[]) => ts.Column>).if!(col('d').isNull(), 1, 2).alias('i')).collect();
    expect(r).toEqual({ y: 2024, m: 3, i: 2 });
    expect(typeof (ts as unknown as Record<string, unknown>).if).toBe('function');
  });

  it('extra Spark functions by name (ifnull, power, initcap, dayofweek, sort_array, count_if)', async () => {
    const [r] = await people.agg(F.count_if(col('age').gt(26)).alias('n'), F.max(F.initcap(col('name'))).alias('m')).collect();
    expect(r).toEqual({ n: 1, m: 'Bob' });
    const [s] = await spark.sql("SELECT DATE '2024-03-15' AS d").select(F.dayofweek('d').alias('w'), F.power(lit(2), 10).alias('p'),
      F.ifnull(lit(null), lit(7)).alias('f'), F.sort_array(F.array(lit(3), lit(1), lit(2)), false).alias('a')).collect();
    expect(s).toEqual({ w: 6, p: 1024, f: 7, a: [3, 2, 1] });
  });
});

describe('na functions', () => {
  const ids = (rows: ts.Row[]): unknown[] => rows.map((r) => r.id);
  it('fill with a record fills per column; a subset may be a single name', async () => {
    expect(await people.na.fill({ age: 0, name: 'unknown' }).orderBy('id').collect()).toEqual([
      { id: 1, name: 'Alice', age: 30 }, { id: 2, name: 'bob', age: 0 }, { id: 3, name: 'unknown', age: 25 },
    ]);
    expect((await people.fillna(99, 'age').orderBy('id').collect()).map((r) => r.age)).toEqual([30, 99, 25]);
  });
  it('drop: how, thresh, subset, and the drop(subset) / dropna forms', async () => {
    expect(ids(await people.na.drop().orderBy('id').collect())).toEqual([1]);
    expect(ids(await people.na.drop('any', undefined, 'age').orderBy('id').collect())).toEqual([1, 3]);
    expect(ids(await people.na.drop(['name']).orderBy('id').collect())).toEqual([1, 2]);
    expect(ids(await people.na.drop('all', 3).orderBy('id').collect())).toEqual([1]);
    expect(ids(await people.dropna('any', undefined, ['age']).orderBy('id').collect())).toEqual([1, 3]);
    expect(() => people.na.drop('some' as 'any')).toThrow(/should be 'any' or 'all'/);
  });
});

describe('selectExpr / expr with aliases, cast to a DataType', () => {
  it('selectExpr and expr accept "expr AS alias" and "expr alias" as Spark', async () => {
    const df = spark.range(2).selectExpr('id * 2 AS d', 'id e', 'upper("a")', 'id');
    expect(df.columns).toEqual(['d', 'e', 'upper(a)', 'id']);
    expect(await df.collect()).toEqual([{ d: 0, e: 0, 'upper(a)': 'A', id: 0 }, { d: 2, e: 1, 'upper(a)': 'A', id: 1 }]);
    expect(spark.range(1).select(F.expr('id + 1 AS n')).columns).toEqual(['n']);
    expect(() => spark.range(1).selectExpr('id +')).toThrow(/PARSE_SYNTAX_ERROR/);
  });
  it('cast takes DataTypes values as well as names', async () => {
    const T = ts.DataTypes;
    const df = people.select(col('id').cast(T.string).alias('s'), col('id').cast(T.decimal(5, 2)).alias('d'),
      F.array(col('id')).cast(T.array(T.long)).alias('a'), col('age').cast('double').alias('x'));
    expect(df.dtypes).toEqual([['s', 'string'], ['d', 'decimal(5,2)'], ['a', 'array<bigint>'], ['x', 'double']]);
    expect((await df.limit(1).collect())[0]).toEqual({ s: '1', d: 1, a: [1], x: 30 });
  });
});

describe('spark.conf', () => {
  it('get(key, default) returns the default for an unset key, even one with a SQL default', () => {
    const s = spark.newSession();
    expect(s.conf.get('spark.sql.caseSensitive')).toBe('false');
    expect(s.conf.get('spark.sql.caseSensitive', 'true')).toBe('true');
    expect(s.conf.get('spark.nonexistent.key', 'x')).toBe('x');
    s.conf.set('spark.sql.caseSensitive', true);
    expect(s.conf.get('spark.sql.caseSensitive', 'nope')).toBe('true');
    s.conf.unset('spark.sql.caseSensitive');
  });
});

describe('show options', () => {
  it('show({ n, truncate, vertical }) is the same as the positional form', async () => {
    const pos = await people.showString(2, 3, true);
    expect(await people.showString({ n: 2, truncate: 3, vertical: true })).toBe(pos);
    expect(pos).toBe('-RECORD 0---\n id   | 1   \n name | Ali \n age  | 30  \n-RECORD 1---\n id   | 2   \n name | bob \n age  | NUL \nonly showing top 2 rows\n');
    expect(await people.showString({ truncate: false })).toBe(await people.showString(20, false));
  });
});

describe('reader/writer keyword options', () => {
  it('csv(path, { … }) on both sides, schema and mode included', async () => {
    const os = await import('node:os');
    const fs = await import('node:fs');
    const path = await import('node:path');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rw-kw-'));
    try {
      const out = path.join(dir, 'out');
      await people.write.csv(out, { header: true, mode: 'overwrite', sep: ';' });
      await people.write.csv(out, { header: true, mode: 'overwrite', sep: ';' });
      const text = fs.readdirSync(out).filter((f) => f.endsWith('.csv')).map((f) => fs.readFileSync(path.join(out, f), 'utf8')).join('');
      expect(text.startsWith('id;name;age\n')).toBe(true);
      const back = spark.read.csv(out, { header: true, sep: ';', schema: 'id INT, name STRING, age INT' });
      expect(back.dtypes).toEqual([['id', 'int'], ['name', 'string'], ['age', 'int']]);
      expect(await back.orderBy('id').collect()).toEqual(await people.orderBy('id').collect());
      const inferred = spark.read.csv([out], { header: 'true', sep: ';', inferSchema: true });
      expect(inferred.dtypes).toEqual([['id', 'int'], ['name', 'string'], ['age', 'int']]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('createDataFrame / toArrow', () => {
  it('toArrow keeps nested types (List, Struct, Map, Binary) and createDataFrame reads them back', async () => {
    const df = spark.sql("SELECT array(1, NULL) AS arr, named_struct('x', 1, 'y', 'a') AS st, map('k', 2.5D) AS m, X'0102' AS b");
    const table = await df.toArrow();
    expect(table.schema.fields.map((f) => String(f.type))).toEqual(['List<Int32>', 'Struct<{x:Int32, y:Utf8}>', 'Map<{key:Utf8, value:Float64}>', 'Binary']);
    const back = spark.createDataFrame(table);
    expect(back.dtypes).toEqual(df.dtypes);
    expect(await back.showString()).toBe(await df.showString());
  });
  it('an Arrow table with a schema takes its names and types', async () => {
    const table = await spark.range(2).toArrow();
    const df = spark.createDataFrame(table, 'n INT');
    expect(df.dtypes).toEqual([['n', 'int']]);
    expect(await df.collect()).toEqual([{ n: 0 }, { n: 1 }]);
    expect(() => spark.createDataFrame(table, 'a INT, b INT')).toThrow(/LENGTH_SHOULD_BE_THE_SAME/);
  });
  it('an RDD from parallelize needs no schema (inferred from its rows)', async () => {
    const df = spark.createDataFrame(spark.sparkContext.parallelize([{ a: 1, b: 'x' }, { a: 2, b: null }]));
    expect(df.dtypes).toEqual([['a', 'bigint'], ['b', 'string']]);
    expect(await df.orderBy('a').collect()).toEqual([{ a: 1, b: 'x' }, { a: 2, b: null }]);
  });
});

describe('column names', () => {
  it('functions.mean is avg (Spark names the column avg(x)), as agg({ x: "mean" })', () => {
    expect(people.select(F.mean('age')).columns).toEqual(['avg(age)']);
    expect(people.agg({ age: 'mean' }).columns).toEqual(['avg(age)']);
  });
});

describe('df.col and table qualifiers', () => {
  it('spark.table columns carry the table name; df.col tells joined tables and aliases apart', async () => {
    spark.createDataFrame([[1, 'x'], [2, 'y']], 'id INT, v STRING').createOrReplaceTempView('qa');
    spark.createDataFrame([[1, 'p'], [3, 'q']], 'id INT, w STRING').createOrReplaceTempView('qb');
    const a = spark.table('qa'), b = spark.table('qb');
    expect(await a.select('qa.id').collect()).toEqual([{ id: 1 }, { id: 2 }]);
    expect(await a.join(b, a.col('id').equalTo(b.col('id'))).select(a.col('id'), 'v', 'w').collect()).toEqual([{ id: 1, v: 'x', w: 'p' }]);
    const l = people.alias('l'), r = people.alias('r');
    const rows = await l.join(r, l.col('id').equalTo(r.col('id').plus(1))).select(l.col('id'), r.col('name').alias('prev')).orderBy(l.col('id')).collect();
    expect(rows).toEqual([{ id: 2, prev: 'Alice' }, { id: 3, prev: 'bob' }]);
    expect(() => people.col('nope')).toThrow(/UNRESOLVED_COLUMN.*`nope`.*`id`, `name`, `age`/);
  });
});
