// Storage levels and cached-block bookkeeping: DISK_ONLY blocks live on disk, MEMORY_ONLY blocks beyond the
// storage memory are dropped and recomputed, and the driver knows where cached partitions are.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SparkContext, StorageLevel } from '../../src/index.js';

let sc: SparkContext;
beforeAll(() => {
  // 4m × 0.6 × 0.5 = 1.2 MB of storage memory in the local executor
  sc = new SparkContext({ master: 'local[2]', appName: 'storage-levels', conf: { 'spark.driver.memory': '4m' } });
});
afterAll(() => sc.stop());

it('DISK_ONLY partitions are computed once and served from disk', async () => {
  const calls = sc.longAccumulator('calls');
  const rdd = sc.parallelize(Array.from({ length: 1000 }, (_, i) => i), 4).map((x) => { calls.add(1); return x * 3; }).persist(StorageLevel.DISK_ONLY);
  expect(await rdd.sum()).toBe(3 * (999 * 1000) / 2);
  expect(await rdd.count()).toBe(1000);
  expect(calls.value).toBe(1000);
  const info = sc.getRDDStorageInfo().find((i) => i.id === rdd.id)!;
  expect(info.storageLevel).toBe('DISK_ONLY');
  expect(info.numCachedPartitions).toBe(4);
  expect(info.executors).toEqual(['driver']);
});

it('MEMORY_ONLY blocks that do not fit are dropped and recomputed from lineage, with the right answer', async () => {
  const calls = sc.longAccumulator('calls2');
  const big = 'x'.repeat(2000);
  const rdd = sc.parallelize(Array.from({ length: 4000 }, (_, i) => i), 8).map((x) => { calls.add(1); return `${x}${big}`; }).cache();
  expect(await rdd.count()).toBe(4000);
  expect(await rdd.count()).toBe(4000);
  // 8 MB of blocks cannot all stay in 1.2 MB: some partitions were computed twice
  expect(calls.value).toBeGreaterThan(4000);
  rdd.unpersist();
  expect(sc.getRDDStorageInfo().find((i) => i.id === rdd.id)).toBeUndefined();
});
