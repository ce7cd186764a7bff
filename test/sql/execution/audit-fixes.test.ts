// Regressions from the issue-3 SQL audit, through a real SparkSession on local[2] (the compiled package): window
// outputs of several specs in one select, OFFSET without LIMIT, per-task state of spark_partition_id /
// monotonically_increasing_id / rand, max_by/min_by in hash aggregation, repartition(n, col) partition counts,
// file-scan split sizes from spark.sql.files.*, and `:-` / `+-` child markers in physical explain.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// eslint-disable-next-line import/no-relative-packages
import * as ts from '../../../dist/index.js';

let spark: ts.SparkSession;
let tmp: string;

beforeAll(() => {
  spark = ts.SparkSession.builder().master('local[2]').appName('sql-audit-fixes').config('spark.ui.enabled', 'false').getOrCreate();
  spark.conf.set('spark.sql.shuffle.partitions', 4);
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tsspark-audit-'));
});
afterAll(async () => {
  fs.rmSync(tmp, { recursive: true, force: true });
  await spark.stop();
});

const values = async (df: ts.DataFrame): Promise<unknown[][]> => df.sparkSession.engine.collectValues(df.plan);
const sql = (q: string): Promise<unknown[][]> => values(spark.sql(q));
const explain = (df: ts.DataFrame): string => df.sparkSession.engine.explain(df.plan, 'simple');

describe('windows of different specifications in one select', () => {
  it('keeps each output under its own column', async () => {
    const rows = await sql(`SELECT id, sum(v) OVER (PARTITION BY k ORDER BY id) a, lag(v) OVER (ORDER BY id) b,
      max(v) OVER (PARTITION BY k ORDER BY id) c FROM VALUES (1,'a',10),(2,'a',20),(3,'b',30) t(id,k,v) ORDER BY id`);
    expect(rows).toEqual([[1, 10, null, 10], [2, 30, 10, 20], [3, 30, 20, 30]]);
  });
});

describe('OFFSET without LIMIT', () => {
  it('skips rows in SQL and in df.offset', async () => {
    expect(await sql('SELECT id FROM range(4) ORDER BY id OFFSET 1')).toEqual([[1], [2], [3]]);
    expect((await values(spark.range(10).offset(7))).map((r) => r[0]).sort()).toEqual([7, 8, 9]);
    expect(await sql('SELECT id FROM (SELECT id FROM range(6) UNION ALL SELECT id FROM range(2)) ORDER BY id OFFSET 5')).toEqual([[3], [4], [5]]);
  });
});

describe('per-task state of partition-aware functions', () => {
  it('gives Spark\'s monotonically_increasing_id and spark_partition_id per partition', async () => {
    const rows = await sql('SELECT id, monotonically_increasing_id(), spark_partition_id() FROM range(0, 6, 1, 3)');
    const byId = rows.sort((a, b) => (a[0] as number) - (b[0] as number)).map((r) => [r[1], r[2]]);
    expect(byId).toEqual([[0, 0], [1, 0], [2 ** 33, 1], [2 ** 33 + 1, 1], [2 ** 34, 2], [2 ** 34 + 1, 2]]);
    // a second run starts every task's counter afresh
    expect((await sql('SELECT monotonically_increasing_id() FROM range(0, 6, 1, 3)')).map((r) => r[0]).sort((a, b) => (a as number) - (b as number)))
      .toEqual([0, 1, 2 ** 33, 2 ** 33 + 1, 2 ** 34, 2 ** 34 + 1]);
  });

  it('seeds rand(seed) per partition, the same on every run', async () => {
    const q = 'SELECT id, spark_partition_id(), rand(7) FROM range(0, 8, 1, 2)';
    const a = (await sql(q)).sort((x, y) => (x[0] as number) - (y[0] as number));
    const b = (await sql(q)).sort((x, y) => (x[0] as number) - (y[0] as number));
    expect(a).toEqual(b);
    expect(a.map((r) => r[1])).toEqual([0, 0, 0, 0, 1, 1, 1, 1]);
    // each partition has its own stream (seed + partition index), not one shared stream
    expect(a[0]![2]).not.toBe(a[4]![2]);
  });
});

describe('max_by / min_by', () => {
  it('aggregate globally and per group across partitions', async () => {
    expect(await sql('SELECT max_by(id, v), min_by(id, v) FROM VALUES (1, 10), (2, 30), (3, 5), (4, NULL) t(id, v)')).toEqual([[2, 3]]);
    const rows = await sql('SELECT id % 3 AS k, max_by(id, id * 7 % 101), min_by(id, id * 7 % 101) FROM range(0, 30, 1, 3) GROUP BY 1 ORDER BY k');
    const expected = [0, 1, 2].map((k) => {
      const ids = Array.from({ length: 30 }, (_, i) => i).filter((i) => i % 3 === k);
      const score = (i: number): number => (i * 7) % 101;
      return [k, ids.reduce((m, i) => (score(i) > score(m) ? i : m)), ids.reduce((m, i) => (score(i) < score(m) ? i : m))];
    });
    expect(rows).toEqual(expected);
  });
});

describe('partition counts', () => {
  const partitions = async (df: ts.DataFrame): Promise<number> => {
    df.createOrReplaceTempView('audit_parts');
    return (await sql('SELECT count(DISTINCT spark_partition_id()) FROM audit_parts'))[0]![0] as number;
  };

  it('repartition(n, col) keeps n partitions (REPARTITION_BY_NUM is not coalesced)', async () => {
    const df = spark.range(100).repartition(3, 'id');
    expect(await partitions(df)).toBe(3);
    expect(explain(df)).toContain('Exchange hashpartitioning(id#');
    expect(explain(df)).toContain(', 3), REPARTITION_BY_NUM');
    // without n: spark.sql.shuffle.partitions, coalesced adaptively (tiny input: one partition)
    const byCol = spark.range(100).repartition(ts.col('id'));
    expect(explain(byCol)).toContain(', 4), REPARTITION_BY_COL');
    expect(await partitions(byCol)).toBe(1);
  });

  it('file scans split by spark.sql.files.maxPartitionBytes / openCostInBytes', async () => {
    const file = path.join(tmp, 'data.csv');
    fs.writeFileSync(file, Array.from({ length: 200 }, (_, i) => `${i},row-${i}`).join('\n') + '\n');
    const size = fs.statSync(file).size;
    try {
      spark.conf.set('spark.sql.files.maxPartitionBytes', String(Math.ceil(size / 4)));
      spark.conf.set('spark.sql.files.openCostInBytes', '0');
      const df = spark.read.csv(file);
      expect(await partitions(df)).toBe(4);
      expect((await values(df)).length).toBe(200);
    } finally {
      spark.conf.unset('spark.sql.files.maxPartitionBytes');
      spark.conf.unset('spark.sql.files.openCostInBytes');
    }
    // defaults (128 MiB): one small file is one split per core at most
    expect(await partitions(spark.read.csv(file))).toBeLessThanOrEqual(2);
  });
});

describe('physical explain tree markers', () => {
  it('prints :- for the first child of a binary operator and +- for the last', () => {
    spark.conf.set('spark.sql.autoBroadcastJoinThreshold', '-1');
    try {
      const text = explain(spark.sql('SELECT * FROM range(10) a JOIN range(5) b ON a.id = b.id'));
      const lines = text.split('\n');
      const join = lines.findIndex((l) => l.includes('ShuffledHashJoin'));
      expect(lines.slice(join, join + 5).map((l) => l.replace(/#\d+/g, '#N'))).toEqual([
        '   +- ShuffledHashJoin [id#N], [id#N], Inner, BuildRight',
        '      :- Exchange hashpartitioning(id#N, 4), ENSURE_REQUIREMENTS',
        '      :  +- Range (0, 10, step=1, splits=2)',
        '      +- Exchange hashpartitioning(id#N, 4), ENSURE_REQUIREMENTS',
        '         +- Range (0, 5, step=1, splits=2)',
      ]);
    } finally {
      spark.conf.unset('spark.sql.autoBroadcastJoinThreshold');
    }
  });
});
