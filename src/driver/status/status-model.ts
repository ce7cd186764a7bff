// The status store's read model: what the UI, the REST API and the history server see. Views are live objects
// owned by the store; readers must treat them as read-only (the StatusReader interface hands them out readonly).
import type { TaskMetrics } from '../../rdd/compute/task-env.js';
import type { SqlPlanGraph } from '../../sql/execution/sql-plan-graph.js';
import type { StatusEvent } from './status-events.js';
import type { ExecutorMemoryMetrics } from '../../executor/executor-metrics.js';

export type JobStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'UNKNOWN';
export type StageStatus = 'ACTIVE' | 'COMPLETE' | 'FAILED' | 'PENDING' | 'SKIPPED';
export type TaskStatus = 'RUNNING' | 'SUCCESS' | 'FAILED' | 'KILLED' | 'FETCH_FAILED' | 'EXECUTOR_LOST';

export interface AppView {
  id: string;
  name: string;
  user: string;
  startTime: number;
  endTime: number | undefined;
  lastUpdated: number;
}

export interface JobView {
  readonly jobId: number;
  readonly name: string;
  readonly jobGroup: string | undefined;
  readonly submissionTime: number;
  readonly stageIds: readonly number[];
  completionTime: number | undefined;
  status: JobStatus;
  error: string | undefined;
  numTasks: number;
  numActiveTasks: number;
  numCompletedTasks: number;
  numFailedTasks: number;
  numKilledTasks: number;
  numActiveStages: number;
  numCompletedStages: number;
  numFailedStages: number;
  numSkippedStages: number;
  numSkippedTasks: number;
  sqlExecutionId: number | undefined;
}

/** Sums of the task metrics (Spark's StageData totals and per-executor summaries). */
export interface MetricTotals {
  executorRunTime: number;
  inputBytes: number;
  inputRecords: number;
  outputBytes: number;
  outputRecords: number;
  shuffleReadBytes: number;
  shuffleReadRecords: number;
  shuffleRemoteBytesRead: number;
  shuffleFetchWaitTime: number;
  shuffleWriteBytes: number;
  shuffleWriteRecords: number;
  shuffleWriteTime: number;
  memoryBytesSpilled: number;
  diskBytesSpilled: number;
  resultSize: number;
}

export function newMetricTotals(): MetricTotals {
  return {
    executorRunTime: 0, inputBytes: 0, inputRecords: 0, outputBytes: 0, outputRecords: 0, shuffleReadBytes: 0, shuffleReadRecords: 0,
    shuffleRemoteBytesRead: 0, shuffleFetchWaitTime: 0, shuffleWriteBytes: 0, shuffleWriteRecords: 0, shuffleWriteTime: 0,
    memoryBytesSpilled: 0, diskBytesSpilled: 0, resultSize: 0,
  };
}

export function addMetrics(t: MetricTotals, durationMs: number, m: TaskMetrics | undefined): void {
  t.executorRunTime += durationMs;
  if (!m) return;
  t.inputBytes += m.bytesRead;
  t.inputRecords += m.recordsRead;
  t.outputBytes += m.bytesWritten;
  t.outputRecords += m.recordsWritten;
  t.shuffleReadBytes += m.shuffleBytesRead;
  t.shuffleReadRecords += m.shuffleRecordsRead;
  t.shuffleRemoteBytesRead += m.shuffleRemoteBytesRead;
  t.shuffleFetchWaitTime += m.shuffleFetchWaitMs;
  t.shuffleWriteBytes += m.shuffleBytesWritten;
  t.shuffleWriteRecords += m.shuffleRecordsWritten;
  t.shuffleWriteTime += m.shuffleWriteTimeMs;
  t.memoryBytesSpilled += m.memoryBytesSpilled;
  t.diskBytesSpilled += m.diskBytesSpilled;
  t.resultSize += m.resultSize;
}

export interface TaskView {
  readonly taskId: number;
  readonly index: number;
  readonly attempt: number;
  readonly launchTime: number;
  readonly executorId: string;
  readonly host: string;
  status: TaskStatus;
  finishTime: number | undefined;
  duration: number | undefined;
  errorMessage: string | undefined;
  metrics: TaskMetrics | undefined;
}

export interface ExecutorStageView extends MetricTotals {
  readonly executorId: string;
  taskTime: number;
  failedTasks: number;
  succeededTasks: number;
  killedTasks: number;
}

export interface StageView extends MetricTotals {
  readonly stageId: number;
  readonly attemptId: number;
  readonly name: string;
  readonly numTasks: number;
  readonly parentIds: readonly number[];
  readonly rddIds: readonly number[];
  readonly submissionTime: number;
  readonly jobIds: number[];
  status: StageStatus;
  completionTime: number | undefined;
  firstTaskLaunchedTime: number | undefined;
  failureReason: string | undefined;
  numActiveTasks: number;
  numCompleteTasks: number;
  numFailedTasks: number;
  numKilledTasks: number;
  numCompletedIndices: number;
  /** Retained tasks by task id (bounded by spark.ui.retainedTasks; the counters above count every task). */
  readonly tasks: Map<number, TaskView>;
  readonly executors: Map<string, ExecutorStageView>;
  /** Bumped on every task change: caches of quantiles and sorted task lists compare it. */
  version: number;
}

export interface ExecutorView extends MetricTotals {
  readonly id: string;
  readonly host: string;
  readonly totalCores: number;
  readonly addTime: number;
  isActive: boolean;
  removeTime: number | undefined;
  removeReason: string | undefined;
  /** Memory peaks reported by the executor's heartbeats (undefined until the first one). */
  peakMemoryMetrics: ExecutorMemoryMetrics | undefined;
  activeTasks: number;
  failedTasks: number;
  completedTasks: number;
  totalTasks: number;
}

export interface SqlExecutionView {
  readonly executionId: number;
  readonly description: string;
  physicalPlan: string;
  readonly submissionTime: number;
  completionTime: number | undefined;
  status: 'RUNNING' | 'COMPLETED' | 'FAILED';
  error: string | undefined;
  jobIds: number[];
  /** The plan's operators and their metric definitions (absent in event logs of older versions). */
  graph: SqlPlanGraph | undefined;
  /** Latest value of each operator metric, by metric id. */
  readonly metricValues: Map<number, number>;
}

/** Folds a plan replacement (metrics start over) or a metric snapshot (latest value per id) into an execution. */
export function applySqlUpdate(x: SqlExecutionView | undefined, e: Extract<StatusEvent, { kind: 'sql-adaptive-execution-update' | 'sql-metric-update' }>): void {
  if (!x) return;
  if (e.kind === 'sql-metric-update') {
    for (const [id, v] of e.updates) x.metricValues.set(id, v);
    return;
  }
  x.physicalPlan = e.physicalPlan;
  x.graph = e.graph;
  x.metricValues.clear();
}

export interface EnvironmentView {
  sparkProperties: ReadonlyArray<readonly [string, string]>;
  systemProperties: ReadonlyArray<readonly [string, string]>;
}
