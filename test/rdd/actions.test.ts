// RDD actions on local[2]: results merged on the driver compared with plain JS over the same data, Spark's
// errors for empty inputs, incremental take, foreach side effects and saveAsTextFile's output layout.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SparkContext } from '../../src/index.js';

let sc: SparkContext;
let tmp: string;
beforeAll(() => {
  sc = new SparkContext({ master: 'local[2]', appName: 'rdd-actions' });
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tsspark-actions-'));
});
afterAll(async () => {
  await sc.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const nums = Array.from({ length: 200 }, (_, i) => ((i * 7919) % 263) - 100);
const byNum = (a: number, b: number): number => a - b;
const jsSum = nums.reduce((a, b) => a + b, 0);

describe('collecting and counting', () => {
  it('collect, count, first, isEmpty', async () => {
    const rdd = sc.parallelize(nums, 5);
    expect(await rdd.collect()).toEqual(nums);
    expect(await rdd.count()).toBe(nums.length);
    expect(await rdd.filter((x) => x > 0).count()).toBe(nums.filter((x) => x > 0).length);
    expect(await rdd.first()).toBe(nums[0]);
    expect(await rdd.isEmpty()).toBe(false);
    expect(await rdd.filter(() => false).isEmpty()).toBe(true);
    await expect(sc.emptyRDD<number>().first()).rejects.toThrow(/empty/i);
  });

  it('take returns the first n elements in partition order', async () => {
    const rdd = sc.parallelize(nums, 8);
    expect(await rdd.take(0)).toEqual([]);
    expect(await rdd.take(3)).toEqual(nums.slice(0, 3));
    expect(await rdd.take(60)).toEqual(nums.slice(0, 60));
    expect(await rdd.take(10_000)).toEqual(nums);
    expect(await rdd.filter((x) => x > 90).take(4)).toEqual(nums.filter((x) => x > 90).slice(0, 4));
  });

  it('take scans partitions incrementally: one task when the first partition suffices', async () => {
    const starts: number[] = [];
    const unsubscribe = sc.statusBus.subscribe((e) => { if (e.kind === 'task-start') starts.push(e.index); });
    try {
      await sc.parallelize(nums, 10).take(5);
      expect(starts).toEqual([0]);
      starts.length = 0;
      // only the last partition has data: 1, then 4, then the remaining 5 partitions
      const sparse = sc.parallelize(nums, 10).mapPartitionsWithIndex((i, it) => (i === 9 ? it : []));
      expect(await sparse.take(2)).toEqual(nums.slice(180, 182));
      expect(starts.length).toBe(10);
    } finally {
      unsubscribe();
    }
  });

  it('countByValue returns a Map', async () => {
    const data = nums.map((x) => Math.abs(x) % 7);
    const m = await sc.parallelize(data, 4).countByValue();
    expect(m).toBeInstanceOf(Map);
    const js = new Map<number, number>();
    for (const x of data) js.set(x, (js.get(x) ?? 0) + 1);
    expect(m).toEqual(js);
  });
});

describe('ordering', () => {
  it('takeOrdered, top (with and without key), max, min', async () => {
    const rdd = sc.parallelize(nums, 4);
    const asc = [...nums].sort(byNum);
    expect(await rdd.takeOrdered(7)).toEqual(asc.slice(0, 7));
    expect(await rdd.top(7)).toEqual([...asc].reverse().slice(0, 7));
    expect(await rdd.takeOrdered(5, (x) => Math.abs(x))).toEqual([...nums].sort((a, b) => Math.abs(a) - Math.abs(b)).slice(0, 5).map((x) => x));
    expect((await rdd.top(3, (x) => -x))).toEqual(asc.slice(0, 3));
    expect(await rdd.max()).toBe(Math.max(...nums));
    expect(await rdd.min()).toBe(Math.min(...nums));
    const ws = ['pear', 'fig', 'banana', 'kiwi', 'apple'];
    expect(await sc.parallelize(ws, 2).top(2)).toEqual([...ws].sort().reverse().slice(0, 2));
    expect(await sc.parallelize(ws, 2).takeOrdered(2, (w) => w.length)).toEqual([...ws].sort((a, b) => a.length - b.length).slice(0, 2));
  });
});

describe('folds and statistics', () => {
  it('reduce, fold, aggregate, sum', async () => {
    const rdd = sc.parallelize(nums, 6);
    expect(await rdd.reduce((a, b) => a + b)).toBe(jsSum);
    expect(await rdd.reduce((a, b) => Math.max(a, b))).toBe(Math.max(...nums));
    expect(await rdd.fold(0, (a, b) => a + b)).toBe(jsSum);
    expect(await rdd.sum()).toBe(jsSum);
    const [s, n] = await rdd.aggregate([0, 0] as [number, number], (acc, x) => [acc[0] + x, acc[1] + 1], (a, b) => [a[0] + b[0], a[1] + b[1]]);
    expect([s, n]).toEqual([jsSum, nums.length]);
    // a mutable zero must not leak between partitions
    const all = await rdd.aggregate([] as number[], (acc, x) => { acc.push(x); return acc; }, (a, b) => a.concat(b));
    expect(all.sort(byNum)).toEqual([...nums].sort(byNum));
    // Spark applies fold's zero once per partition and once on the driver
    expect(await sc.parallelize([1, 2, 3, 4], 3).fold(10, (a, b) => a + b)).toBe(10 + 10 * 3 + 10);
  });

  it('reduce on an empty RDD throws Spark\'s message; fold/sum give the zero', async () => {
    await expect(sc.emptyRDD<number>().reduce((a, b) => a + b)).rejects.toThrow('Can not reduce() empty RDD');
    await expect(sc.parallelize([1, 2], 2).filter(() => false).reduce((a, b) => a + b)).rejects.toThrow('Can not reduce() empty RDD');
    expect(await sc.emptyRDD<number>().sum()).toBe(0);
    await expect(sc.emptyRDD<number>().max()).rejects.toThrow(/empty/i);
  });

  it('stats, mean and friends match a direct computation', async () => {
    const data = nums.map((x) => x / 3);
    const st = await sc.parallelize(data, 7).stats();
    const n = data.length;
    const mean = data.reduce((a, b) => a + b, 0) / n;
    const variance = data.reduce((a, x) => a + (x - mean) ** 2, 0) / n;
    expect(st.count).toBe(n);
    expect(st.mean).toBeCloseTo(mean, 10);
    expect(st.sum).toBeCloseTo(mean * n, 8);
    expect(st.max).toBe(Math.max(...data));
    expect(st.min).toBe(Math.min(...data));
    expect(st.variance).toBeCloseTo(variance, 8);
    expect(st.stdev).toBeCloseTo(Math.sqrt(variance), 8);
    expect(st.sampleStdev).toBeCloseTo(Math.sqrt((variance * n) / (n - 1)), 8);
    expect(await sc.parallelize(data, 3).mean()).toBeCloseTo(mean, 10);
  });
});

describe('side effects', () => {
  it('foreach and foreachPartition run on every element / partition (seen through an accumulator)', async () => {
    const acc = sc.longAccumulator('foreach');
    await sc.parallelize(nums, 5).foreach((x) => acc.add(x));
    expect(acc.value).toBe(jsSum);
    const parts = sc.longAccumulator('parts');
    const elems = sc.longAccumulator('elems');
    await sc.parallelize(nums, 5).foreachPartition((it) => {
      parts.add(1);
      for (const _ of it) elems.add(1);
    });
    expect(parts.value).toBe(5);
    expect(elems.value).toBe(nums.length);
  });

  it('foreachPartition may be async', async () => {
    const acc = sc.longAccumulator();
    await sc.parallelize(nums, 3).foreachPartition(async (it) => {
      await new Promise((r) => setTimeout(r, 5));
      for (const x of it) acc.add(x);
    });
    expect(acc.value).toBe(jsSum);
  });

  it('saveAsTextFile writes part-NNNNN files and _SUCCESS, and refuses an existing directory', async () => {
    const out = path.join(tmp, 'saved');
    const rows = nums.map((x) => (x % 2 === 0 ? x : `s${x}`));
    await sc.parallelize(rows, 3).saveAsTextFile(out);
    const files = fs.readdirSync(out).sort();
    expect(files).toEqual(['_SUCCESS', 'part-00000', 'part-00001', 'part-00002']);
    const text = files.filter((f) => f.startsWith('part-')).map((f) => fs.readFileSync(path.join(out, f), 'utf8')).join('');
    expect(text).toBe(rows.map(String).join('\n') + '\n');
    // reading it back gives the same lines
    expect(await sc.textFile(out).collect()).toEqual(rows.map(String));
    await expect(sc.parallelize([1], 1).saveAsTextFile(out)).rejects.toThrow(/already exists/);
    expect(fs.readdirSync(out).sort()).toEqual(files);
  });

  it('saveAsTextFile of empty RDDs: empty part files per partition, only _SUCCESS without partitions', async () => {
    const empties = path.join(tmp, 'empty-parts');
    await sc.parallelize([], 2).saveAsTextFile(empties);
    expect(fs.readdirSync(empties).sort()).toEqual(['_SUCCESS', 'part-00000', 'part-00001']);
    expect(fs.readFileSync(path.join(empties, 'part-00001'), 'utf8')).toBe('');
    const none = path.join(tmp, 'no-partitions');
    await sc.emptyRDD<string>().saveAsTextFile(none);
    expect(fs.readdirSync(none)).toEqual(['_SUCCESS']);
    expect(await sc.textFile(none).count()).toBe(0);
  });
});
