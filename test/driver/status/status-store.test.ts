import { describe, expect, it } from 'vitest';
import { StatusStore } from '../../../src/driver/status/status-store.js';
import { recordedEvents } from './recorded-events.js';

function storeWith(n = 0, limits = {}): StatusStore {
  const s = new StatusStore(limits);
  for (const e of recordedEvents(n)) s.apply(e);
  return s;
}

describe('StatusStore', () => {
  it('folds jobs, stages, tasks and executors', () => {
    const s = storeWith();
    const [j1, j0] = s.jobs();
    expect(j0).toMatchObject({ jobId: 0, status: 'SUCCEEDED', numTasks: 6, numCompletedTasks: 6, numFailedTasks: 1, numActiveTasks: 0, numCompletedStages: 2, numSkippedStages: 0, sqlExecutionId: 0 });
    expect(j1).toMatchObject({ jobId: 1, status: 'FAILED', jobGroup: 'etl', numSkippedStages: 1, numFailedStages: 1 });
    const st0 = s.stage(0)!;
    expect(st0).toMatchObject({ status: 'COMPLETE', numCompleteTasks: 4, numFailedTasks: 1, jobIds: [0], inputBytes: 100 * (1 + 2 + 3 + 4) });
    expect(st0.tasks.size).toBe(5);
    expect(st0.executors.get('0')).toMatchObject({ succeededTasks: 3, failedTasks: 0 });
    expect(st0.executors.get('1')).toMatchObject({ succeededTasks: 1, failedTasks: 1 });
    expect(s.stage(2)).toMatchObject({ status: 'FAILED', failureReason: expect.stringContaining('TypeError') });
    const ex = s.executors();
    expect(ex.map((x) => [x.id, x.isActive, x.completedTasks, x.failedTasks, x.activeTasks])).toEqual([['0', true, 3, 1, 0], ['1', false, 3, 1, 0]]);
    expect(ex[1]!.removeReason).toBe('Executor heartbeat timed out');
    expect(s.sqlExecution(0)).toMatchObject({ status: 'COMPLETED', jobIds: [0] });
  });

  it('keeps the latest value of every SQL operator metric, and drops them when the plan is replaced', () => {
    const s = storeWith();
    const x = s.sqlExecution(0)!;
    expect(x.graph?.nodes.map((n) => n.nodeName)).toEqual(['HashAggregate', 'Exchange', 'HashAggregate', 'LocalTableScan']);
    expect([...x.metricValues.entries()]).toEqual([[0, 1], [1, 1.5], [2, 2], [3, 1536], [4, 1], [5, 2], [6, 4], [7, 1000]]);
    const graph = { nodes: [{ nodeId: 0, nodeName: 'Range', desc: 'Range (0, 5, step=1, splits=1)', metrics: [{ name: 'number of output rows', accumulatorId: 0, metricType: 'sum' as const }] }], edges: [] };
    s.apply({ kind: 'sql-adaptive-execution-update', executionId: 0, physicalPlan: 'Range (0, 5, step=1, splits=1)', graph, time: 1 });
    expect(x.physicalPlan).toBe('Range (0, 5, step=1, splits=1)');
    expect(x.metricValues.size).toBe(0);
    s.apply({ kind: 'sql-metric-update', executionId: 0, updates: [[0, 5]], time: 2 });
    s.apply({ kind: 'sql-metric-update', executionId: 42, updates: [[0, 5]], time: 2 }); // unknown execution: ignored
    expect(x.metricValues.get(0)).toBe(5);
  });

  it('computes quantiles of successful tasks only', () => {
    const s = storeWith();
    const sum = s.taskSummary(s.stage(0)!, [0, 0.5, 1]);
    expect(sum.count).toBe(4);
    expect(sum.values.duration).toEqual([10, 30, 40]);
    expect(sum.values.inputBytes).toEqual([100, 300, 400]);
    expect(sum.values.jvmGcTime).toEqual([0, 0, 0]);
  });

  it('sorts and pages tasks', () => {
    const s = storeWith();
    const st = s.stage(0)!;
    expect(s.taskPage(st, 'duration', true, 0, 2).map((t) => t.duration)).toEqual([40, 30]);
    expect(s.taskPage(st, 'duration', false, 0, 2).map((t) => t.duration)).toEqual([5, 10]);
    expect(s.taskPage(st, 'index', false, 3, 10).map((t) => [t.index, t.attempt])).toEqual([[3, 0], [3, 1]]);
  });

  it('keeps retention bounds while counters still count every task', () => {
    const s = storeWith(500, { retainedTasks: 100, retainedJobs: 2, retainedStages: 3 });
    const big = s.stage(4)!;
    expect(big.tasks.size).toBeLessThanOrEqual(100);
    expect(big.numCompleteTasks).toBe(500);
    expect(s.jobs().length).toBeLessThanOrEqual(2);
    expect(s.stages().length).toBeLessThanOrEqual(3);
    expect(s.job(2)!.numCompletedTasks).toBe(500);
  });

  it('handles a 100,000-task stage with cached quantiles', () => {
    const t0 = performance.now();
    const s = storeWith(100_000);
    const folded = performance.now() - t0;
    const st = s.stage(4)!;
    expect(st.tasks.size).toBe(100_000);
    const t1 = performance.now();
    const q = s.taskSummary(st, [0, 0.25, 0.5, 0.75, 1]);
    const first = performance.now() - t1;
    const t2 = performance.now();
    s.taskSummary(st, [0, 0.5, 1]);
    const cached = performance.now() - t2;
    expect(q.values.duration[0]).toBe(0);
    expect(q.values.duration[4]).toBe(999);
  });
});
