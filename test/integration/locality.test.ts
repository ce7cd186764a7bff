// Cached partitions are read where they live: a second action on a cached RDD runs each task on the executor
// process that holds its block (local-cluster, real processes).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SparkContext } from '../../src/index.js';

let sc: SparkContext;
beforeAll(async () => {
  sc = new SparkContext({ master: 'local-cluster[2,1,512]', appName: 'locality' });
  await sc.ready();
});
afterAll(() => sc.stop());

it('runs tasks over cached partitions on the executors that cached them', async () => {
  const computed = sc.longAccumulator('computed');
  const cached = sc.parallelize(Array.from({ length: 16 }, (_, i) => i), 8).map((x) => {
    computed.add(1);
    return [x, process.pid] as [number, number];
  }).cache();
  const first = await cached.collect();
  expect(new Set(first.map(([, pid]) => pid)).size).toBe(2);
  const second = await cached.map(([x, pid]) => [x, pid === process.pid] as [number, boolean]).collect();
  // every partition was served from its cache: nothing was recomputed on the other executor
  expect(computed.value).toBe(16);
  expect(second.every(([, local]) => local)).toBe(true);
});
