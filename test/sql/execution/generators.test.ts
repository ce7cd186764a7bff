// Generators end to end through the built package: explode/posexplode/inline/stack in the select list,
// LATERAL VIEW [OUTER], table-valued FROM explode(...), the DataFrame functions, and Spark's errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as ts from '../../../dist/index.js';

let spark: ts.SparkSession;
const rows = async (sql: string): Promise<unknown[]> => (await spark.sql(sql).collect()).map((r) => ({ ...r }));
const columns = (sql: string): string[] => spark.sql(sql).columns;

beforeAll(() => {
  spark = ts.SparkSession.builder().master('local[2]').appName('generators').config('spark.ui.enabled', 'false').getOrCreate();
  spark.sql("SELECT * FROM VALUES (1, array(10, 20), map('a', 1)), (2, array(), map()), (3, NULL, NULL) AS t(id, arr, m)").createOrReplaceTempView('g');
});
afterAll(async () => { await spark.stop(); });

describe('select-list generators', () => {
  it('explode names its column col, posexplode pos and col, maps key and value', async () => {
    expect(columns('SELECT explode(array(1, 2, 3))')).toEqual(['col']);
    expect(await rows('SELECT explode(array(1, 2, 3))')).toEqual([{ col: 1 }, { col: 2 }, { col: 3 }]);
    expect(columns('SELECT id, posexplode(arr) FROM g')).toEqual(['id', 'pos', 'col']);
    expect(await rows('SELECT id, posexplode(arr) FROM g')).toEqual([{ id: 1, pos: 0, col: 10 }, { id: 1, pos: 1, col: 20 }]);
    expect(await rows('SELECT explode(m) FROM g')).toEqual([{ key: 'a', value: 1 }]);
  });

  it('aliases: AS x and AS (a, b)', async () => {
    expect(columns('SELECT explode(arr) AS x FROM g')).toEqual(['x']);
    expect(await rows('SELECT id, posexplode(arr) AS (p, v) FROM g')).toEqual([{ id: 1, p: 0, v: 10 }, { id: 1, p: 1, v: 20 }]);
  });

  it('outer variants keep empty and NULL collections as a NULL row', async () => {
    expect(await rows('SELECT id, explode_outer(arr) FROM g ORDER BY id')).toEqual(
      [{ id: 1, col: 10 }, { id: 1, col: 20 }, { id: 2, col: null }, { id: 3, col: null }]);
    expect(await rows('SELECT id, posexplode_outer(m) FROM g WHERE id > 1 ORDER BY id')).toEqual(
      [{ id: 2, pos: null, key: null, value: null }, { id: 3, pos: null, key: null, value: null }]);
  });

  it('inline and stack', async () => {
    expect(await rows("SELECT inline(array(struct(1, 'a'), struct(2, 'b')))")).toEqual([{ col1: 1, col2: 'a' }, { col1: 2, col2: 'b' }]);
    expect(await rows("SELECT stack(2, 1, 'a', 2, 'b') AS (n, s)")).toEqual([{ n: 1, s: 'a' }, { n: 2, s: 'b' }]);
    expect(await rows('SELECT stack(2, 1, 2, 3)')).toEqual([{ col0: 1, col1: 2 }, { col0: 3, col1: null }]);
  });

  it("Spark's errors: two generators, a nested generator, an alias count mismatch", () => {
    expect(() => spark.sql('SELECT explode(array(1)), explode(array(2))')).toThrow(/UNSUPPORTED_GENERATOR\.MULTI_GENERATOR.*found 2/);
    expect(() => spark.sql('SELECT explode(array(1)) + 1')).toThrow(/UNSUPPORTED_GENERATOR\.NESTED_IN_EXPRESSIONS/);
    expect(() => spark.sql('SELECT explode(m) AS k FROM g')).toThrow(/UDTF_ALIAS_NUMBER_MISMATCH.*Expected 2 aliases, but got k/);
  });
});

describe('generators over aggregates', () => {
  it('Generate runs over the Aggregate output, as Spark', async () => {
    expect(await rows("SELECT k, explode(collect_list(v)) AS x FROM VALUES (1, 'a'), (1, 'b'), (2, 'c') AS t(k, v) GROUP BY k ORDER BY k")).toEqual(
      [{ k: 1, x: 'a' }, { k: 1, x: 'b' }, { k: 2, x: 'c' }]);
    expect(await rows('SELECT posexplode(array(count(*), sum(k))) FROM VALUES (1), (2) AS t(k)')).toEqual([{ pos: 0, col: 2 }, { pos: 1, col: 3 }]);
    expect(await rows('SELECT DISTINCT explode(array(k, k)) FROM VALUES (1), (2) AS t(k) GROUP BY k ORDER BY 1')).toHaveLength(2);
  });
});

describe('LATERAL VIEW and table-valued generators', () => {
  it('chains lateral views, qualified by the view name', async () => {
    expect(await rows('SELECT id, x.c, y.d FROM g LATERAL VIEW explode(arr) x AS c LATERAL VIEW explode(array(c, c + 1)) y AS d')).toEqual([
      { id: 1, c: 10, d: 10 }, { id: 1, c: 10, d: 11 }, { id: 1, c: 20, d: 20 }, { id: 1, c: 20, d: 21 }]);
  });

  it('OUTER keeps rows without elements; default column names without AS', async () => {
    expect(await rows('SELECT id, col FROM g LATERAL VIEW OUTER explode(arr) x ORDER BY id, col')).toEqual(
      [{ id: 1, col: 10 }, { id: 1, col: 20 }, { id: 2, col: null }, { id: 3, col: null }]);
    expect(await rows('SELECT k, v FROM g LATERAL VIEW explode(m) x AS k, v')).toEqual([{ k: 'a', v: 1 }]);
  });

  it('FROM explode(...) is a table-valued function; range() still works', async () => {
    expect(await rows('SELECT * FROM explode(array(1, 2))')).toEqual([{ col: 1 }, { col: 2 }]);
    expect(await rows('SELECT t.c FROM explode(array(5)) AS t(c)')).toEqual([{ c: 5 }]);
    expect(await rows('SELECT count(*) AS n FROM range(10)')).toEqual([{ n: 10 }]);
  });
});

describe('DataFrame functions', () => {
  it('explode in select, explode_outer in withColumn', async () => {
    const { col, explode, explode_outer, posexplode } = ts.functions;
    const df = spark.table('g');
    expect(await df.select(col('id'), explode(col('arr'))).collect()).toEqual([{ id: 1, col: 10 }, { id: 1, col: 20 }]);
    const w = await df.withColumn('e', explode_outer('arr')).select('id', 'e').orderBy('id').collect();
    expect(w).toEqual([{ id: 1, e: 10 }, { id: 1, e: 20 }, { id: 2, e: null }, { id: 3, e: null }]);
    expect(await df.select(posexplode('arr')).collect()).toEqual([{ pos: 0, col: 10 }, { pos: 1, col: 20 }]);
  });
});
