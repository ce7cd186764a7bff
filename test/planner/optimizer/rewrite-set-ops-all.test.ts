// rewrite-set-ops-all: EXCEPT ALL / INTERSECT ALL become aggregation + row replication (plan text), with Spark's
// multiset answers.
import { afterAll, beforeAll, expect, it } from 'vitest';
import * as ts from '../../../dist/index.js';

let spark: ts.SparkSession;
beforeAll(() => { spark = ts.SparkSession.builder().master('local[1]').config('spark.ui.enabled', 'false').getOrCreate(); });
afterAll(() => spark.stop());

const L = 'SELECT * FROM VALUES (1), (1), (1), (2), (NULL), (NULL) AS t(a)';

it('EXCEPT ALL: sum of +1/-1 tags per row, kept when positive, replicated', async () => {
  const df = spark.sql(`${L} EXCEPT ALL SELECT * FROM VALUES (1), (NULL) AS u(a)`);
  const plan = spark.engine.explain(df.plan, 'extended');
  expect(plan).toMatch(/== Optimized Logical Plan ==[\s\S]*Generate explode\(sequence\(1, sum/);
  expect(plan).toMatch(/Aggregate \[a#\d+\], \[a#\d+, sum\(vcol#\d+L?\) AS sum/);
  expect((await df.collect()).map((r) => r.a).sort()).toEqual([1, 1, 2, null].sort());
});

it('INTERSECT ALL: the smaller of both counts per row', async () => {
  const df = spark.sql(`${L} INTERSECT ALL SELECT * FROM VALUES (1), (1), (NULL), (3) AS u(a)`);
  expect(spark.engine.explain(df.plan, 'extended')).toMatch(/least\(count_l#\d+L?, count_r#\d+L?\)/);
  expect((await df.collect()).map((r) => r.a).sort()).toEqual([1, 1, null].sort());
});
