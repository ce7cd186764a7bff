// Status events posted by the schedulers (Spark's listener events): the input of the status store, the UI and
// the event log. Plain data, JSON-serializable.
import type { ExecutorMemoryMetrics } from '../../executor/executor-metrics.js';
import type { TaskMetrics } from '../../rdd/compute/task-env.js';
import type { SqlPlanGraph } from '../../sql/execution/sql-plan-graph.js';

export type StatusEvent =
  | { readonly kind: 'application-start'; readonly appId: string; readonly appName: string; readonly time: number; readonly user: string }
  | { readonly kind: 'application-end'; readonly time: number }
  | { readonly kind: 'executor-added'; readonly executorId: string; readonly host: string; readonly cores: number; readonly time: number }
  | { readonly kind: 'executor-removed'; readonly executorId: string; readonly reason: string; readonly time: number }
  // an executor's memory peaks so far, from its heartbeat (Spark's SparkListenerExecutorMetricsUpdate)
  | { readonly kind: 'executor-metrics-update'; readonly executorId: string; readonly peakMemoryMetrics: ExecutorMemoryMetrics; readonly time: number }
  | { readonly kind: 'job-start'; readonly jobId: number; readonly stageIds: readonly number[]; readonly description: string; readonly time: number; readonly jobGroup?: string }
  | { readonly kind: 'job-end'; readonly jobId: number; readonly succeeded: boolean; readonly error?: string; readonly time: number }
  | { readonly kind: 'stage-submitted'; readonly stageId: number; readonly attempt: number; readonly name: string; readonly numTasks: number; readonly parentIds: readonly number[]; readonly rddIds: readonly number[]; readonly time: number }
  | { readonly kind: 'stage-completed'; readonly stageId: number; readonly attempt: number; readonly failureReason?: string; readonly time: number }
  | { readonly kind: 'task-start'; readonly stageId: number; readonly stageAttempt: number; readonly taskId: number; readonly index: number; readonly attempt: number; readonly executorId: string; readonly host: string; readonly time: number }
  | {
      readonly kind: 'task-end';
      readonly stageId: number;
      readonly stageAttempt: number;
      readonly taskId: number;
      readonly index: number;
      readonly attempt: number;
      readonly executorId: string;
      readonly status: 'SUCCESS' | 'FAILED' | 'KILLED' | 'FETCH_FAILED' | 'EXECUTOR_LOST';
      readonly error?: string;
      readonly durationMs: number;
      readonly metrics?: TaskMetrics;
      readonly time: number;
    }
  // posted once at start-up (Spark's SparkListenerEnvironmentUpdate): the resolved configuration, unredacted
  | { readonly kind: 'environment-update'; readonly sparkProperties: ReadonlyArray<readonly [string, string]>; readonly systemProperties: ReadonlyArray<readonly [string, string]> }
  // posted by the SQL engine around each query execution (Spark's SparkListenerSQLExecutionStart/End)
  | { readonly kind: 'sql-execution-start'; readonly executionId: number; readonly description: string; readonly physicalPlan: string; readonly time: number; readonly graph?: SqlPlanGraph }
  // the plan that actually ran differs from the one announced (e.g. scalar subqueries folded in): Spark's
  // SparkListenerSQLAdaptiveExecutionUpdate
  | { readonly kind: 'sql-adaptive-execution-update'; readonly executionId: number; readonly physicalPlan: string; readonly graph: SqlPlanGraph; readonly time: number }
  // current values of an execution's operator metrics, [metric id, value] (Spark's SparkListenerDriverAccumUpdates)
  | { readonly kind: 'sql-metric-update'; readonly executionId: number; readonly updates: ReadonlyArray<readonly [number, number]>; readonly time: number }
  | { readonly kind: 'sql-execution-end'; readonly executionId: number; readonly jobIds: readonly number[]; readonly error?: string; readonly time: number };

export type StatusListener = (e: StatusEvent) => void;

/** Delivers events to listeners; a listener that throws is reported once and does not stop the others. */
export class StatusBus {
  private readonly listeners = new Set<StatusListener>();

  subscribe(l: StatusListener): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  post(e: StatusEvent): void {
    for (const l of this.listeners) {
      try {
        l(e);
      } catch (err) {
        process.emitWarning(`status listener failed on ${e.kind}: ${String(err)}`);
      }
    }
  }
}
