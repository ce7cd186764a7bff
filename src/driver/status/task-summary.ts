// Per-stage task metric distributions (quantiles) and sorted task lists, computed lazily from the retained tasks
// and cached per stage version, so a 100,000-task stage costs one sort per metric per change, not per request.
import type { StageView, TaskView } from './status-model.js';

export const SUMMARY_METRICS = [
  'duration', 'executorRunTime', 'jvmGcTime', 'resultSize', 'inputBytes', 'inputRecords', 'outputBytes', 'outputRecords',
  'shuffleReadBytes', 'shuffleReadRecords', 'shuffleRemoteBytesRead', 'shuffleFetchWaitTime', 'shuffleWriteBytes',
  'shuffleWriteRecords', 'shuffleWriteTime', 'memoryBytesSpilled', 'diskBytesSpilled',
] as const;
export type SummaryMetric = (typeof SUMMARY_METRICS)[number];

export function metricOf(t: TaskView, metric: SummaryMetric): number {
  const m = t.metrics;
  switch (metric) {
    case 'duration':
    case 'executorRunTime':
      return t.duration ?? 0;
    case 'jvmGcTime':
      return 0;
    case 'resultSize': return m?.resultSize ?? 0;
    case 'inputBytes': return m?.bytesRead ?? 0;
    case 'inputRecords': return m?.recordsRead ?? 0;
    case 'outputBytes': return m?.bytesWritten ?? 0;
    case 'outputRecords': return m?.recordsWritten ?? 0;
    case 'shuffleReadBytes': return m?.shuffleBytesRead ?? 0;
    case 'shuffleReadRecords': return m?.shuffleRecordsRead ?? 0;
    case 'shuffleRemoteBytesRead': return m?.shuffleRemoteBytesRead ?? 0;
    case 'shuffleFetchWaitTime': return m?.shuffleFetchWaitMs ?? 0;
    case 'shuffleWriteBytes': return m?.shuffleBytesWritten ?? 0;
    case 'shuffleWriteRecords': return m?.shuffleRecordsWritten ?? 0;
    case 'shuffleWriteTime': return m?.shuffleWriteTimeMs ?? 0;
    case 'memoryBytesSpilled': return m?.memoryBytesSpilled ?? 0;
    case 'diskBytesSpilled': return m?.diskBytesSpilled ?? 0;
  }
}

export interface TaskSummary {
  readonly quantiles: readonly number[];
  /** For each metric, its value at each quantile (empty arrays when no task has succeeded). */
  readonly values: Readonly<Record<SummaryMetric, readonly number[]>>;
  readonly count: number;
}

export type TaskSortKey = 'index' | 'taskId' | 'attempt' | 'executorId' | 'status' | 'launchTime' | SummaryMetric;

export function isTaskSortKey(s: string): s is TaskSortKey {
  return s === 'index' || s === 'taskId' || s === 'attempt' || s === 'executorId' || s === 'status' || s === 'launchTime' || (SUMMARY_METRICS as readonly string[]).includes(s);
}

interface StageCache {
  version: number;
  sortedMetrics: Map<SummaryMetric, Float64Array>;
  sortedTasks: Map<TaskSortKey, readonly TaskView[]>;
}

/** Caches keyed by the stage object: evicted stages drop their caches with them. */
export class TaskSummaries {
  private readonly caches = new WeakMap<StageView, StageCache>();

  private cacheFor(stage: StageView): StageCache {
    let c = this.caches.get(stage);
    if (!c || c.version !== stage.version) {
      c = { version: stage.version, sortedMetrics: new Map(), sortedTasks: new Map() };
      this.caches.set(stage, c);
    }
    return c;
  }

  private sorted(stage: StageView, metric: SummaryMetric): Float64Array {
    const c = this.cacheFor(stage);
    let a = c.sortedMetrics.get(metric);
    if (!a) {
      let n = 0;
      for (const t of stage.tasks.values()) if (t.status === 'SUCCESS') n++;
      a = new Float64Array(n);
      let i = 0;
      for (const t of stage.tasks.values()) if (t.status === 'SUCCESS') a[i++] = metricOf(t, metric);
      a.sort();
      c.sortedMetrics.set(metric, a);
    }
    return a;
  }

  /** Quantiles (0..1) of every summary metric over the stage's retained successful tasks. */
  summary(stage: StageView, quantiles: readonly number[]): TaskSummary {
    const values = {} as Record<SummaryMetric, number[]>;
    let count = 0;
    for (const metric of SUMMARY_METRICS) {
      const a = this.sorted(stage, metric);
      count = a.length;
      values[metric] = a.length === 0 ? [] : quantiles.map((q) => a[Math.min(a.length - 1, Math.max(0, Math.round(q * (a.length - 1))))]!);
    }
    return { quantiles, values, count };
  }

  /** One page of the stage's retained tasks, sorted by `key`. */
  page(stage: StageView, key: TaskSortKey, desc: boolean, offset: number, length: number): readonly TaskView[] {
    const c = this.cacheFor(stage);
    let list = c.sortedTasks.get(key);
    if (!list) {
      const all = [...stage.tasks.values()];
      if (key !== 'taskId') all.sort(comparator(key));
      list = all;
      c.sortedTasks.set(key, list);
    }
    if (!desc) return list.slice(offset, offset + length);
    const end = Math.max(0, list.length - offset);
    return list.slice(Math.max(0, end - length), end).reverse();
  }
}

function comparator(key: TaskSortKey): (a: TaskView, b: TaskView) => number {
  switch (key) {
    case 'index': return (a, b) => a.index - b.index || a.attempt - b.attempt;
    case 'taskId': return (a, b) => a.taskId - b.taskId;
    case 'attempt': return (a, b) => a.attempt - b.attempt || a.taskId - b.taskId;
    case 'launchTime': return (a, b) => a.launchTime - b.launchTime || a.taskId - b.taskId;
    case 'executorId': return (a, b) => (a.executorId < b.executorId ? -1 : a.executorId > b.executorId ? 1 : a.taskId - b.taskId);
    case 'status': return (a, b) => (a.status < b.status ? -1 : a.status > b.status ? 1 : a.taskId - b.taskId);
    default: return (a, b) => metricOf(a, key) - metricOf(b, key) || a.taskId - b.taskId;
  }
}
