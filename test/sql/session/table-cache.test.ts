// CACHE TABLE / spark.catalog.cacheTable: every later reference to the view (SQL or spark.table, each with fresh
// expression ids) reads the persisted partitions; isCached, UNCACHE TABLE, uncacheTable and CLEAR CACHE; df.cache().
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as ts from '../../../dist/index.js';

let spark: ts.SparkSession;
beforeAll(() => {
  spark = ts.SparkSession.builder().master('local[2]').appName('table-cache').config('spark.ui.enabled', 'false').getOrCreate();
  spark.sql('CREATE TEMP VIEW nums AS SELECT id, id % 3 AS k FROM range(0, 30, 1, 3)');
});
afterAll(async () => { await spark.stop(); });

const storage = (): ReturnType<ts.SparkContext['getRDDStorageInfo']> => (spark.sparkContext as unknown as ts.SparkContext).getRDDStorageInfo();

const cachedPartitions = (): number => storage().reduce((n, r) => n + r.numCachedPartitions, 0);

describe('table caching', () => {
  it('CACHE TABLE: isCached, later queries read and fill the cache, UNCACHE TABLE drops it', async () => {
    expect(spark.catalog.isCached('nums')).toBe(false);
    spark.sql('CACHE TABLE nums');
    expect(spark.catalog.isCached('nums')).toBe(true);
    expect(spark.catalog.isCached('NUMS')).toBe(true);
    expect(await spark.sql('SELECT k, count(*) c FROM nums GROUP BY k ORDER BY k').collect()).toEqual([{ k: 0, c: 10 }, { k: 1, c: 10 }, { k: 2, c: 10 }]);
    expect(storage()).toHaveLength(1);
    expect(cachedPartitions()).toBe(3);
    expect(await spark.table('nums').count()).toBe(30);
    expect(storage()).toHaveLength(1); // the same cached RDD, not a second one
    spark.sql('UNCACHE TABLE nums');
    expect(spark.catalog.isCached('nums')).toBe(false);
    expect(storage()).toHaveLength(0);
    expect(() => spark.sql('UNCACHE TABLE nope')).toThrow(/TABLE_OR_VIEW_NOT_FOUND/);
    spark.sql('UNCACHE TABLE IF EXISTS nope');
  });

  it('spark.catalog.cacheTable / uncacheTable / clearCache, and CACHE TABLE … AS SELECT', async () => {
    spark.catalog.cacheTable('nums');
    expect(spark.catalog.isCached('nums')).toBe(true);
    expect(await spark.sql('SELECT sum(id) s FROM nums').collect()).toEqual([{ s: 435 }]);
    expect(cachedPartitions()).toBe(3);
    spark.catalog.uncacheTable('nums');
    expect(spark.catalog.isCached('nums')).toBe(false);
    expect(cachedPartitions()).toBe(0);
    spark.sql('CACHE TABLE evens AS SELECT id FROM nums WHERE id % 2 = 0');
    expect(spark.catalog.isCached('evens')).toBe(true);
    expect(await spark.sql('SELECT count(*) n FROM evens').collect()).toEqual([{ n: 15 }]);
    expect(storage()).toHaveLength(1);
    spark.sql('CLEAR CACHE');
    expect(spark.catalog.isCached('evens')).toBe(false);
    expect(storage()).toHaveLength(0);
    expect(() => spark.catalog.isCached('nope')).toThrow(/TABLE_OR_VIEW_NOT_FOUND/);
  });

  it('df.cache() still works, and a view over a cached DataFrame is cached', async () => {
    const df = spark.range(0, 20, 1, 2).selectExpr('id', 'id * 2 AS d').cache();
    expect(await df.count()).toBe(20);
    expect(cachedPartitions()).toBe(2);
    expect(await df.filter('id < 3').collect()).toEqual([{ id: 0, d: 0 }, { id: 1, d: 2 }, { id: 2, d: 4 }]);
    expect(storage()).toHaveLength(1);
    df.createOrReplaceTempView('doubled');
    expect(spark.catalog.isCached('doubled')).toBe(true);
    expect(await spark.sql('SELECT max(d) m FROM doubled').collect()).toEqual([{ m: 38 }]);
    expect(storage()).toHaveLength(1);
    df.unpersist();
    expect(spark.catalog.isCached('doubled')).toBe(false);
    expect(cachedPartitions()).toBe(0);
  });
});
