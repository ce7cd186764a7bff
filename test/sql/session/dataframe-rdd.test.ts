// df.rdd is Spark's synchronous Dataset.rdd: an RDD<Row> whose lineage is built without running any job (no
// adaptive map stages, no broadcast collection, no sort sampling); jobs start only with an action on it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as ts from '../../../dist/index.js';

let spark: ts.SparkSession;
let jobs = 0;
beforeAll(() => {
  spark = ts.SparkSession.builder().master('local[2]').appName('df-rdd').config('spark.ui.enabled', 'false')
    .config('spark.sql.shuffle.partitions', '4').getOrCreate();
  spark.sparkContext.statusBus.subscribe((e: { kind: string }) => { if (e.kind === 'job-start') jobs++; });
  spark.sql("CREATE TEMP VIEW people AS SELECT * FROM VALUES (1, 'ann', 10), (2, 'bob', 20), (3, 'cy', 10), (4, 'dee', 30) AS t(id, name, dept)");
  spark.sql("CREATE TEMP VIEW depts AS SELECT * FROM VALUES (10, 'eng'), (20, 'ops'), (30, 'hr') AS d(dept, dname)");
});
afterAll(async () => { await spark.stop(); });

const storage = (): ReturnType<ts.SparkContext['getRDDStorageInfo']> => (spark.sparkContext as unknown as ts.SparkContext).getRDDStorageInfo();

describe('df.rdd', () => {
  it('is an RDD right away (no Promise) and runs no job until an action', async () => {
    const df = spark.sql('SELECT d.dname, count(*) AS n, sum(p.id) AS s FROM people p JOIN depts d ON p.dept = d.dept GROUP BY d.dname ORDER BY n DESC, d.dname');
    const before = jobs;
    const rdd = df.rdd;
    expect(rdd).not.toBeInstanceOf(Promise);
    expect(rdd.getNumPartitions()).toBeGreaterThan(0);
    const names = rdd.map((r) => `${String(r.dname)}:${String(r.n)}:${String(r.s)}`);
    expect(jobs).toBe(before);
    expect(await names.collect()).toEqual(['eng:2:4', 'hr:1:4', 'ops:1:2']);
    expect(jobs).toBeGreaterThan(before);
  });

  it('keeps rows as objects keyed by column name, with a global sort across partitions', async () => {
    const df = spark.range(0, 50, 1, 5).selectExpr('id', 'id % 7 AS m').orderBy(ts.col('m').desc(), ts.col('id'));
    const before = jobs;
    const rdd = df.rdd;
    expect(jobs).toBe(before);
    const rows = await rdd.collect();
    expect(rows).toEqual(await df.collect());
    expect(rows[0]).toEqual({ id: 6, m: 6 });
    expect(await spark.range(10).rdd.map((r) => Number(r.id) * 2).reduce((a, b) => a + b)).toBe(90);
  });

  it('reads cached DataFrames from the cache', async () => {
    const df = spark.range(0, 12, 1, 3).selectExpr('id * 10 AS x').cache();
    expect(await df.count()).toBe(12);
    const cached = storage();
    expect(cached).toHaveLength(1);
    expect((await df.rdd.collect()).map((r) => r.x)).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110]);
    expect(storage()).toEqual(cached);
    df.unpersist();
  });

  it('refuses, with a hint, a plan whose scalar subqueries would have to run first', () => {
    expect(() => spark.sql('SELECT (SELECT max(id) FROM range(3)) AS m').rdd).toThrow(/scalar subqueries/);
  });
});
