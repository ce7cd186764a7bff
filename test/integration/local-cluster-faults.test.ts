// Fault tolerance on real executor processes (local-cluster): retries with the user's stack, executors that die
// mid-stage, map outputs lost before the reduce stage reads them (FetchFailed), hung executors, bad input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SparkContext } from '../../src/index.js';
import type { StatusEvent } from '../../src/driver/status/status-events.js';

describe('local-cluster faults', () => {
  let sc: SparkContext;
  const events: StatusEvent[] = [];
  const marks = fs.mkdtempSync(path.join(os.tmpdir(), 'tsspark-faults-'));

  beforeAll(async () => {
    sc = new SparkContext({ master: 'local-cluster[2,1,512]', conf: { 'spark.network.timeout': '3s', 'spark.executor.heartbeatInterval': '500ms' } });
    sc.statusBus.subscribe((e) => events.push(e));
    await sc.ready();
  });
  /** The executors' pids: tasks that take a moment so both single-slot executors get one; retried for up to
   *  10 s while a replacement executor (after an earlier test's kill) registers. */
  async function executorPids(): Promise<number[]> {
    let pids: number[] = [];
    for (let i = 0; i < 20 && pids.length < 2; i++) {
      pids = await sc.parallelize([1, 2, 3, 4], 4).map(() => { const end = Date.now() + 30; while (Date.now() < end) { /* spread */ } return process.pid; }).distinct().collect();
      if (pids.length < 2) await new Promise((r) => setTimeout(r, 500));
    }
    return pids;
  }
  afterAll(async () => {
    await sc.stop();
    fs.rmSync(marks, { recursive: true, force: true });
  });

  it('runs tasks in E executor processes, none of them the driver', async () => {
    const pids = await executorPids();
    expect(pids.length).toBe(2);
    expect(pids).not.toContain(process.pid);
  });

  it('retries a throwing task up to spark.task.maxFailures, then fails the job with the user error and stack', async () => {
    const before = events.length;
    const err = await sc.parallelize([1, 2, 3, 4], 2).map((x) => {
      if (x === 3) throw new Error(`user boom on ${x}`);
      return x;
    }).collect().then(() => undefined, (e: unknown) => e as Error);
    expect(err).toBeInstanceOf(Error);
    expect(err!.message).toContain('user boom on 3');
    expect(err!.message).toMatch(/failed 4 times/);
    expect(err!.message).toMatch(/at .*(local-cluster-faults|eval|anonymous)/); // executor-side stack frames
    const failedEnds = events.slice(before).filter((e) => e.kind === 'task-end' && e.status === 'FAILED');
    expect(failedEnds.length).toBe(4);
    // the context stays usable
    expect(await sc.parallelize([1, 2, 3]).reduce((a, b) => a + b)).toBe(6);
  });

  it('recovers when an executor process dies mid-stage, and replaces it', async () => {
    const marker = path.join(marks, 'exit-once');
    const result = await sc.parallelize([1, 2, 3, 4, 5, 6, 7, 8], 4).map((x) => {
      // the first task to get here kills its own executor process
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const fsMod = process.getBuiltinModule ? process.getBuiltinModule('node:fs') : null;
      if (fsMod && !fsMod.existsSync(marker)) {
        fsMod.writeFileSync(marker, 'x');
        process.exit(1);
      }
      return x * 10;
    }).collect();
    expect(result).toEqual([10, 20, 30, 40, 50, 60, 70, 80]);
    expect(events.some((e) => e.kind === 'executor-removed')).toBe(true);
    // a replacement registers
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline && events.filter((e) => e.kind === 'executor-added').length < 3) await new Promise((r) => setTimeout(r, 100));
    expect(events.filter((e) => e.kind === 'executor-added').length).toBeGreaterThanOrEqual(3);
  });

  it('recomputes lost map outputs from lineage when an executor dies before the reduce stage reads them', async () => {
    const pids = await executorPids();
    expect(pids.length).toBe(2);
    const victim = pids[1]!;
    const marker = path.join(marks, 'kill-once');
    const data = Array.from({ length: 200 }, (_, i) => i);
    const before = events.length;
    const counts = await sc.parallelize(data, 4)
      .map((x) => [x % 7, 1] as [number, number])
      .reduceByKey((a, b) => a + b, 2)
      .mapPartitions(function* (iter) {
        // reduce side: after this task fetched its blocks, kill the other executor (holding map outputs)
        const fsMod = process.getBuiltinModule ? process.getBuiltinModule('node:fs') : null;
        if (fsMod && !fsMod.existsSync(marker) && process.pid !== victim) {
          fsMod.writeFileSync(marker, 'x');
          try { process.kill(victim, 'SIGKILL'); } catch { /* already gone */ }
        }
        yield* iter;
      })
      .collectAsMap();
    const expected = new Map<number, number>();
    for (const x of data) expected.set(x % 7, (expected.get(x % 7) ?? 0) + 1);
    expect(new Map([...counts].sort())).toEqual(new Map([...expected].sort()));
    const later = events.slice(before);
    const resubmittedMap = later.filter((e) => e.kind === 'stage-submitted').length;
    expect(resubmittedMap).toBeGreaterThanOrEqual(2);
  });

  it('declares a hanging executor lost after spark.network.timeout and finishes the job elsewhere', async () => {
    const pids = await executorPids();
    const victim = pids[0]!;
    const job = sc.parallelize([1, 2, 3, 4, 5, 6], 6).map((x) => {
      const end = Date.now() + 200;
      while (Date.now() < end) { /* busy */ }
      return x + 1;
    }).collect();
    await new Promise((r) => setTimeout(r, 100));
    process.kill(victim, 'SIGSTOP');
    try {
      expect(await job).toEqual([2, 3, 4, 5, 6, 7]);
    } finally {
      try { process.kill(victim, 'SIGKILL'); } catch { /* gone */ }
    }
    expect(events.some((e) => e.kind === 'executor-removed' && /heartbeat timed out/.test(e.reason))).toBe(true);
  });

  it('fails textFile on a missing path at action time, naming the path, before tasks launch', async () => {
    const missing = path.join(marks, 'no-such-file.txt');
    const rdd = sc.textFile(missing); // lazy: no error yet
    const before = events.length;
    await expect(rdd.count()).rejects.toThrow(`Input path does not exist: file:${missing}`);
    expect(events.slice(before).some((e) => e.kind === 'task-start')).toBe(false);
  });

  it('rejects a closure that captures something that cannot travel, before any task launches', async () => {
    class Conn { constructor(readonly fd: number) {} send(): void {} }
    const conn = new Conn(3);
    const before = events.length;
    await expect(sc.parallelize([1, 2]).map((x) => { conn.send(); return x; }).collect()).rejects.toThrow(/conn/);
    expect(events.slice(before).some((e) => e.kind === 'task-start')).toBe(false);
  });
});
