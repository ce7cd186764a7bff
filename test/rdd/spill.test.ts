// Shuffles larger than a task's memory share (spark.driver.memory=2m → 1 MiB per task): the map-side shuffle
// writer spills, the reduce side spills (grace-hashed aggregation, external sort), and the answers still match plain JS.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SparkContext } from '../../src/index.js';

let sc: SparkContext;
const spilled: number[] = [];
const reduceSideSpills: number[] = [];
beforeAll(() => {
  sc = new SparkContext({ master: 'local[2]', appName: 'rdd-spill', conf: { 'spark.driver.memory': '2m' } });
  sc.statusBus.subscribe((e) => { if (e.kind === 'task-end' && e.metrics) {
    spilled.push(e.metrics.diskBytesSpilled + e.metrics.memoryBytesSpilled);
    // result tasks that read a shuffle and write none: what they spilled is reduce-side (aggregation, sort)
    if (e.metrics.shuffleBytesRead > 0 && e.metrics.shuffleBytesWritten === 0) reduceSideSpills.push(e.metrics.diskBytesSpilled);
  } });
});
afterAll(() => sc.stop());

const N = 160_000;
const value = (i: number): string => `v${i}-${'x'.repeat(i % 41)}`;

it('reduceByKey, groupByKey, sortByKey and join over ~6 MB of records', async () => {
  const t0 = Date.now();
  const src = sc.range(0, N, 1, 4);
  const counts = await src.map((i) => [i % 5003, 1] as [number, number]).reduceByKey((a, b) => a + b, 3).collectAsMap();
  const jsCounts = new Map<number, number>();
  for (let i = 0; i < N; i++) jsCounts.set(i % 5003, (jsCounts.get(i % 5003) ?? 0) + 1);
  expect(counts).toEqual(jsCounts);

  const groups = await src.map((i) => [i % 7, value(i)] as [number, string]).groupByKey(3).mapValues((vs) => vs.length).collectAsMap();
  const jsGroups = new Map<number, number>();
  for (let i = 0; i < N; i++) jsGroups.set(i % 7, (jsGroups.get(i % 7) ?? 0) + 1);
  expect(groups).toEqual(jsGroups);

  const sorted = await src.map((i) => [(i * 7919) % N, value(i)] as [number, string]).sortByKey(false, 4).keys().collect();
  expect(sorted).toHaveLength(N);
  expect(sorted.every((k, i) => i === 0 || sorted[i - 1]! >= k)).toBe(true);

  const left = src.map((i) => [i, value(i)] as [number, string]);
  const right = src.filter((i) => i % 3 === 0).map((i) => [i, i * 2] as [number, number]);
  const joined = await left.join(right, 4).filter(([k, [v, w]]) => v === value(k) && w === 2 * k).count();
  expect(joined).toBe(Math.ceil(N / 3));
  expect(spilled.some((b) => b > 0)).toBe(true);
  expect(reduceSideSpills.some((b) => b > 0)).toBe(true);
  console.log(`spill suite: ${Date.now() - t0} ms, ${spilled.filter((b) => b > 0).length} tasks spilled ${spilled.reduce((a, b) => a + b, 0)} bytes`);
});
