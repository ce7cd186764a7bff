// Executor processes report their memory with each heartbeat; the driver posts it as executor-metrics-update and
// the local backend reports the driver process itself as executor 'driver'.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SparkContext } from '../../src/index.js';
import type { StatusEvent } from '../../src/driver/status/status-events.js';

type Update = Extract<StatusEvent, { kind: 'executor-metrics-update' }>;
let sc: SparkContext;
const updates: Update[] = [];

beforeAll(async () => {
  sc = new SparkContext({ master: 'local-cluster[1,1,512]', conf: { 'spark.executor.heartbeatInterval': '200ms', 'spark.ui.enabled': 'false' } });
  sc.statusBus.subscribe((e) => { if (e.kind === 'executor-metrics-update') updates.push(e); });
  await sc.ready();
}, 30_000);
afterAll(async () => { await sc.stop(); });

it('an executor process reports its peak RSS with its heartbeats (the executor runs dist/executor/main.js)', async () => {
  const rss = async (): Promise<number> => {
    const t = Date.now();
    while (!updates.some((u) => u.executorId === '0' && u.time >= t)) await new Promise((r) => setTimeout(r, 50));
    return updates.filter((u) => u.executorId === '0').at(-1)!.peakMemoryMetrics.ProcessTreeJVMRSSMemory;
  };
  const before = await rss();
  // grow the executor's RSS by 96 MiB (touched pages, kept as a global of the executor process)
  await sc.parallelize([1], 1).map(() => { (globalThis as Record<string, unknown>).hold = Buffer.alloc(96 * 1024 * 1024, 1); return 1; }).collect();
  const after = await rss();
  expect(before).toBeGreaterThan(10 * 1024 * 1024);
  expect(after - before).toBeGreaterThan(80 * 1024 * 1024);
}, 30_000);

it('local[N] reports the driver process as executor "driver"', async () => {
  const local = new SparkContext({ master: 'local[1]', conf: { 'spark.ui.enabled': 'false' } });
  const seen: Update[] = [];
  local.statusBus.subscribe((e) => { if (e.kind === 'executor-metrics-update') seen.push(e); });
  try {
    await local.ready();
    await new Promise((r) => setTimeout(r, 50));
    expect(seen.map((u) => u.executorId)).toContain('driver');
    expect(seen[0]!.peakMemoryMetrics.ProcessTreeJVMRSSMemory).toBeGreaterThanOrEqual(process.memoryUsage.rss() * 0.5);
  } finally {
    await local.stop();
  }
}, 30_000);
