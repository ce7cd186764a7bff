// Every sort, grouped aggregation and shuffled join of a query mix spills (operator budget capped to 2 KiB with the
// TSSPARK_TEST_SQL_SPILL_BYTES hook, read by the task threads a session starts): answers equal an uncapped session's.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// eslint-disable-next-line import/no-relative-packages
import * as ts from '../../../dist/index.js';

const queries = [
  'SELECT k, count(*) AS c, sum(v) AS s, avg(v) AS a, min(s) AS mn, max(s) AS mx, count(DISTINCT s) AS d FROM t GROUP BY k',
  'SELECT s, k % 3 AS m, collect_set(v % 4) AS vs FROM t GROUP BY s, k % 3',
  'SELECT * FROM t ORDER BY k DESC NULLS LAST, s, v',
  'SELECT t.k, t.v, u.w FROM t JOIN u ON t.k = u.k',
  'SELECT t.k, t.v, u.w FROM t LEFT JOIN u ON t.k = u.k AND u.w > t.v',
  'SELECT t.k, u.w FROM t RIGHT JOIN u ON t.k = u.k',
  'SELECT t.k, t.s, u.w FROM t FULL OUTER JOIN u ON t.k = u.k',
  'SELECT * FROM t LEFT SEMI JOIN u ON t.k = u.k',
  'SELECT * FROM t LEFT ANTI JOIN u ON t.k = u.k',
  'SELECT t.s, count(*) AS c FROM t JOIN u ON t.k <=> u.k GROUP BY t.s ORDER BY c DESC, t.s',
];

async function answers(cap: string | undefined): Promise<{ rows: string[][]; spilled: boolean; leftover: string[] }> {
  if (cap === undefined) delete process.env.TSSPARK_TEST_SQL_SPILL_BYTES;
  else process.env.TSSPARK_TEST_SQL_SPILL_BYTES = cap;
  const spark = ts.SparkSession.builder().master('local[2]').appName(`spill-every-${cap ?? 'off'}`)
    .config('spark.ui.enabled', 'false').config('spark.sql.autoBroadcastJoinThreshold', '-1').config('spark.sql.shuffle.partitions', '3').getOrCreate();
  try {
    spark.sql(`SELECT CASE WHEN id % 17 = 0 THEN NULL ELSE id % 400 END AS k, CAST(id % 97 AS DOUBLE) AS v, concat('s', id % 7) AS s FROM range(6000)`).createOrReplaceTempView('t');
    spark.sql(`SELECT CASE WHEN id % 23 = 0 THEN NULL ELSE id % 500 END AS k, CAST(id % 50 AS DOUBLE) AS w FROM range(900)`).createOrReplaceTempView('u');
    const out: string[][] = [];
    for (const q of queries) {
      const rows = (await spark.sql(q).collect()).map((r) => JSON.stringify(r, (_k, v: unknown) => (Array.isArray(v) ? [...v].sort() : v)));
      out.push(q.includes('ORDER BY') ? rows : rows.sort());
    }
    const dir = path.join((spark.sparkContext as unknown as { localDir: string }).localDir, 'sql-spill');
    return { rows: out, spilled: fs.existsSync(dir), leftover: fs.existsSync(dir) ? fs.readdirSync(dir) : [] };
  } finally {
    await spark.stop();
    delete process.env.TSSPARK_TEST_SQL_SPILL_BYTES;
  }
}

describe('queries with every SQL operator spilling', () => {
  it('give the answers of the in-memory run', async () => {
    const spilled = await answers('2048');
    const inMemory = await answers(undefined);
    expect([spilled.spilled, spilled.leftover, inMemory.spilled]).toEqual([true, [], false]);
    expect(inMemory.rows.every((rows) => rows.length > 0)).toBe(true);
    for (let q = 0; q < queries.length; q++) expect({ q: queries[q], rows: spilled.rows[q] }).toEqual({ q: queries[q], rows: inMemory.rows[q] });
  }, 120_000);
});
