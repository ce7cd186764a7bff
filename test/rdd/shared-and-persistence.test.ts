// Broadcast variables, accumulators, cache/persist/unpersist and reliable checkpoints on local[2].
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SparkContext, StorageLevel } from '../../src/index.js';

let sc: SparkContext;
let tmp: string;
beforeAll(() => {
  sc = new SparkContext({ master: 'local[2]', appName: 'rdd-shared-persist' });
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tsspark-persist-'));
});
afterAll(async () => {
  await sc.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const nums = Array.from({ length: 120 }, (_, i) => (i * 13) % 50);

describe('shared variables', () => {
  it('a broadcast value is visible in tasks', async () => {
    const table = new Map<number, string>(nums.map((x) => [x, `name-${x * 2}`]));
    const b = sc.broadcast({ table, factor: 3 });
    expect(b.value.factor).toBe(3);
    const got = await sc.parallelize(nums, 4).map((x) => `${b.value.table.get(x)}/${x * b.value.factor}`).collect();
    expect(got).toEqual(nums.map((x) => `${table.get(x)}/${x * 3}`));
    // used in two stages of the same job
    const joined = await sc.parallelize(nums, 3).map((x) => [x % 5, b.value.factor] as [number, number]).reduceByKey((a, c) => a + c)
      .mapValues((v) => v * b.value.factor).collectAsMap();
    const js = new Map<number, number>();
    for (const x of nums) js.set(x % 5, (js.get(x % 5) ?? 0) + 3);
    expect(joined).toEqual(new Map([...js].map(([k, v]) => [k, v * 3])));
  });

  it('unpersist keeps a broadcast usable; destroy makes it unusable on the driver and in tasks', async () => {
    const b = sc.broadcast({ k: 5 });
    expect(await sc.parallelize([1, 2], 2).map((x) => x + b.value.k).collect()).toEqual([6, 7]);
    b.unpersist();
    expect(await sc.parallelize([1, 2], 2).map((x) => x * b.value.k).collect()).toEqual([5, 10]);
    b.destroy();
    expect(() => b.value).toThrow(/destroyed/);
    await expect(sc.parallelize([1], 1).map((x) => x + b.value.k).collect()).rejects.toThrow(/destroyed/);
  });

  it('accumulator and longAccumulator sum the adds made in tasks', async () => {
    const total = sc.accumulator(0);
    const big = sc.accumulator(0n);
    const counter = sc.longAccumulator('evens');
    await sc.parallelize(nums, 5).foreach((x) => {
      total.add(x);
      big.add(BigInt(x) * 10n ** 15n);
      if (x % 2 === 0) counter.add(1);
    });
    const sum = nums.reduce((a, b) => a + b, 0);
    expect(total.value).toBe(sum);
    expect(big.value).toBe(BigInt(sum) * 10n ** 15n);
    expect(counter.value).toBe(nums.filter((x) => x % 2 === 0).length);
    expect(counter.name).toBe('evens');
    // adds in a transformation feeding a shuffle are merged too
    const mapped = sc.longAccumulator();
    await sc.parallelize(nums, 3).map((x) => { mapped.add(1); return [x % 3, x] as [number, number]; }).reduceByKey((a, b) => a + b).count();
    expect(mapped.value).toBe(nums.length);
    // the driver keeps adding on top
    counter.add(5);
    expect(counter.value).toBe(nums.filter((x) => x % 2 === 0).length + 5);
  });

  it('collectionAccumulator gathers values from all tasks', async () => {
    const seen = sc.collectionAccumulator<number>();
    await sc.parallelize(nums, 4).foreach((x) => { if (x > 45) seen.add(x); });
    expect([...seen.value].sort((a, b) => a - b)).toEqual(nums.filter((x) => x > 45).sort((a, b) => a - b));
  });
});

describe('persistence', () => {
  it('a cached RDD is computed once across two actions; unpersist recomputes', async () => {
    const computed = sc.longAccumulator('computed');
    const rdd = sc.parallelize(nums, 4).map((x) => { computed.add(1); return x * 2; });
    expect(rdd.getStorageLevel()).toEqual(StorageLevel.NONE);
    rdd.cache();
    expect(rdd.getStorageLevel()).toEqual(StorageLevel.MEMORY_ONLY);
    expect(await rdd.count()).toBe(nums.length);
    expect(await rdd.collect()).toEqual(nums.map((x) => x * 2));
    expect(await rdd.map((x) => x + 1).reduce((a, b) => a + b)).toBe(nums.reduce((a, x) => a + x * 2 + 1, 0));
    expect(computed.value).toBe(nums.length);
    expect(rdd.toDebugString().split('\n')[0]).toMatch(/^\(4\) MapPartitionsRDD\[\d+\] \[Memory Deserialized 1x Replicated\]$/);
    rdd.unpersist();
    expect(rdd.getStorageLevel()).toEqual(StorageLevel.NONE);
    await rdd.count();
    expect(computed.value).toBe(2 * nums.length);
  });

  it('cache() on an RDD after children were derived from it is still honoured by those children', async () => {
    const computed = sc.longAccumulator();
    const base = sc.parallelize(nums, 3).map((x) => { computed.add(1); return x + 1; });
    const child = base.filter((x) => x % 2 === 0).map((x) => x * 10); // built before base.cache()
    base.cache();
    expect(await base.count()).toBe(nums.length);
    expect(await child.collect()).toEqual(nums.map((x) => x + 1).filter((x) => x % 2 === 0).map((x) => x * 10));
    expect(computed.value).toBe(nums.length);
    base.unpersist();
  });

  it('the storage level of an RDD cannot be changed without unpersist; unknown names are rejected', () => {
    const rdd = sc.parallelize(nums, 2).persist(StorageLevel.MEMORY_ONLY);
    expect(() => rdd.persist(StorageLevel.DISK_ONLY)).toThrow(/Cannot change storage level/);
    expect(() => rdd.cache()).not.toThrow(); // same level again is fine
    rdd.unpersist();
    expect(() => rdd.persist('DISK_ONLY')).not.toThrow();
    expect(rdd.getStorageLevel()).toEqual(StorageLevel.DISK_ONLY);
    rdd.unpersist();
    expect(() => rdd.persist('MEMORY_SOMETIMES')).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });

  it('without cache every action recomputes', async () => {
    const computed = sc.longAccumulator();
    const rdd = sc.parallelize(nums, 2).map((x) => { computed.add(1); return x; });
    await rdd.count();
    await rdd.count();
    expect(computed.value).toBe(2 * nums.length);
  });

  it('persist(MEMORY_AND_DISK) and by name; a cached shuffle output feeds later jobs', async () => {
    const computed = sc.longAccumulator();
    const rdd = sc.parallelize(nums, 3).map((x) => { computed.add(1); return [x % 7, x] as [number, number]; })
      .persist(StorageLevel.MEMORY_AND_DISK);
    expect(rdd.getStorageLevel()).toEqual(StorageLevel.MEMORY_AND_DISK);
    const sums = await rdd.reduceByKey((a, b) => a + b).collectAsMap();
    const counts = await rdd.countByKey();
    expect(computed.value).toBe(nums.length);
    const js = new Map<number, number>();
    for (const x of nums) js.set(x % 7, (js.get(x % 7) ?? 0) + x);
    expect(sums).toEqual(js);
    expect([...counts.values()].reduce((a, b) => a + b, 0)).toBe(nums.length);
    const byName = sc.parallelize(nums, 2).persist('DISK_ONLY');
    expect(byName.getStorageLevel()).toEqual(StorageLevel.DISK_ONLY);
    expect(await byName.collect()).toEqual(nums);
    expect(await byName.collect()).toEqual(nums);
    byName.unpersist();
    rdd.unpersist();
  });
});

describe('checkpoint', () => {
  it('checkpoint requires a directory', () => {
    expect(sc.checkpointDir).toBeUndefined();
    expect(() => sc.parallelize([1], 1).checkpoint()).toThrow(/Checkpoint directory/);
  });

  it('replaces lineage after the next action; results unchanged', async () => {
    sc.setCheckpointDir(path.join(tmp, 'ckpt'));
    const pairs = nums.map((x) => [x % 6, x] as [number, number]);
    const computed = sc.longAccumulator();
    const rdd = sc.parallelize(pairs, 3).reduceByKey((a, b) => a + b, 2).mapValues((v) => { computed.add(1); return v * 10; });
    const before = rdd.toDebugString();
    expect(before).toContain('ShuffledRDD');
    rdd.checkpoint();
    expect(rdd.isCheckpointed()).toBe(false);
    const first = await rdd.collect();
    expect(rdd.isCheckpointed()).toBe(true);
    const file = rdd.getCheckpointFile();
    expect(file).toBeDefined();
    expect(fs.existsSync(file!)).toBe(true);
    const after = rdd.toDebugString();
    expect(after).not.toEqual(before);
    expect(after).toContain('ReliableCheckpointRDD');
    expect(await rdd.collect()).toEqual(first);
    const js = new Map<number, number>();
    for (const [k, v] of pairs) js.set(k, (js.get(k) ?? 0) + v);
    expect(new Map(first)).toEqual(new Map([...js].map(([k, v]) => [k, v * 10])));
    // an RDD derived from the checkpointed one reads the files, and the result is still right
    expect(await rdd.map(([k, v]) => k + v).sum()).toBe([...js].reduce((a, [k, v]) => a + k + v * 10, 0));
    expect(rdd.getNumPartitions()).toBe(2);
    // once checkpointed, actions read the files instead of recomputing the lineage
    const afterCheckpoint = computed.value;
    await rdd.count();
    await rdd.keys().collect();
    expect(computed.value).toBe(afterCheckpoint);
  });

  it('children derived before checkpoint() read the checkpoint once it is written', async () => {
    const computed = sc.longAccumulator();
    const base = sc.parallelize(nums, 3).map((x) => { computed.add(1); return x * 3; });
    const child = base.map((x) => x + 1);
    base.checkpoint();
    expect(await base.count()).toBe(nums.length);
    expect(base.isCheckpointed()).toBe(true);
    const settled = computed.value;
    expect(await child.collect()).toEqual(nums.map((x) => x * 3 + 1));
    expect(computed.value).toBe(settled);
  });
});
