// Spilling SQL operators through a real SparkSession on local[2] (the compiled package) with a 1 MiB task budget
// (spark.driver.memory=2m, 2 shuffle partitions): a 100k-group aggregation, a 200k-row sort and a shuffled join whose build side is past
// the budget give the exact answers, spill under <localDir>/sql-spill and leave no spill file behind.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
// eslint-disable-next-line import/no-relative-packages
import * as ts from '../../../dist/index.js';
// eslint-disable-next-line import/no-relative-packages
import * as taskEnvModule from '../../../dist/rdd/compute/task-env.js';

let spark: ts.SparkSession;
let spillDir: string;
const spilled: number[] = [];
/** Whether the RDD layer exposes the running task's env, so SQL spills reach the task metrics. */
const metricsWired = typeof (taskEnvModule as Record<string, unknown>).currentTaskEnv === 'function';

beforeAll(() => {
  spark = ts.SparkSession.builder().master('local[2]').appName('sql-spill-test')
    .config('spark.ui.enabled', 'false').config('spark.driver.memory', '2m').config('spark.sql.autoBroadcastJoinThreshold', '-1').config('spark.sql.shuffle.partitions', '2')
    .getOrCreate();
  spillDir = path.join((spark.sparkContext as unknown as { localDir: string }).localDir, 'sql-spill');
  spark.sparkContext.statusBus.subscribe((e) => { if (e.kind === 'task-end' && e.metrics) spilled.push((e.metrics as { diskBytesSpilled: number }).diskBytesSpilled); });
});
afterAll(async () => {
  if (process.env.SPILL_TEST_VERBOSE) process.stderr.write(`metrics wired: ${metricsWired}, disk bytes spilled: ${spilled.reduce((a, b) => a + b, 0)}\n`);
  await spark.stop();
});

const leftover = (): string[] => (fs.existsSync(spillDir) ? fs.readdirSync(spillDir) : []);
// the first spill of a query creates the (empty) spill folder again: evidence that this query spilled
beforeEach(() => fs.rmSync(spillDir, { recursive: true, force: true }));
const spilledHere = (): boolean => fs.existsSync(spillDir);
const spilledSince = (from: number): number => spilled.slice(from).reduce((s, x) => s + x, 0);

describe('SQL operators past the memory budget', () => {
  it('group by with 100k keys spills and sums exactly', async () => {
    const mark = spilled.length;
    const rows = await spark.sql('SELECT id % 100000 AS k, sum(id) AS s, count(id) AS c FROM range(300000) GROUP BY id % 100000').collect();
    expect(rows.length).toBe(100_000);
    for (const r of rows) {
      const k = Number(r.k);
      expect([Number(r.s), Number(r.c)]).toEqual([3 * k + 300_000, 3]);
    }
    expect(spilledHere()).toBe(true);
    expect(leftover()).toEqual([]);
    if (metricsWired) expect(spilledSince(mark)).toBeGreaterThan(0);
  });

  it('order by over 200k rows spills sorted runs and merges them', async () => {
    const mark = spilled.length;
    const rows = await spark.sql('SELECT (id * 7919) % 200003 AS x, id FROM range(200000) ORDER BY x DESC').collect();
    const expected = Array.from({ length: 200_000 }, (_, i) => (i * 7919) % 200003).sort((a, b) => b - a);
    expect(rows.map((r) => Number(r.x))).toEqual(expected);
    expect(spilledHere()).toBe(true);
    expect(leftover()).toEqual([]);
    if (metricsWired) expect(spilledSince(mark)).toBeGreaterThan(0);
  });

  it('shuffled joins (inner, left outer, anti) with a build side past the budget', async () => {
    const mark = spilled.length;
    const a = '(SELECT id AS k, id * 2 AS a FROM range(200000)) l';
    const b = '(SELECT id % 150000 AS k, id AS b FROM range(250000)) r';
    const inner = await spark.sql(`SELECT count(*) AS n, sum(a) AS sa, sum(b) AS sb FROM ${a} JOIN ${b} ON l.k = r.k`).collect();
    // keys 0..99999 match twice (b = k, k + 150000), keys 100000..149999 once
    expect(Number(inner[0]!.n)).toBe(250_000);
    let sa = 0, sb = 0;
    for (let k = 0; k < 150_000; k++) { sa += (k < 100_000 ? 2 : 1) * 2 * k; sb += k + (k < 100_000 ? k + 150_000 : 0); }
    expect([Number(inner[0]!.sa), Number(inner[0]!.sb)]).toEqual([sa, sb]);
    const outer = await spark.sql(`SELECT count(*) AS n, count(b) AS nb FROM ${a} LEFT JOIN ${b} ON l.k = r.k`).collect();
    expect([Number(outer[0]!.n), Number(outer[0]!.nb)]).toEqual([250_000 + 50_000, 250_000]);
    const anti = await spark.sql(`SELECT * FROM ${a} LEFT ANTI JOIN ${b} ON l.k = r.k`).count();
    expect(anti).toBe(50_000);
    expect(spilledHere()).toBe(true);
    expect(leftover()).toEqual([]);
    if (metricsWired) expect(spilledSince(mark)).toBeGreaterThan(0);
  });
});
