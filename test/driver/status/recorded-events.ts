// A recorded application for status/UI tests: two executors (one lost), a two-stage job with a failed task
// attempt, a failed job, a SQL execution, and optionally one stage with many tasks.
import type { StatusEvent } from '../../../src/driver/status/status-events.js';
import { newTaskMetrics } from '../../../src/rdd/compute/task-env.js';
import type { SqlPlanGraph } from '../../../src/sql/execution/sql-plan-graph.js';

export const APP_ID = 'local-1700000000000';
export const T0 = 1_700_000_000_000;

export function metrics(i: number): ReturnType<typeof newTaskMetrics> {
  return { ...newTaskMetrics(), recordsRead: 10 * i, bytesRead: 100 * i, shuffleBytesWritten: 7 * i, shuffleRecordsWritten: i, shuffleBytesRead: 3 * i, shuffleRemoteBytesRead: i, shuffleRecordsRead: i, shuffleWriteTimeMs: 2, resultSize: 50 };
}

/** The recorded SQL execution's plan: count(*) over a 1,000-row table in 2 partitions (metric ids 0-7). */
export const SQL_GRAPH: SqlPlanGraph = {
  nodes: [
    { nodeId: 0, nodeName: 'HashAggregate', desc: 'HashAggregate(keys=[], functions=[count(1)])', metrics: [{ name: 'number of output rows', accumulatorId: 0, metricType: 'sum' }, { name: 'time in aggregation build', accumulatorId: 1, metricType: 'timing' }] },
    { nodeId: 1, nodeName: 'Exchange', desc: 'Exchange SinglePartition', metrics: [{ name: 'shuffle records written', accumulatorId: 2, metricType: 'sum' }, { name: 'data size', accumulatorId: 3, metricType: 'size' }, { name: 'number of partitions', accumulatorId: 4, metricType: 'sum' }] },
    { nodeId: 2, nodeName: 'HashAggregate', desc: 'HashAggregate(keys=[], functions=[partial_count(1)])', metrics: [{ name: 'number of output rows', accumulatorId: 5, metricType: 'sum' }, { name: 'time in aggregation build', accumulatorId: 6, metricType: 'timing' }] },
    { nodeId: 3, nodeName: 'LocalTableScan', desc: 'LocalTableScan [v#0]', metrics: [{ name: 'number of output rows', accumulatorId: 7, metricType: 'sum' }] },
  ],
  edges: [{ fromId: 1, toId: 0 }, { fromId: 2, toId: 1 }, { fromId: 3, toId: 2 }],
};

export function recordedEvents(bigStageTasks = 0): StatusEvent[] {
  const ev: StatusEvent[] = [
    { kind: 'application-start', appId: APP_ID, appName: 'Recorded App', time: T0, user: 'alice' },
    { kind: 'environment-update', sparkProperties: [['spark.master', 'local[2]'], ['spark.app.name', 'Recorded App'], ['spark.authenticate.secret', 'hunter2'], ['spark.my.password', 'pw'], ['spark.executor.memory', '2g']], systemProperties: [['user.name', 'alice']] },
    { kind: 'executor-added', executorId: '0', host: '127.0.0.1', cores: 2, time: T0 + 1 },
    { kind: 'executor-added', executorId: '1', host: '127.0.0.1', cores: 2, time: T0 + 2 },
    { kind: 'sql-execution-start', executionId: 0, description: 'SELECT count(*) FROM t', physicalPlan: 'HashAggregate(keys=[], functions=[count(1)])\n+- Exchange SinglePartition\n   +- HashAggregate(keys=[], functions=[partial_count(1)])\n      +- Scan t', time: T0 + 5, graph: SQL_GRAPH },
    { kind: 'job-start', jobId: 0, stageIds: [0, 1], description: 'count at app.ts:12', time: T0 + 10 },
    { kind: 'stage-submitted', stageId: 0, attempt: 0, name: 'map at app.ts:10', numTasks: 4, parentIds: [], rddIds: [1], time: T0 + 11 },
  ];
  let taskId = 0;
  for (let i = 0; i < 4; i++) {
    const ex = String(i % 2);
    ev.push({ kind: 'task-start', stageId: 0, stageAttempt: 0, taskId, index: i, attempt: 0, executorId: ex, host: '127.0.0.1', time: T0 + 12 });
    if (i === 3) {
      ev.push({ kind: 'task-end', stageId: 0, stageAttempt: 0, taskId, index: i, attempt: 0, executorId: ex, status: 'FAILED', error: 'Error: boom\n  at f', durationMs: 5, time: T0 + 17 });
      taskId++;
      ev.push({ kind: 'task-start', stageId: 0, stageAttempt: 0, taskId, index: i, attempt: 1, executorId: '0', host: '127.0.0.1', time: T0 + 18 });
      ev.push({ kind: 'task-end', stageId: 0, stageAttempt: 0, taskId, index: i, attempt: 1, executorId: '0', status: 'SUCCESS', durationMs: 40, metrics: metrics(i + 1), time: T0 + 58 });
    } else ev.push({ kind: 'task-end', stageId: 0, stageAttempt: 0, taskId, index: i, attempt: 0, executorId: ex, status: 'SUCCESS', durationMs: 10 * (i + 1), metrics: metrics(i + 1), time: T0 + 12 + 10 * (i + 1) });
    taskId++;
  }
  ev.push({ kind: 'sql-metric-update', executionId: 0, updates: [[0, 0], [1, 0], [2, 1], [3, 200], [4, 1], [5, 1], [6, 2], [7, 500]], time: T0 + 59 });
  ev.push({ kind: 'stage-completed', stageId: 0, attempt: 0, time: T0 + 60 });
  ev.push({ kind: 'stage-submitted', stageId: 1, attempt: 0, name: 'count at app.ts:12', numTasks: 2, parentIds: [0], rddIds: [2], time: T0 + 61 });
  for (let i = 0; i < 2; i++) {
    ev.push({ kind: 'task-start', stageId: 1, stageAttempt: 0, taskId, index: i, attempt: 0, executorId: '1', host: '127.0.0.1', time: T0 + 62 });
    ev.push({ kind: 'task-end', stageId: 1, stageAttempt: 0, taskId, index: i, attempt: 0, executorId: '1', status: 'SUCCESS', durationMs: 8, metrics: metrics(1), time: T0 + 70 });
    taskId++;
  }
  ev.push({ kind: 'stage-completed', stageId: 1, attempt: 0, time: T0 + 71 });
  ev.push({ kind: 'job-end', jobId: 0, succeeded: true, time: T0 + 72 });
  ev.push({ kind: 'sql-metric-update', executionId: 0, updates: [[0, 1], [1, 1.5], [2, 2], [3, 1536], [4, 1], [5, 2], [6, 4], [7, 1000]], time: T0 + 73 });
  ev.push({ kind: 'sql-execution-end', executionId: 0, jobIds: [0], time: T0 + 73 });
  ev.push({ kind: 'executor-removed', executorId: '1', reason: 'Executor heartbeat timed out', time: T0 + 80 });
  // a failed job whose second stage was never submitted
  ev.push({ kind: 'job-start', jobId: 1, stageIds: [2, 3], description: 'collect at app.ts:20', time: T0 + 90, jobGroup: 'etl' });
  ev.push({ kind: 'stage-submitted', stageId: 2, attempt: 0, name: 'flatMap at app.ts:19', numTasks: 1, parentIds: [], rddIds: [3], time: T0 + 91 });
  ev.push({ kind: 'task-start', stageId: 2, stageAttempt: 0, taskId, index: 0, attempt: 0, executorId: '0', host: '127.0.0.1', time: T0 + 92 });
  ev.push({ kind: 'task-end', stageId: 2, stageAttempt: 0, taskId, index: 0, attempt: 0, executorId: '0', status: 'FAILED', error: 'TypeError: x is undefined', durationMs: 3, time: T0 + 95 });
  taskId++;
  ev.push({ kind: 'stage-completed', stageId: 2, attempt: 0, failureReason: 'Job aborted due to stage failure: TypeError: x is undefined', time: T0 + 96 });
  ev.push({ kind: 'job-end', jobId: 1, succeeded: false, error: 'Job aborted due to stage failure', time: T0 + 97 });
  if (bigStageTasks > 0) {
    ev.push({ kind: 'job-start', jobId: 2, stageIds: [4], description: 'big job', time: T0 + 100 });
    ev.push({ kind: 'stage-submitted', stageId: 4, attempt: 0, name: 'big stage', numTasks: bigStageTasks, parentIds: [], rddIds: [9], time: T0 + 101 });
    for (let i = 0; i < bigStageTasks; i++) {
      const id = taskId++;
      ev.push({ kind: 'task-start', stageId: 4, stageAttempt: 0, taskId: id, index: i, attempt: 0, executorId: '0', host: '127.0.0.1', time: T0 + 102 + i });
      ev.push({ kind: 'task-end', stageId: 4, stageAttempt: 0, taskId: id, index: i, attempt: 0, executorId: '0', status: 'SUCCESS', durationMs: (i * 7919) % 1000, metrics: metrics(i % 100), time: T0 + 103 + i });
    }
  }
  return ev;
}
