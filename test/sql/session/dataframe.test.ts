// The DataFrame and SQL surface end to end on local[2], through the compiled package (what a user imports):
// Spark's show() output, schemas, DataFrame operations, commands, writes read back.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// eslint-disable-next-line import/no-relative-packages
import * as ts from '../../../dist/index.js';

let spark: ts.SparkSession;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsspark-df-'));
const people = path.join(dir, 'people.json');

beforeAll(() => {
  fs.writeFileSync(people, '{"name":"Michael"}\n{"name":"Andy", "age":30}\n{"name":"Justin", "age":19}\n');
  spark = ts.SparkSession.builder().master('local[2]').appName('dataframe-test').config('spark.ui.enabled', 'false').getOrCreate();
});
afterAll(async () => {
  await spark.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('reading and show()', () => {
  it("prints Spark's people.json table byte for byte", async () => {
    const text = await spark.read.json(people).showString();
    expect(text).toBe([
      '+----+-------+',
      '| age|   name|',
      '+----+-------+',
      '|NULL|Michael|',
      '|  30|   Andy|',
      '|  19| Justin|',
      '+----+-------+',
      '',
    ].join('\n'));
  });

  it('printSchema and dtypes as Spark', async () => {
    const df = spark.read.json(people);
    expect(df.schemaTreeString()).toBe('root\n |-- age: long (nullable = true)\n |-- name: string (nullable = true)\n\n');
    expect(df.dtypes).toEqual([['age', 'bigint'], ['name', 'string']]);
    expect(df.columns).toEqual(['age', 'name']);
  });
});

describe('SQL and DataFrame operations', () => {
  it('spark.sql with Spark semantics for / and div', async () => {
    const rows = await spark.sql('SELECT 7 / 2 AS d, 7 div 2 AS i, 1 + 1 AS two').collect();
    expect(rows).toEqual([{ d: 3.5, i: 3, two: 2 }]);
  });

  it('temp views, filters, joins, grouping and ordering', async () => {
    spark.read.json(people).createOrReplaceTempView('people');
    const ages = spark.createDataFrame([{ name: 'Andy', team: 'a' }, { name: 'Justin', team: 'b' }, { name: 'Zed', team: 'a' }]);
    const joined = spark.table('people').join(ages, 'name', 'left').orderBy('name');
    expect(await joined.collect()).toEqual([
      { name: 'Andy', age: 30, team: 'a' },
      { name: 'Justin', age: 19, team: 'b' },
      { name: 'Michael', age: null, team: null },
    ]);
    const grouped = await spark.range(0, 10).groupBy(ts.col('id').mod(3).alias('k')).agg(ts.sum('id').alias('s'), ts.count('*')).orderBy('k').collect();
    expect(grouped).toEqual([{ k: 0, s: 18, 'count(1)': 4 }, { k: 1, s: 12, 'count(1)': 3 }, { k: 2, s: 15, 'count(1)': 3 }]);
    expect(await spark.sql('SELECT name FROM people WHERE age > 20').collect()).toEqual([{ name: 'Andy' }]);
    expect(await spark.table('people').count()).toBe(3);
  });

  it('withColumn, when/otherwise, distinct, union, limit', async () => {
    const df = spark.range(0, 6).withColumn('parity', ts.when(ts.col('id').mod(2).eq(0), 'even').otherwise('odd'));
    expect((await df.select('parity').distinct().orderBy('parity').collect()).map((r) => r.parity)).toEqual(['even', 'odd']);
    expect(await df.union(df).count()).toBe(12);
    expect(await df.limit(2).count()).toBe(2);
  });

  it('commands: SHOW TABLES, DESCRIBE, SET, EXPLAIN', async () => {
    spark.read.json(people).createOrReplaceTempView('people2');
    const tables = (await spark.sql('SHOW TABLES').collect()).map((r) => r.tableName);
    expect(tables).toContain('people2');
    expect(await spark.sql('DESCRIBE people2').collect()).toEqual([
      { col_name: 'age', data_type: 'bigint', comment: null },
      { col_name: 'name', data_type: 'string', comment: null },
    ]);
    expect(await spark.sql('SET spark.sql.shuffle.partitions=7').collect()).toEqual([{ key: 'spark.sql.shuffle.partitions', value: '7' }]);
    expect(spark.conf.get('spark.sql.shuffle.partitions')).toBe('7');
    const plan = (await spark.sql('EXPLAIN SELECT age, count(*) FROM people2 GROUP BY age').collect())[0]!.plan as string;
    expect(plan).toContain('== Physical Plan ==');
    expect(plan).toMatch(/HashAggregate/);
  });

  it('a SQL typo gives line, column and what was expected; an unknown column gives candidates', () => {
    expect(() => spark.sql('SELECT name\nFORM people')).toThrow(/line 2/);
    expect(() => spark.sql('SELECT nme FROM people')).toThrow(/Did you mean.*`name`/);
  });

  it('writes Parquet and JSON that read back identically', async () => {
    const df = spark.createDataFrame([{ a: 1, b: 'x' }, { a: 2, b: null }, { a: 3, b: 'z' }]);
    for (const fmt of ['parquet', 'json'] as const) {
      const out = path.join(dir, `out-${fmt}`);
      await df.write.mode('overwrite').format(fmt).save(out);
      expect(fs.existsSync(path.join(out, '_SUCCESS'))).toBe(true);
      const back = await spark.read.format(fmt).load(out).orderBy('a').collect();
      expect(back).toEqual([{ a: 1, b: 'x' }, { a: 2, b: null }, { a: 3, b: 'z' }]);
    }
  });

  it('toArrow returns an apache-arrow Table', async () => {
    const t = await spark.range(0, 5).toArrow();
    expect(t.numRows).toBe(5);
    expect(t.schema.fields.map((f) => f.name)).toEqual(['id']);
  });
});
