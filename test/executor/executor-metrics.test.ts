import { describe, expect, it } from 'vitest';
import { maxMetrics, sampleExecutorMetrics, validateExecutorMetrics } from '../../src/executor/executor-metrics.js';
import { encodeEvent, decodeEvent } from '../../src/driver/status/event-log-codec.js';
import { StatusStore } from '../../src/driver/status/status-store.js';
import { executorJson } from '../../src/driver/ui/rest-json.js';

const m = (rss: number) => ({ ProcessTreeJVMRSSMemory: rss });

describe('executor memory metrics', () => {
  it('samples this process: its peak RSS is at least the heap in use and the current RSS', () => {
    const s = sampleExecutorMetrics();
    expect(s.ProcessTreeJVMRSSMemory).toBeGreaterThanOrEqual(process.memoryUsage().heapUsed);
    expect(s.ProcessTreeJVMRSSMemory).toBeGreaterThanOrEqual(process.memoryUsage.rss() * 0.9);
  });

  it('keeps each metric at its peak', () => {
    expect(maxMetrics(undefined, m(3))).toEqual(m(3));
    expect(maxMetrics(m(9), m(3))).toEqual(m(9));
    expect(maxMetrics(m(2), m(7))).toEqual(m(7));
  });

  it('validates heartbeat bodies: missing or malformed metrics are ignored', () => {
    expect(validateExecutorMetrics(m(3))).toEqual(m(3));
    expect(validateExecutorMetrics({ ...m(3), extra: 'x' })).toEqual(m(3));
    expect(validateExecutorMetrics(undefined)).toBeUndefined();
    expect(validateExecutorMetrics({ JVMHeapMemory: 1 })).toBeUndefined();
    expect(validateExecutorMetrics(m(-3))).toBeUndefined();
    expect(validateExecutorMetrics(m(Number.NaN))).toBeUndefined();
    expect(validateExecutorMetrics({ ProcessTreeJVMRSSMemory: '3' })).toBeUndefined();
  });

  it('fold into the executor as peaks, reach REST peakMemoryMetrics, and round-trip the event log', () => {
    const s = new StatusStore({});
    s.apply({ kind: 'executor-added', executorId: '0', host: 'h', cores: 1, time: 1 });
    expect(executorJson(s.executors()[0]!)).not.toHaveProperty('peakMemoryMetrics');
    const e1 = { kind: 'executor-metrics-update', executorId: '0', peakMemoryMetrics: m(300), time: 2 } as const;
    s.apply(e1);
    s.apply({ kind: 'executor-metrics-update', executorId: '0', peakMemoryMetrics: m(200), time: 3 });
    s.apply({ kind: 'executor-metrics-update', executorId: 'gone', peakMemoryMetrics: m(1), time: 3 }); // unknown: ignored
    expect(executorJson(s.executors()[0]!)).toMatchObject({ id: '0', peakMemoryMetrics: m(300) });
    expect(s.executors()).toHaveLength(1);
    expect(decodeEvent(JSON.parse(JSON.stringify(encodeEvent(e1))))).toEqual(e1);
  });
});
