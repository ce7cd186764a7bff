// local[2,3]: up to 3 attempts per task. A task that fails only on its first attempt (a marker file per partition
// records the first try) succeeds, and accumulator updates of failed attempts are not counted.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SparkContext } from '../../src/index.js';

let sc: SparkContext;
let markerDir: string;
beforeAll(() => {
  sc = new SparkContext({ master: 'local[2,3]', appName: 'rdd-retries' });
  markerDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsspark-retry-'));
});
afterAll(async () => {
  await sc.stop();
  fs.rmSync(markerDir, { recursive: true, force: true });
});

it('a function failing on its first attempt of each partition succeeds on retry; accumulators count once', async () => {
  const dir = path.join(markerDir, 'map');
  fs.mkdirSync(dir);
  const data = [...Array(40).keys()];
  const seen = sc.longAccumulator('seen');
  const failedAttempts: number[] = [];
  const unsubscribe = sc.statusBus.subscribe((e) => {
    if (e.kind === 'task-end' && e.status === 'FAILED') failedAttempts.push(e.index);
  });
  const result = await sc.parallelize(data, 4).mapPartitionsWithIndex((index, it) => {
    const nodeFs = process.getBuiltinModule('node:fs') as typeof import('node:fs');
    const marker = `${dir}/p${index}`;
    const out: number[] = [];
    for (const x of it) {
      seen.add(1); // added before the failure: must be dropped with the failed attempt
      out.push(x * 2);
    }
    if (!nodeFs.existsSync(marker)) {
      nodeFs.writeFileSync(marker, '1');
      throw new Error(`first attempt of partition ${index} fails`);
    }
    return out;
  }).collect();
  unsubscribe();
  expect(result).toEqual(data.map((x) => x * 2));
  expect(fs.readdirSync(dir).sort()).toEqual(['p0', 'p1', 'p2', 'p3']);
  expect(failedAttempts.sort()).toEqual([0, 1, 2, 3]);
  expect(seen.value).toBe(data.length);
});

it('retries also cover shuffle-map tasks, and a function that always fails still fails after 3 attempts', async () => {
  const dir = path.join(markerDir, 'shuffle');
  fs.mkdirSync(dir);
  const pairs = [...Array(30).keys()].map((x) => [x % 4, x] as [number, number]);
  const seen = sc.longAccumulator();
  const sums = await sc.parallelize(pairs, 3).mapPartitionsWithIndex((index, it) => {
    const nodeFs = process.getBuiltinModule('node:fs') as typeof import('node:fs');
    const marker = `${dir}/m${index}`;
    seen.add(1);
    if (!nodeFs.existsSync(marker)) {
      nodeFs.writeFileSync(marker, '1');
      throw new Error('flaky map side');
    }
    return it;
  }, true).reduceByKey((a, b) => a + b).collectAsMap();
  const js = new Map<number, number>();
  for (const [k, v] of pairs) js.set(k, (js.get(k) ?? 0) + v);
  expect(sums).toEqual(js);
  expect(seen.value).toBe(3); // one add per map partition: the failed attempts' adds are dropped

  const attempts: number[] = [];
  const unsubscribe = sc.statusBus.subscribe((e) => { if (e.kind === 'task-start') attempts.push(e.attempt); });
  const err = await sc.parallelize([1], 1).map(() => { throw new Error('always fails'); }).collect().then(() => undefined, (e: Error) => e);
  unsubscribe();
  expect(err?.message).toContain('always fails');
  expect(err?.message).toContain('failed 3 times');
  expect(attempts).toEqual([0, 1, 2]);
  expect(await sc.parallelize([1, 2, 3], 2).sum()).toBe(6);
});
