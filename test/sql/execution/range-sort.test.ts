// Range-partitioned global sort: sampled bounds cut the keys into ordered ranges (ties together, NULLs and
// descending orders placed as the sort places them), the typed fast path agrees with the generic comparison,
// and end to end a large ORDER BY plans an Exchange rangepartitioning and collects in order while LIMIT stays top-k.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as ts from '../../../dist/index.js';
import type { ColumnBatch } from '../../../src/sql/batch/column-batch.js';
import type { Expression, SortOrder } from '../../../src/planner/expr/expression.js';
import { valueAt } from '../../../src/sql/execution/batch-ops.js';
import { compareKeys, determineBounds, partitionIds, partitionOf, rangePartitionBatches, sampleSortKeys } from '../../../src/sql/execution/range-bounds.js';
import { T } from '../../../src/sql/types/data-type.js';

const k0: Expression = { kind: 'bound', ordinal: 0, type: T.double, nullable: true, name: 'k' };
const s1: Expression = { kind: 'bound', ordinal: 1, type: T.string, nullable: true, name: 's' };
const batch = (ks: readonly (number | null)[], ss: readonly (string | null)[]): ColumnBatch => ({
  numRows: ks.length,
  columns: [
    { kind: 'f64', values: Float64Array.from(ks.map((k) => k ?? 0)), valid: Uint8Array.from(ks.map((k) => (k === null ? 0 : 1))) },
    { kind: 'str', values: [...ss], valid: Uint8Array.from(ss.map((s) => (s === null ? 0 : 1))) },
  ],
});

function rng(seed: number): () => number {
  let x = seed;
  return () => { x = (x * 1103515245 + 12345) % 2147483648; return x / 2147483648; };
}

describe('range bounds', () => {
  const orders: SortOrder[][] = [
    [{ expr: k0, direction: 'asc', nulls: 'nulls_first' }],
    [{ expr: k0, direction: 'desc', nulls: 'nulls_last' }],
    [{ expr: k0, direction: 'desc', nulls: 'nulls_first' }, { expr: s1, direction: 'asc', nulls: 'nulls_last' }],
    [{ expr: s1, direction: 'desc', nulls: 'nulls_first' }],
  ];

  it.each(orders.map((o, i) => [i, o] as const))('order %i: partitions are ordered ranges, balanced, and the fast path agrees', (_i, order) => {
    const r = rng(11);
    const parts = Array.from({ length: 3 }, () => {
      const n = 2000;
      return batch(Array.from({ length: n }, () => (r() < 0.05 ? null : r() < 0.05 ? NaN : Math.floor(r() * 500))),
        Array.from({ length: n }, () => (r() < 0.05 ? null : `s${Math.floor(r() * 300)}`)));
    });
    const samples = parts.flatMap((b, i) => [...sampleSortKeys(order, 40, i, [b])]);
    expect(samples.map((s) => s.count)).toEqual([2000, 2000, 2000]);
    expect(samples.every((s) => s.keys.length === 40)).toBe(true);
    const bounds = determineBounds(order, samples, 8);
    expect(bounds.length).toBeGreaterThan(3);
    expect(bounds.length).toBeLessThanOrEqual(7);
    for (let i = 1; i < bounds.length; i++) expect(compareKeys(order, bounds[i - 1]!, bounds[i]!)).toBeLessThan(0);
    const counts = new Array<number>(bounds.length + 1).fill(0);
    const maxKey: (unknown[] | undefined)[] = [];
    const minKey: (unknown[] | undefined)[] = [];
    for (const b of parts) {
      const ids = partitionIds(order, bounds, b);
      for (let i = 0; i < b.numRows; i++) {
        const key = order.map((o) => valueAt(b.columns[(o.expr as { ordinal: number }).ordinal]!, i));
        const q = ids[i]!;
        expect(q).toBe(partitionOf(order, bounds, key));
        counts[q]!++;
        if (!maxKey[q] || compareKeys(order, key, maxKey[q]!) > 0) maxKey[q] = key;
        if (!minKey[q] || compareKeys(order, key, minKey[q]!) < 0) minKey[q] = key;
      }
    }
    // every key of partition q sorts before every key of partition q + 1
    for (let q = 0; q + 1 < counts.length; q++) {
      if (maxKey[q] && minKey[q + 1]) expect(compareKeys(order, maxKey[q]!, minKey[q + 1]!)).toBeLessThan(0);
    }
    expect(Math.max(...counts)).toBeLessThan(6000 / (bounds.length + 1) * 3);
  });

  it('few distinct keys give few bounds; no rows give none', () => {
    const order = orders[0]!;
    const samples = [...sampleSortKeys(order, 100, 0, [batch(Array.from({ length: 500 }, (_, i) => i % 2), new Array<string>(500).fill('x'))])];
    expect(determineBounds(order, samples, 10)).toEqual([[0], [1]]);
    expect(determineBounds(order, [...sampleSortKeys(order, 100, 0, [])], 10)).toEqual([]);
  });

  it('the map side emits each row once, grouped by partition', () => {
    const order = orders[0]!;
    const out = [...rangePartitionBatches(order, [[10], [20]], [batch([5, 25, null, 15, 20, 10], ['a', 'b', 'c', 'd', 'e', 'f'])])];
    expect(out.map(([q, b]) => [q, Array.from({ length: b.numRows }, (_, i) => valueAt(b.columns[1]!, i))])).toEqual([[0, ['a', 'c', 'f']], [1, ['d', 'e']], [2, ['b']]]);
  });
});

describe('global ORDER BY end to end', () => {
  let spark: ts.SparkSession;
  beforeAll(() => {
    spark = ts.SparkSession.builder().master('local[2]').appName('range-sort').config('spark.ui.enabled', 'false').getOrCreate();
    spark.conf.set('spark.sql.shuffle.partitions', 6);
  });
  afterAll(async () => { await spark.stop(); });
  const big = '(SELECT id, CASE WHEN id % 13 = 0 THEN NULL ELSE (id * 7919) % 1009 END AS k, CAST(id % 101 AS STRING) AS s FROM range(200000)) t';
  const planOf = async (q: string): Promise<string> => String((await spark.sql(`EXPLAIN ${q}`).collect())[0]!.plan);

  it('a large input sorts over Exchange rangepartitioning and collects in order (desc, NULLS FIRST, two keys)', async () => {
    const q = `SELECT k, s FROM ${big} ORDER BY k DESC NULLS FIRST, s`;
    expect(await planOf(q)).toContain('Exchange rangepartitioning(k#');
    expect(await planOf(q)).toMatch(/rangepartitioning\(k#\d+L? DESC NULLS FIRST, s#\d+ ASC NULLS FIRST, 6\)/);
    const rows = (await spark.sql(q).collect()) as { k: number | null; s: string }[];
    expect(rows).toHaveLength(200000);
    const cmp = (a: { k: number | null; s: string }, b: { k: number | null; s: string }): number => {
      if (a.k !== b.k) return a.k === null ? -1 : b.k === null ? 1 : b.k - a.k;
      return a.s < b.s ? -1 : a.s > b.s ? 1 : 0;
    };
    let bad = -1;
    for (let i = 1; i < rows.length && bad < 0; i++) if (cmp(rows[i - 1]!, rows[i]!) > 0) bad = i;
    expect(bad).toBe(-1);
  });

  it('small inputs and ORDER BY … LIMIT keep the single-partition path', async () => {
    expect(await planOf('SELECT * FROM range(100) ORDER BY id DESC')).toContain('Exchange SinglePartition');
    const top = `SELECT k FROM ${big} ORDER BY k LIMIT 3`;
    expect(await planOf(top)).not.toContain('rangepartitioning');
    expect((await spark.sql(top).collect()).map((r) => r.k)).toEqual([null, null, null]);
  });
});
