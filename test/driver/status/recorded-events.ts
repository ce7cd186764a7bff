// A recorded application for status/UI tests: two executors (one lost), a two-stage job with a failed task
// attempt, a failed job, a SQL execution, and optionally one stage with many tasks.
import type { StatusEvent } from '../../../src/driver/status/status-events.js';
import { newTaskMetrics } from '../../../src/rdd/compute/task-env.js';

export const APP_ID = 'local-1700000000000';
export const T0 = 1_700_000_000_000;

export function metrics(i: number): ReturnType<typeof newTaskMetrics> {
  return { ...newTaskMetrics(), recordsRead: 10 * i, bytesRead: 100 * i, shuffleBytesWritten: 7 * i, shuffleRecordsWritten: i, shuffleBytesRead: 3 * i, shuffleRemoteBytesRead: i, shuffleRecordsRead: i, shuffleWriteTimeMs: 2, resultSize: 50 };
}

export function recordedEvents(bigStageTasks = 0): StatusEvent[] {
  const ev: StatusEvent[] = [
    { kind: 'application-start', appId: APP_ID, appName: 'Recorded App', time: T0, user: 'alice' },
    { kind: 'environment-update', sparkProperties: [['spark.master', 'local[2]'], ['spark.app.name', 'Recorded App'], ['spark.authenticate.secret', 'hunter2'], ['spark.my.password', 'pw'], ['spark.executor.memory', '2g']], systemProperties: [['user.name', 'alice']] },
    { kind: 'executor-added', executorId: '0', host: '127.0.0.1', cores: 2, time: T0 + 1 },
    { kind: 'executor-added', executorId: '1', host: '127.0.0.1', cores: 2, time: T0 + 2 },
    { kind: 'sql-execution-start', executionId: 0, description: 'SELECT count(*) FROM t', physicalPlan: 'HashAggregate(keys=[], functions=[count(1)])\n+- Exchange SinglePartition\n   +- HashAggregate(keys=[], functions=[partial_count(1)])\n      +- Scan t', time: T0 + 5 },
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
  ev.push({ kind: 'stage-completed', stageId: 0, attempt: 0, time: T0 + 60 });
  ev.push({ kind: 'stage-submitted', stageId: 1, attempt: 0, name: 'count at app.ts:12', numTasks: 2, parentIds: [0], rddIds: [2], time: T0 + 61 });
  for (let i = 0; i < 2; i++) {
    ev.push({ kind: 'task-start', stageId: 1, stageAttempt: 0, taskId, index: i, attempt: 0, executorId: '1', host: '127.0.0.1', time: T0 + 62 });
    ev.push({ kind: 'task-end', stageId: 1, stageAttempt: 0, taskId, index: i, attempt: 0, executorId: '1', status: 'SUCCESS', durationMs: 8, metrics: metrics(1), time: T0 + 70 });
    taskId++;
  }
  ev.push({ kind: 'stage-completed', stageId: 1, attempt: 0, time: T0 + 71 });
  ev.push({ kind: 'job-end', jobId: 0, succeeded: true, time: T0 + 72 });
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
