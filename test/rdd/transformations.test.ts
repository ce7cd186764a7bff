// Narrow and shuffle transformations of the RDD API on local[2], each checked against the same computation in
// plain JS over the same data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SparkContext } from '../../src/index.js';

let sc: SparkContext;
beforeAll(() => { sc = new SparkContext({ master: 'local[2]', appName: 'rdd-transformations' }); });
afterAll(() => sc.stop());

const nums = Array.from({ length: 100 }, (_, i) => (i * 37) % 101);
const words = ['spark', 'node', 'rdd', 'spark', 'shuffle', 'node', 'spark', 'stage'];
const byNum = (a: number, b: number): number => a - b;

describe('creating RDDs', () => {
  it('parallelize splits into numSlices contiguous slices', async () => {
    const rdd = sc.parallelize(nums, 7);
    expect(rdd.getNumPartitions()).toBe(7);
    const parts = await rdd.glom().collect();
    expect(parts).toHaveLength(7);
    expect(parts.flat()).toEqual(nums);
    for (const p of parts) expect(Math.abs(p.length - nums.length / 7)).toBeLessThanOrEqual(1);
    expect(sc.parallelize(nums).getNumPartitions()).toBe(sc.defaultParallelism);
  });

  it('range(start, end, step, numSlices) matches a JS loop, also with negative steps', async () => {
    const expected: number[] = [];
    for (let i = 3; i < 250; i += 7) expected.push(i);
    const rdd = sc.range(3, 250, 7, 5);
    expect(rdd.getNumPartitions()).toBe(5);
    expect(await rdd.collect()).toEqual(expected);
    const down: number[] = [];
    for (let i = 20; i > -5; i -= 3) down.push(i);
    expect(await sc.range(20, -5, -3, 3).collect()).toEqual(down);
    expect(await sc.range(10).collect()).toEqual([...Array(10).keys()]);
    expect(await sc.range(5, 5).count()).toBe(0);
  });

  it('emptyRDD has no elements', async () => {
    const e = sc.emptyRDD<number>();
    expect(await e.collect()).toEqual([]);
    expect(await e.count()).toBe(0);
    expect(await e.isEmpty()).toBe(true);
    // every transformation over no partitions / no elements yields nothing, without failing
    const pairs = sc.emptyRDD<[number, number]>();
    const results = await Promise.all([
      pairs.reduceByKey((a, b) => a + b).collect(), pairs.sortByKey().collect(), pairs.join(sc.parallelize([[1, 2]] as Array<[number, number]>, 1)).collect(),
      e.distinct().collect(), e.zipWithIndex().collect(), e.repartition(3).collect(), e.cartesian(sc.parallelize([1], 1)).collect(),
      e.glom().collect(), sc.parallelize([] as number[], 3).sortBy((x) => x).collect(), e.top(2), e.takeOrdered(2),
    ]);
    for (const r of results) expect(r).toEqual([]);
    expect(await sc.union([e, sc.parallelize([1, 2], 1)]).collect()).toEqual([1, 2]);
  });

  it('sc.union and rdd.union concatenate in order', async () => {
    const a = sc.parallelize([1, 2, 3], 2);
    const b = sc.parallelize([4, 5], 1);
    const c = sc.range(6, 9, 1, 2);
    const u = sc.union([a, b, c]);
    expect(u.getNumPartitions()).toBe(5);
    expect(await u.collect()).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(await a.union(b).collect()).toEqual([1, 2, 3, 4, 5]);
    expect(await a.union(a).count()).toBe(6);
  });
});

describe('element-wise transformations', () => {
  it('map, flatMap, filter', async () => {
    const rdd = sc.parallelize(nums, 3);
    expect(await rdd.map((x) => x * 3 + 1).collect()).toEqual(nums.map((x) => x * 3 + 1));
    expect(await rdd.filter((x) => x % 3 === 0).collect()).toEqual(nums.filter((x) => x % 3 === 0));
    expect(await rdd.flatMap((x) => Array(x % 4).fill(x)).collect()).toEqual(nums.flatMap((x) => Array(x % 4).fill(x)));
    // chained narrow ops fuse but keep per-element order semantics
    const chained = await rdd.map((x) => x + 1).filter((x) => x % 2 === 0).flatMap((x) => [x, -x]).collect();
    expect(chained).toEqual(nums.map((x) => x + 1).filter((x) => x % 2 === 0).flatMap((x) => [x, -x]));
  });

  it('flatMap accepts any iterable (generators, Sets, strings)', async () => {
    const rdd = sc.parallelize(words, 2);
    expect(await rdd.flatMap((w) => w).collect()).toEqual(words.flatMap((w) => [...w]));
    expect(await rdd.flatMap((w) => new Set(w)).count()).toBe(words.reduce((n, w) => n + new Set(w).size, 0));
  });

  it('closures ship captured local functions, classes, Maps and Sets by value', async () => {
    class Vec {
      constructor(readonly x: number, readonly y: number) {}
      len(): number { return Math.hypot(this.x, this.y); }
    }
    const names = new Map<number, string>([[1, 'one'], [2, 'two']]);
    const odd = new Set([1, 3, 5]);
    function scale(x: number): number { return x * 10; }
    const describeIt = (x: number): string => `${names.get(x) ?? '?'}/${odd.has(x)}/${scale(x)}/${new Vec(3 * x, 4 * x).len()}`;
    const data = [1, 2, 3];
    expect(await sc.parallelize(data, 2).map(describeIt).collect()).toEqual(data.map(describeIt));
    // captured variables are copies: mutating them in a task does not change the driver's value
    let counter = 0;
    expect(await sc.parallelize(data, 1).map((x) => (counter += x)).collect()).toEqual([1, 3, 6]);
    expect(counter).toBe(0);
  });

  it('mapPartitions with a generator function and with an array result', async () => {
    const rdd = sc.parallelize(nums, 4);
    const sums = await rdd.mapPartitions(function* (it) {
      let s = 0;
      for (const x of it) s += x;
      yield s;
    }).collect();
    const layout = await rdd.glom().collect();
    expect(sums).toEqual(layout.map((p) => p.reduce((a, b) => a + b, 0)));
    const doubled = await rdd.mapPartitions((it) => [...it].map((x) => x * 2)).collect();
    expect(doubled).toEqual(nums.map((x) => x * 2));
  });

  it('mapPartitionsWithIndex sees each partition index once', async () => {
    const rdd = sc.parallelize(nums, 5);
    const tagged = await rdd.mapPartitionsWithIndex((i, it) => [...it].map((x) => [i, x] as [number, number])).collect();
    const layout = await rdd.glom().collect();
    expect(tagged).toEqual(layout.flatMap((p, i) => p.map((x) => [i, x])));
  });

  it('keyBy, keys, values, mapValues, flatMapValues', async () => {
    const rdd = sc.parallelize(words, 3);
    const keyed = rdd.keyBy((w) => w.length);
    expect(await keyed.collect()).toEqual(words.map((w) => [w.length, w]));
    expect(await keyed.keys().collect()).toEqual(words.map((w) => w.length));
    expect(await keyed.values().collect()).toEqual(words);
    expect(await keyed.mapValues((w) => w.toUpperCase()).collect()).toEqual(words.map((w) => [w.length, w.toUpperCase()]));
    expect(await keyed.flatMapValues((w) => w.slice(0, 2)).collect()).toEqual(words.flatMap((w) => [...w.slice(0, 2)].map((c) => [w.length, c])));
  });

  it('zipWithIndex gives contiguous indices across partitions in order', async () => {
    const rdd = sc.parallelize(nums, 6).filter((x) => x % 2 === 1);
    const expected = nums.filter((x) => x % 2 === 1).map((x, i) => [x, i]);
    expect(await rdd.zipWithIndex().collect()).toEqual(expected);
  });

  it('glom exposes the partition layout', async () => {
    const data = [...Array(10).keys()];
    expect(await sc.parallelize(data, 3).glom().collect()).toEqual([[0, 1, 2], [3, 4, 5], [6, 7, 8, 9]]);
    expect(await sc.parallelize(data, 2).glom().map((p) => p.length).collect()).toEqual([5, 5]);
  });

  it('sample: fraction approximately honoured and deterministic for a seed', async () => {
    const data = [...Array(4000).keys()];
    const rdd = sc.parallelize(data, 4);
    const s1 = await rdd.sample(false, 0.25, 42).collect();
    const s2 = await rdd.sample(false, 0.25, 42).collect();
    expect(s1).toEqual(s2);
    expect(s1.length).toBeGreaterThan(800);
    expect(s1.length).toBeLessThan(1200);
    expect(new Set(s1).size).toBe(s1.length); // without replacement: no duplicates
    expect(s1.every((x) => x >= 0 && x < 4000)).toBe(true);
    const s3 = await rdd.sample(false, 0.25, 43).collect();
    expect(s3).not.toEqual(s1);
    const withRep = await rdd.sample(true, 1.5, 7).count();
    expect(withRep).toBeGreaterThan(5400);
    expect(withRep).toBeLessThan(6600);
    expect(await rdd.sample(false, 0, 1).count()).toBe(0);
    expect(() => rdd.sample(false, 1.5)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });
});

describe('partitioning transformations', () => {
  it('coalesce reduces partitions without a shuffle and keeps order', async () => {
    const rdd = sc.parallelize(nums, 8);
    const c = rdd.coalesce(3);
    expect(c.getNumPartitions()).toBe(3);
    expect(await c.collect()).toEqual(nums);
    expect(c.toDebugString()).not.toContain('ShuffledRDD');
    expect(rdd.coalesce(20).getNumPartitions()).toBe(8);
    const grown = rdd.coalesce(12, true);
    expect(grown.getNumPartitions()).toBe(12);
    expect((await grown.collect()).sort(byNum)).toEqual([...nums].sort(byNum));
  });

  it('repartition preserves the multiset and spreads elements', async () => {
    const rdd = sc.parallelize(nums, 2).repartition(5);
    expect(rdd.getNumPartitions()).toBe(5);
    expect(await rdd.count()).toBe(nums.length);
    expect((await rdd.collect()).sort(byNum)).toEqual([...nums].sort(byNum));
    const sizes = await rdd.glom().map((p) => p.length).collect();
    expect(Math.min(...sizes)).toBeGreaterThan(0);
  });

  it('partitionBy places each key in its hash partition and keeps the partitioner', async () => {
    const pairs = nums.map((x) => [x % 10, x] as [number, number]);
    const rdd = sc.parallelize(pairs, 3).partitionBy(4);
    expect(rdd.getNumPartitions()).toBe(4);
    expect(rdd.partitioner?.numPartitions).toBe(4);
    const layout = await rdd.glom().collect();
    for (const k of new Set(pairs.map(([k]) => k))) {
      const holders = layout.map((p, i) => (p.some(([pk]) => pk === k) ? i : -1)).filter((i) => i >= 0);
      expect(holders).toHaveLength(1);
    }
    expect(layout.flat().sort((a, b) => a[1] - b[1])).toEqual([...pairs].sort((a, b) => a[1] - b[1]));
  });

  it('hash partitioning places int and string keys where Spark does (Java hashCode, non-negative mod)', async () => {
    const javaHash = (k: number | string): number => {
      if (typeof k === 'number') return k | 0;
      let h = 0;
      for (let i = 0; i < k.length; i++) h = (Math.imul(31, h) + k.charCodeAt(i)) | 0;
      return h;
    };
    const keys: Array<number | string> = [0, 1, 5, -3, -2147483648, 2147483647, 'a', 'hello', '', 'spark', 'é€', 'Aa', 'BB'];
    const layout = await sc.parallelize(keys.map((k) => [k, 0] as [number | string, number]), 2).partitionBy(7).glom().collect();
    const expected: Array<Array<number | string>> = Array.from({ length: 7 }, () => []);
    for (const k of keys) expected[((javaHash(k) % 7) + 7) % 7]!.push(k);
    expect(layout.map((p) => p.map(([k]) => k))).toEqual(expected);
  });

  it('sortBy / sortByKey ascending, descending, with numPartitions', async () => {
    const rdd = sc.parallelize(nums, 4);
    expect(await rdd.sortBy((x) => x).collect()).toEqual([...nums].sort(byNum));
    expect(await rdd.sortBy((x) => x, false, 3).collect()).toEqual([...nums].sort(byNum).reverse());
    const sw = await sc.parallelize(words, 3).sortBy((w) => w.length * 100 + w.charCodeAt(0)).collect();
    expect(sw).toEqual([...words].sort((a, b) => a.length * 100 + a.charCodeAt(0) - (b.length * 100 + b.charCodeAt(0))));
    const pairs = nums.map((x) => [x, `v${x}`] as [number, string]);
    const asc = sc.parallelize(pairs, 3).sortByKey(true, 5);
    expect(asc.getNumPartitions()).toBe(5);
    expect(await asc.collect()).toEqual([...pairs].sort((a, b) => a[0] - b[0]));
    const parts = await asc.glom().collect();
    expect(parts.filter((p) => p.length > 0).length).toBeGreaterThan(1); // range partitioned, not all in one
    expect(await sc.parallelize(pairs, 3).sortByKey(false, 2).keys().collect()).toEqual(pairs.map(([k]) => k).sort(byNum).reverse());
    const strs = await sc.parallelize(words.map((w) => [w, 1] as [string, number]), 2).sortByKey().keys().collect();
    expect(strs).toEqual([...words].sort());
  });

  it('sortByKey on skewed keys keeps the partition count it reported and stays sorted', async () => {
    const skewed = Array.from({ length: 100 }, (_, i) => [i < 90 ? 1 : i, i] as [number, number]);
    for (const ascending of [true, false]) {
      const r = sc.parallelize(skewed, 3).sortByKey(ascending, 4);
      expect(r.getNumPartitions()).toBe(4);
      const parts = await r.glom().collect();
      expect(parts).toHaveLength(4);
      const keys = parts.flat().map(([k]) => k);
      expect(keys).toEqual(skewed.map(([k]) => k).sort((a, b) => (ascending ? a - b : b - a)));
      expect(await r.count()).toBe(100);
    }
  });

  it('distinct, intersection, subtract', async () => {
    const a = [1, 2, 2, 3, 4, 4, 5, 5, 5, 9];
    const b = [2, 5, 6, 7, 9, 9];
    const ra = sc.parallelize(a, 3);
    const rb = sc.parallelize(b, 2);
    expect((await ra.distinct().collect()).sort(byNum)).toEqual([...new Set(a)].sort(byNum));
    expect(ra.distinct(5).getNumPartitions()).toBe(5);
    expect((await ra.intersection(rb).collect()).sort(byNum)).toEqual([...new Set(a.filter((x) => b.includes(x)))].sort(byNum));
    expect((await ra.subtract(rb).collect()).sort(byNum)).toEqual(a.filter((x) => !b.includes(x)).sort(byNum));
    const sw = await sc.parallelize(words, 2).distinct().collect();
    expect(sw.sort()).toEqual([...new Set(words)].sort());
  });

  it('cartesian pairs every element with every element', async () => {
    const a = [1, 2, 3];
    const b = ['x', 'y'];
    const c = sc.parallelize(a, 2).cartesian(sc.parallelize(b, 2));
    expect(c.getNumPartitions()).toBe(4);
    const expected = a.flatMap((x) => b.map((y) => [x, y]));
    const got = await c.collect();
    expect(got).toHaveLength(expected.length);
    expect([...got].sort()).toEqual([...expected].sort());
    // Spark's order: partition (i, j) = left partition i × right partition j, left elements outermost
    const [lp, rp] = [await sc.parallelize(a, 2).glom().collect(), await sc.parallelize(b, 2).glom().collect()];
    expect(got).toEqual(lp.flatMap((l) => rp.flatMap((r) => l.flatMap((x) => r.map((y) => [x, y])))));
  });
});
