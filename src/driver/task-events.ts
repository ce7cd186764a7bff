// Status events and the job-failure error for one task attempt, built from the scheduler's launched-task record.
import { TsSparkError, type WireError } from '../common/errors.js';
import type { TaskMetrics } from '../rdd/compute/task-env.js';
import type { StatusEvent } from './status/status-events.js';
import type { LaunchedTask } from './task-scheduler.js';

type TaskEnd = Extract<StatusEvent, { kind: 'task-end' }>;

export function taskStartEvent(t: LaunchedTask, host: string): StatusEvent {
  return {
    kind: 'task-start', stageId: t.stage.id, stageAttempt: t.taskSet.stageAttempt, taskId: t.taskId, index: t.partition,
    attempt: t.attempt, executorId: t.executorId, host, time: Date.now(),
  };
}

export function taskEndEvent(t: LaunchedTask, executorId: string, status: TaskEnd['status'], durationMs: number, metrics?: TaskMetrics, error?: string): StatusEvent {
  return {
    kind: 'task-end', stageId: t.stage.id, stageAttempt: t.taskSet.stageAttempt, taskId: t.taskId, index: t.partition, attempt: t.attempt,
    executorId, status, durationMs, time: Date.now(), ...(metrics ? { metrics } : {}), ...(error !== undefined ? { error } : {}),
  };
}

/** Spark's "Job aborted due to stage failure" error, carrying the user's error and its executor-side stack. */
export function stageFailure(t: LaunchedTask, failures: number, err: Error, wire?: WireError): TsSparkError {
  const stageName = `${t.stage.id}.${t.taskSet.stageAttempt}`;
  const msg =
    `Job aborted due to stage failure: Task ${t.partition} in stage ${stageName} failed ${failures} times, most recent failure: ` +
    `Lost task ${t.partition}.${t.attempt} in stage ${stageName} (TID ${t.taskId}) (executor ${t.executorId}): ${wire?.stack ?? err.stack ?? err.message}`;
  return new TsSparkError('JOB_FAILED', msg, { cause: err, details: { stageId: t.stage.id, partition: t.partition, executorId: t.executorId, failures } });
}
