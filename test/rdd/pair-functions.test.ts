// Key-value transformations (by-key aggregation, joins, cogroup) on local[2] against plain-JS group-bys, including
// keys compared by value: arrays, Dates and bigints from different records must meet in one group.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SparkContext } from '../../src/index.js';

let sc: SparkContext;
beforeAll(() => { sc = new SparkContext({ master: 'local[2]', appName: 'rdd-pairs' }); });
afterAll(() => sc.stop());

type KV = [string, number];
const pairs: KV[] = Array.from({ length: 60 }, (_, i) => [`k${(i * 7) % 9}`, i]);
const other: Array<[string, string]> = [['k1', 'a'], ['k2', 'b'], ['k2', 'c'], ['k10', 'z'], ['k11', 'y']];

function groupJs<V>(rows: ReadonlyArray<[string, V]>): Map<string, V[]> {
  const m = new Map<string, V[]>();
  for (const [k, v] of rows) m.set(k, [...(m.get(k) ?? []), v]);
  return m;
}
const byKey = (a: [string, unknown], b: [string, unknown]): number => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
const sorted = <T extends [string, unknown]>(rows: T[]): T[] => [...rows].sort((a, b) => byKey(a, b) || (JSON.stringify(a[1]) < JSON.stringify(b[1]) ? -1 : 1));

describe('by-key aggregation', () => {
  const groups = groupJs(pairs);
  const sums = [...groups].map(([k, vs]) => [k, vs.reduce((a, b) => a + b, 0)] as KV);

  it('reduceByKey', async () => {
    const r = sc.parallelize(pairs, 4).reduceByKey((a, b) => a + b);
    expect(r.getNumPartitions()).toBe(4);
    expect(sorted(await r.collect())).toEqual(sorted(sums));
    const r3 = sc.parallelize(pairs, 4).reduceByKey((a, b) => a + b, 3);
    expect(r3.getNumPartitions()).toBe(3);
    expect(sorted(await r3.collect())).toEqual(sorted(sums));
  });

  it('groupByKey gives arrays of values; groupBy groups whole elements', async () => {
    const g = await sc.parallelize(pairs, 3).groupByKey().collect();
    expect(g.every(([, vs]) => Array.isArray(vs))).toBe(true);
    expect(sorted(g.map(([k, vs]) => [k, [...vs].sort((a, b) => a - b)] as [string, number[]]))).toEqual(sorted([...groups]));
    const gb = await sc.parallelize(pairs.map(([, v]) => v), 3).groupBy((v) => v % 4, 2).collect();
    const js = new Map<number, number[]>();
    for (const [, v] of pairs) js.set(v % 4, [...(js.get(v % 4) ?? []), v]);
    expect(new Map(gb.map(([k, vs]) => [k, [...vs].sort((a, b) => a - b)]))).toEqual(js);
  });

  it('foldByKey and aggregateByKey (zero is not shared between keys)', async () => {
    const folded = await sc.parallelize(pairs, 3).foldByKey(100, (a, b) => a + b).collect();
    // zero is applied once per key per map partition; with a single input partition it is exactly once
    const once = await sc.parallelize(pairs, 1).foldByKey(100, (a, b) => a + b).collect();
    expect(sorted(once)).toEqual(sorted(sums.map(([k, s]) => [k, s + 100] as KV)));
    // with several partitions the zero is applied once per key in every map partition holding the key
    const layout = await sc.parallelize(pairs, 3).glom().collect();
    const expectedFolded = sums.map(([k, sum]) => [k, sum + 100 * layout.filter((p) => p.some(([pk]) => pk === k)).length] as KV);
    expect(sorted(folded)).toEqual(sorted(expectedFolded));
    const agg = await sc.parallelize(pairs, 4).aggregateByKey(
      [] as number[],
      (acc, v) => { acc.push(v); return acc; },
      (a, b) => a.concat(b),
    ).collect();
    expect(sorted(agg.map(([k, vs]) => [k, vs.sort((a, b) => a - b)] as [string, number[]]))).toEqual(sorted([...groups]));
    const minMax = await sc.parallelize(pairs, 4).aggregateByKey([Infinity, -Infinity] as [number, number],
      (acc, v): [number, number] => [Math.min(acc[0], v), Math.max(acc[1], v)], (a, b): [number, number] => [Math.min(a[0], b[0]), Math.max(a[1], b[1])]).collectAsMap();
    for (const [k, vs] of groups) expect(minMax.get(k)).toEqual([Math.min(...vs), Math.max(...vs)]);
  });

  it('combineByKey computes per-key averages', async () => {
    const avg = await sc.parallelize(pairs, 3).combineByKey(
      (v) => [v, 1] as [number, number],
      (c, v) => [c[0] + v, c[1] + 1] as [number, number],
      (a, b) => [a[0] + b[0], a[1] + b[1]] as [number, number],
      2,
    ).mapValues(([s, n]) => s / n).collectAsMap();
    expect(avg.size).toBe(groups.size);
    for (const [k, vs] of groups) expect(avg.get(k)).toBeCloseTo(vs.reduce((a, b) => a + b, 0) / vs.length, 10);
  });

  it('countByKey returns a Map of counts', async () => {
    const c = await sc.parallelize(pairs, 3).countByKey();
    expect(c).toBeInstanceOf(Map);
    expect(c).toEqual(new Map([...groups].map(([k, vs]) => [k, vs.length])));
  });

  it('collectAsMap and lookup', async () => {
    const m = await sc.parallelize(sums, 2).collectAsMap();
    expect(m).toEqual(new Map(sums));
    const rdd = sc.parallelize(pairs, 3);
    expect((await rdd.lookup('k3')).sort((a, b) => a - b)).toEqual(groups.get('k3'));
    expect(await rdd.lookup('nope')).toEqual([]);
  });
});

describe('joins and cogroup', () => {
  const left: Array<[string, number]> = [['k1', 1], ['k2', 2], ['k2', 22], ['k3', 3], ['k4', 4]];

  function joinJs(how: 'inner' | 'left' | 'right' | 'full'): Array<[string, [unknown, unknown]]> {
    const out: Array<[string, [unknown, unknown]]> = [];
    const keys = new Set([...left.map(([k]) => k), ...other.map(([k]) => k)]);
    for (const k of keys) {
      const vs = left.filter(([lk]) => lk === k).map(([, v]) => v);
      const ws = other.filter(([rk]) => rk === k).map(([, w]) => w);
      if (vs.length && ws.length) for (const v of vs) for (const w of ws) out.push([k, [v, w]]);
      else if (vs.length && (how === 'left' || how === 'full')) for (const v of vs) out.push([k, [v, null]]);
      else if (ws.length && (how === 'right' || how === 'full')) for (const w of ws) out.push([k, [null, w]]);
    }
    return out;
  }

  it('join yields [k, [v, w]] for matching keys', async () => {
    const j = await sc.parallelize(left, 2).join(sc.parallelize(other, 3)).collect();
    expect(sorted(j)).toEqual(sorted(joinJs('inner')));
  });

  it('leftOuterJoin, rightOuterJoin, fullOuterJoin put null for missing sides', async () => {
    const l = sc.parallelize(left, 2);
    const r = sc.parallelize(other, 3);
    expect(sorted(await l.leftOuterJoin(r).collect())).toEqual(sorted(joinJs('left')));
    expect(sorted(await l.rightOuterJoin(r).collect())).toEqual(sorted(joinJs('right')));
    expect(sorted(await l.fullOuterJoin(r, 4).collect())).toEqual(sorted(joinJs('full')));
  });

  it('cogroup gives [k, [vs, ws]] for every key of either side', async () => {
    const cg = await sc.parallelize(left, 2).cogroup(sc.parallelize(other, 2)).collect();
    const keys = new Set([...left.map(([k]) => k), ...other.map(([k]) => k)]);
    expect(cg).toHaveLength(keys.size);
    for (const [k, [vs, ws]] of cg) {
      expect([...vs].sort()).toEqual(left.filter(([lk]) => lk === k).map(([, v]) => v).sort());
      expect([...ws].sort()).toEqual(other.filter(([rk]) => rk === k).map(([, w]) => w).sort());
    }
  });

  it('subtractByKey and groupWith', async () => {
    const l = sc.parallelize(left, 2);
    const r = sc.parallelize(other, 2);
    const sub = await l.subtractByKey(r).collect();
    expect(sorted(sub)).toEqual(sorted(left.filter(([k]) => !other.some(([rk]) => rk === k))));
    const third = sc.parallelize([['k4', true], ['k9', false]] as Array<[string, boolean]>, 1);
    const gw = await l.groupWith(r, third).collect();
    const keys = new Set([...left.map(([k]) => k), ...other.map(([k]) => k), 'k4', 'k9']);
    expect(gw.map(([k]) => k).sort()).toEqual([...keys].sort());
    for (const [k, groups] of gw) {
      expect(groups).toHaveLength(3);
      expect(groups[0]!.length).toBe(left.filter(([lk]) => lk === k).length);
      expect(groups[2]!.length).toBe(k === 'k4' || k === 'k9' ? 1 : 0);
    }
  });

  it('join of co-partitioned inputs gives the same answer', async () => {
    const a = sc.parallelize(pairs, 3).reduceByKey((x, y) => x + y, 4);
    const b = sc.parallelize(pairs, 2).mapValues((v) => v * 2).reduceByKey((x, y) => x + y, 4);
    const got = await a.join(b).collect();
    const sums = new Map<string, number>();
    for (const [k, v] of pairs) sums.set(k, (sums.get(k) ?? 0) + v);
    expect(sorted(got)).toEqual(sorted([...sums].map(([k, s]) => [k, [s, 2 * s]] as [string, [number, number]])));
  });
});

describe('keys compare by value', () => {
  it('array keys from different records group together', async () => {
    const rows: Array<[[number, string], number]> = [[[1, 'a'], 1], [[2, 'b'], 2], [[1, 'a'], 3], [[1, 'b'], 4], [[2, 'b'], 5]];
    const r = await sc.parallelize(rows, 3).reduceByKey((a, b) => a + b).collect();
    const js = new Map<string, number>();
    for (const [k, v] of rows) js.set(JSON.stringify(k), (js.get(JSON.stringify(k)) ?? 0) + v);
    expect(r).toHaveLength(js.size);
    for (const [k, v] of r) expect(js.get(JSON.stringify(k))).toBe(v);
    const counts = await sc.parallelize(rows.map(([k]) => k), 2).countByValue();
    expect(counts.size).toBe(3);
    const joined = await sc.parallelize(rows, 2).join(sc.parallelize([[[1, 'a'], 'x']] as Array<[[number, string], string]>, 1)).collect();
    expect(joined.map(([, [v]]) => v).sort()).toEqual([1, 3]);
  });

  it('Date keys group by time value', async () => {
    const t = Date.UTC(2024, 0, 1);
    const rows: Array<[Date, number]> = [[new Date(t), 1], [new Date(t + 1000), 2], [new Date(t), 3], [new Date(t + 1000), 4], [new Date(t), 5]];
    const g = await sc.parallelize(rows, 3).groupByKey().collect();
    expect(g).toHaveLength(2);
    for (const [k, vs] of g) {
      expect(k).toBeInstanceOf(Date);
      expect(vs.sort()).toEqual(rows.filter(([d]) => d.getTime() === k.getTime()).map(([, v]) => v).sort());
    }
  });

  it('object keys group by content (any field order, bigint fields); Map keys by their entries', async () => {
    const rows: Array<[object, number]> = [[{ a: 1, b: 'x' }, 1], [{ b: 'x', a: 1 }, 2], [{ a: 2, b: 'x' }, 4], [{ id: 7n }, 8], [{ id: 7n }, 16]];
    const got = await sc.parallelize(rows, 3).reduceByKey((x, y) => x + y).values().collect();
    expect(got.sort((x, y) => x - y)).toEqual([3, 4, 24]);
    const maps: Array<[Map<number, number>, number]> = [[new Map([[1, 2]]), 1], [new Map([[3, 4]]), 2], [new Map([[1, 2]]), 4]];
    expect((await sc.parallelize(maps, 2).reduceByKey((x, y) => x + y).values().collect()).sort()).toEqual([2, 5]);
    expect(await sc.parallelize(rows, 2).lookup({ id: 7n })).toEqual([8, 16]);
    expect(await sc.parallelize([[[1n, 'a'], 'x'], [[1n, 'b'], 'y']] as Array<[[bigint, string], string]>, 2).lookup([1n, 'a'])).toEqual(['x']);
  });

  it('bigint keys are hash-partitioned as Java longs', async () => {
    const javaLongHash = (v: bigint): number => Number(BigInt.asIntN(32, v ^ (BigInt.asUintN(64, v) >> 32n)));
    const keys = [5n, -1n, 1n << 40n, -(1n << 62n), 123456789012345n];
    const layout = await sc.parallelize(keys.map((k) => [k, 0] as [bigint, number]), 1).partitionBy(3).glom().map((p) => p.map(([k]) => k)).collect();
    const expected: bigint[][] = [[], [], []];
    for (const k of keys) expected[((javaLongHash(k) % 3) + 3) % 3]!.push(k);
    expect(layout).toEqual(expected);
  });

  it('bigint keys group by value and sort numerically', async () => {
    const rows: Array<[bigint, number]> = [[10n ** 20n, 1], [3n, 2], [10n ** 20n, 3], [-5n, 4], [3n, 5]];
    const r = await sc.parallelize(rows, 2).reduceByKey((a, b) => a + b).sortByKey().collect();
    const js = new Map<bigint, number>();
    for (const [k, v] of rows) js.set(k, (js.get(k) ?? 0) + v);
    expect(r).toEqual([...js].sort((a, b) => (a[0] < b[0] ? -1 : 1)));
    expect(r.map(([k]) => k)).toEqual([-5n, 3n, 10n ** 20n]);
  });
});
