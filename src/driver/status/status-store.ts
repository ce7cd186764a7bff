// The status store: folds status events into the bounded read model (jobs, stages with tasks, executors, SQL
// executions, environment). The driver UI, the REST API and the history server read it through StatusReader.
import { assertNever } from '../../common/assert.js';
import type { StatusEvent } from './status-events.js';
import {
  addMetrics, applySqlUpdate, newMetricTotals, type AppView, type EnvironmentView, type ExecutorStageView, type ExecutorView, type JobView,
  type SqlExecutionView, type StageView, type TaskView,
} from './status-model.js';
import { TaskSummaries, type TaskSortKey, type TaskSummary } from './task-summary.js';
import { maxMetrics } from '../../executor/executor-metrics.js';

export interface StatusStoreLimits {
  readonly retainedJobs: number;
  readonly retainedStages: number;
  readonly retainedTasks: number;
  readonly retainedSqlExecutions: number;
}

export const DEFAULT_LIMITS: StatusStoreLimits = { retainedJobs: 1000, retainedStages: 1000, retainedTasks: 100_000, retainedSqlExecutions: 1000 };

/** What changed with one event, for live updates. */
export type StatusChange = 'app' | 'job' | 'stage' | 'task' | 'executor' | 'sql' | 'environment';

/** The read-only face of the store. Returned objects must not be modified. */
export interface StatusReader {
  readonly app: Readonly<AppView>;
  readonly environment: Readonly<EnvironmentView>;
  jobs(): ReadonlyArray<Readonly<JobView>>;
  job(jobId: number): Readonly<JobView> | undefined;
  /** Every retained stage attempt, newest first. */
  stages(): ReadonlyArray<Readonly<StageView>>;
  stage(stageId: number, attemptId?: number): Readonly<StageView> | undefined;
  stageAttempts(stageId: number): ReadonlyArray<Readonly<StageView>>;
  executors(): ReadonlyArray<Readonly<ExecutorView>>;
  sqlExecutions(): ReadonlyArray<Readonly<SqlExecutionView>>;
  sqlExecution(id: number): Readonly<SqlExecutionView> | undefined;
  taskSummary(stage: Readonly<StageView>, quantiles: readonly number[]): TaskSummary;
  taskPage(stage: Readonly<StageView>, sortBy: TaskSortKey, desc: boolean, offset: number, length: number): ReadonlyArray<Readonly<TaskView>>;
  /** Called after every folded event; returns an unsubscribe function. */
  onChange(listener: (change: StatusChange) => void): () => void;
}

const key = (stageId: number, attempt: number): string => `${stageId}:${attempt}`;

export class StatusStore implements StatusReader {
  readonly app: AppView = { id: '', name: '', user: '', startTime: 0, endTime: undefined, lastUpdated: 0 };
  readonly environment: EnvironmentView = { sparkProperties: [], systemProperties: [] };
  private readonly jobMap = new Map<number, JobView>();
  private readonly stageMap = new Map<string, StageView>();
  private readonly latestAttempt = new Map<number, number>();
  private readonly stageJobs = new Map<number, number[]>();
  private readonly executorMap = new Map<string, ExecutorView>();
  private readonly sqlMap = new Map<number, SqlExecutionView>();
  private readonly summaries = new TaskSummaries();
  private readonly listeners = new Set<(c: StatusChange) => void>();
  readonly limits: StatusStoreLimits;

  constructor(limits: Partial<StatusStoreLimits> = {}) {
    this.limits = { ...DEFAULT_LIMITS, ...limits };
  }

  /** Folds one event (the store's only writer). */
  apply(e: StatusEvent): void {
    if ('time' in e) this.app.lastUpdated = Math.max(this.app.lastUpdated, e.time);
    const change = this.fold(e);
    for (const l of this.listeners) l(change);
  }

  private fold(e: StatusEvent): StatusChange {
    switch (e.kind) {
      case 'application-start':
        Object.assign(this.app, { id: e.appId, name: e.appName, user: e.user, startTime: e.time });
        return 'app';
      case 'application-end':
        this.app.endTime = e.time;
        return 'app';
      case 'environment-update':
        this.environment.sparkProperties = e.sparkProperties;
        this.environment.systemProperties = e.systemProperties;
        return 'environment';
      case 'executor-added':
        this.executorMap.set(e.executorId, {
          ...newMetricTotals(), id: e.executorId, host: e.host, totalCores: e.cores, addTime: e.time, isActive: true,
          removeTime: undefined, removeReason: undefined, peakMemoryMetrics: undefined, activeTasks: 0, failedTasks: 0, completedTasks: 0, totalTasks: 0,
        });
        return 'executor';
      case 'executor-removed': {
        const x = this.executorMap.get(e.executorId);
        if (x) Object.assign(x, { isActive: false, removeTime: e.time, removeReason: e.reason });
        return 'executor';
      }
      case 'executor-metrics-update': {
        const x = this.executorMap.get(e.executorId);
        if (x) x.peakMemoryMetrics = maxMetrics(x.peakMemoryMetrics, e.peakMemoryMetrics);
        return 'executor';
      }
      case 'job-start':
        this.onJobStart(e);
        return 'job';
      case 'job-end':
        this.onJobEnd(e);
        return 'job';
      case 'stage-submitted':
        this.onStageSubmitted(e);
        return 'stage';
      case 'stage-completed': {
        const s = this.stageMap.get(key(e.stageId, e.attempt));
        if (!s) return 'stage';
        s.completionTime = e.time;
        s.status = e.failureReason === undefined ? 'COMPLETE' : 'FAILED';
        s.failureReason = e.failureReason;
        for (const j of this.jobsOf(e.stageId)) {
          j.numActiveStages = Math.max(0, j.numActiveStages - 1);
          if (s.status === 'COMPLETE') j.numCompletedStages++;
          else j.numFailedStages++;
        }
        return 'stage';
      }
      case 'task-start':
        this.onTaskStart(e);
        return 'task';
      case 'task-end':
        this.onTaskEnd(e);
        return 'task';
      case 'sql-execution-start':
        this.sqlMap.set(e.executionId, {
          executionId: e.executionId, description: e.description, physicalPlan: e.physicalPlan, submissionTime: e.time,
          completionTime: undefined, status: 'RUNNING', error: undefined, jobIds: [], graph: e.graph, metricValues: new Map(),
        });
        evict(this.sqlMap, this.limits.retainedSqlExecutions, (x) => x.status !== 'RUNNING');
        return 'sql';
      case 'sql-adaptive-execution-update': case 'sql-metric-update':
        applySqlUpdate(this.sqlMap.get(e.executionId), e);
        return 'sql';
      case 'sql-execution-end': {
        const x = this.sqlMap.get(e.executionId);
        if (!x) return 'sql';
        Object.assign(x, { completionTime: e.time, status: e.error === undefined ? 'COMPLETED' : 'FAILED', error: e.error, jobIds: [...e.jobIds] });
        for (const id of e.jobIds) {
          const j = this.jobMap.get(id);
          if (j) j.sqlExecutionId = e.executionId;
        }
        return 'sql';
      }
      default:
        return assertNever(e);
    }
  }

  private onJobStart(e: Extract<StatusEvent, { kind: 'job-start' }>): void {
    this.jobMap.set(e.jobId, {
      jobId: e.jobId, name: e.description, jobGroup: e.jobGroup, submissionTime: e.time, stageIds: [...e.stageIds], completionTime: undefined,
      status: 'RUNNING', error: undefined, numTasks: 0, numActiveTasks: 0, numCompletedTasks: 0, numFailedTasks: 0, numKilledTasks: 0,
      numActiveStages: 0, numCompletedStages: 0, numFailedStages: 0, numSkippedStages: 0, numSkippedTasks: 0, sqlExecutionId: undefined,
    });
    for (const s of e.stageIds) {
      const list = this.stageJobs.get(s) ?? [];
      list.push(e.jobId);
      this.stageJobs.set(s, list);
    }
    evict(this.jobMap, this.limits.retainedJobs, (j) => j.status !== 'RUNNING', (j) => {
      for (const s of j.stageIds) {
        const list = this.stageJobs.get(s)?.filter((id) => id !== j.jobId);
        if (list && list.length > 0) this.stageJobs.set(s, list);
        else this.stageJobs.delete(s);
      }
    });
  }

  private onJobEnd(e: Extract<StatusEvent, { kind: 'job-end' }>): void {
    const j = this.jobMap.get(e.jobId);
    if (!j) return;
    j.completionTime = e.time;
    j.status = e.succeeded ? 'SUCCEEDED' : 'FAILED';
    j.error = e.error;
    // stages of the job never submitted (their output already existed) are skipped, as in Spark
    for (const id of j.stageIds) {
      if (this.latestAttempt.has(id)) continue;
      j.numSkippedStages++;
    }
    j.numActiveStages = 0;
  }

  private onStageSubmitted(e: Extract<StatusEvent, { kind: 'stage-submitted' }>): void {
    const jobIds = (this.stageJobs.get(e.stageId) ?? []).filter((id) => this.jobMap.get(id)?.status === 'RUNNING');
    const s: StageView = {
      ...newMetricTotals(), stageId: e.stageId, attemptId: e.attempt, name: e.name, numTasks: e.numTasks, parentIds: [...e.parentIds],
      rddIds: [...e.rddIds], submissionTime: e.time, jobIds, status: 'ACTIVE', completionTime: undefined, firstTaskLaunchedTime: undefined,
      failureReason: undefined, numActiveTasks: 0, numCompleteTasks: 0, numFailedTasks: 0, numKilledTasks: 0, numCompletedIndices: 0,
      tasks: new Map(), executors: new Map(), version: 0,
    };
    this.stageMap.set(key(e.stageId, e.attempt), s);
    this.latestAttempt.set(e.stageId, Math.max(e.attempt, this.latestAttempt.get(e.stageId) ?? -1));
    for (const id of jobIds) {
      const j = this.jobMap.get(id)!;
      j.numTasks += e.numTasks;
      j.numActiveStages++;
    }
    evict(this.stageMap, this.limits.retainedStages, (x) => x.status !== 'ACTIVE', (x) => {
      if (this.latestAttempt.get(x.stageId) === x.attemptId) this.latestAttempt.delete(x.stageId);
    });
  }

  private onTaskStart(e: Extract<StatusEvent, { kind: 'task-start' }>): void {
    const s = this.stageMap.get(key(e.stageId, e.stageAttempt));
    if (s) {
      s.tasks.set(e.taskId, {
        taskId: e.taskId, index: e.index, attempt: e.attempt, launchTime: e.time, executorId: e.executorId, host: e.host, status: 'RUNNING',
        finishTime: undefined, duration: undefined, errorMessage: undefined, metrics: undefined,
      });
      s.numActiveTasks++;
      s.firstTaskLaunchedTime ??= e.time;
      s.version++;
      evict(s.tasks, this.limits.retainedTasks, (t) => t.status !== 'RUNNING');
      for (const j of this.jobsOf(e.stageId)) j.numActiveTasks++;
    }
    const x = this.executorMap.get(e.executorId);
    if (x) x.activeTasks++;
  }

  private onTaskEnd(e: Extract<StatusEvent, { kind: 'task-end' }>): void {
    const ok = e.status === 'SUCCESS';
    const killed = e.status === 'KILLED';
    const s = this.stageMap.get(key(e.stageId, e.stageAttempt));
    let wasRunning = true;
    if (s) {
      let t = s.tasks.get(e.taskId);
      if (!t) {
        // start evicted or never seen (e.g. a truncated log): record the task from its end
        t = { taskId: e.taskId, index: e.index, attempt: e.attempt, launchTime: e.time - e.durationMs, executorId: e.executorId, host: '', status: 'RUNNING', finishTime: undefined, duration: undefined, errorMessage: undefined, metrics: undefined };
        s.tasks.set(e.taskId, t);
        wasRunning = false;
        evict(s.tasks, this.limits.retainedTasks, (x) => x.status !== 'RUNNING');
      } else wasRunning = t.status === 'RUNNING';
      if (!wasRunning && t.status !== 'RUNNING') return; // duplicate end
      Object.assign(t, { status: e.status, finishTime: e.time, duration: e.durationMs, errorMessage: e.error, metrics: e.metrics });
      if (wasRunning) s.numActiveTasks = Math.max(0, s.numActiveTasks - 1);
      if (ok) {
        s.numCompleteTasks++;
        s.numCompletedIndices++;
        addMetrics(s, e.durationMs, e.metrics);
      } else if (killed) s.numKilledTasks++;
      else s.numFailedTasks++;
      const xs = s.executors.get(e.executorId) ?? newExecutorStage(e.executorId);
      s.executors.set(e.executorId, xs);
      xs.taskTime += e.durationMs;
      if (ok) {
        xs.succeededTasks++;
        addMetrics(xs, e.durationMs, e.metrics);
      } else if (killed) xs.killedTasks++;
      else xs.failedTasks++;
      s.version++;
      for (const j of this.jobsOf(e.stageId)) {
        if (wasRunning) j.numActiveTasks = Math.max(0, j.numActiveTasks - 1);
        if (ok) j.numCompletedTasks++;
        else if (killed) j.numKilledTasks++;
        else j.numFailedTasks++;
      }
    }
    const x = this.executorMap.get(e.executorId);
    if (x) {
      if (wasRunning) x.activeTasks = Math.max(0, x.activeTasks - 1);
      x.totalTasks++;
      if (ok) {
        x.completedTasks++;
        addMetrics(x, e.durationMs, e.metrics);
      } else if (!killed) x.failedTasks++;
    }
  }

  private jobsOf(stageId: number): JobView[] {
    const out: JobView[] = [];
    for (const id of this.stageJobs.get(stageId) ?? []) {
      const j = this.jobMap.get(id);
      if (j && j.status === 'RUNNING') out.push(j);
    }
    return out;
  }

  // ---- StatusReader
  jobs(): readonly JobView[] { return [...this.jobMap.values()].reverse(); }
  job(jobId: number): JobView | undefined { return this.jobMap.get(jobId); }
  stages(): readonly StageView[] { return [...this.stageMap.values()].reverse(); }
  stage(stageId: number, attemptId?: number): StageView | undefined {
    return this.stageMap.get(key(stageId, attemptId ?? this.latestAttempt.get(stageId) ?? 0));
  }
  stageAttempts(stageId: number): readonly StageView[] {
    const out: StageView[] = [];
    for (let a = 0; a <= (this.latestAttempt.get(stageId) ?? -1); a++) {
      const s = this.stageMap.get(key(stageId, a));
      if (s) out.push(s);
    }
    return out;
  }
  executors(): readonly ExecutorView[] { return [...this.executorMap.values()]; }
  sqlExecutions(): readonly SqlExecutionView[] { return [...this.sqlMap.values()].reverse(); }
  sqlExecution(id: number): SqlExecutionView | undefined { return this.sqlMap.get(id); }
  taskSummary(stage: StageView, quantiles: readonly number[]): TaskSummary { return this.summaries.summary(stage, quantiles); }
  taskPage(stage: StageView, sortBy: TaskSortKey, desc: boolean, offset: number, length: number): readonly TaskView[] {
    return this.summaries.page(stage, sortBy, desc, offset, length);
  }
  onChange(listener: (change: StatusChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

function newExecutorStage(executorId: string): ExecutorStageView {
  return { ...newMetricTotals(), executorId, taskTime: 0, failedTasks: 0, succeededTasks: 0, killedTasks: 0 };
}

/** Drops the oldest evictable entries (insertion order) while the map holds more than `limit`. */
function evict<K, V>(map: Map<K, V>, limit: number, evictable: (v: V) => boolean, onEvict?: (v: V) => void): void {
  if (map.size <= limit) return;
  // evict in batches of 10% (as Spark's cleaner) so a full map does not scan on every insert
  const target = Math.max(0, limit - Math.max(1, Math.floor(limit / 10)));
  for (const [k, v] of map) {
    if (map.size <= target) break;
    if (!evictable(v)) continue;
    map.delete(k);
    onEvict?.(v);
  }
}
