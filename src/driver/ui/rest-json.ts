// Converts the status store's views into Spark's REST API JSON (field names of org.apache.spark.status.api.v1:
// ApplicationInfo, JobData, StageData, TaskData, TaskMetricDistributions, ExecutorSummary, RDDStorageInfo…).
import type { ExecutorStageView, ExecutorView, JobView, MetricTotals, SqlExecutionView, StageView, TaskView, AppView } from '../status/status-model.js';
import type { TaskSummary } from '../status/task-summary.js';
import { nodeMetrics } from './sql-node-metrics.js';
import { TSSPARK_VERSION } from '../status/event-log-writer.js';
import { restDate } from './format.js';
import { describeStorageLevel, type RddStorageView } from './ui-source.js';

type Json = Record<string, unknown>;

export function applicationJson(app: Readonly<AppView>, now: number): Json {
  const completed = app.endTime !== undefined;
  const end = app.endTime ?? -1;
  return {
    id: app.id, name: app.name,
    attempts: [{
      startTime: restDate(app.startTime), endTime: restDate(completed ? end : -1), lastUpdated: restDate(app.lastUpdated || app.startTime),
      duration: (app.endTime ?? now) - app.startTime, sparkUser: app.user, completed, appSparkVersion: TSSPARK_VERSION,
      startTimeEpoch: app.startTime, endTimeEpoch: end, lastUpdatedEpoch: app.lastUpdated || app.startTime,
    }],
  };
}

export function jobJson(j: Readonly<JobView>): Json {
  return {
    jobId: j.jobId, name: j.name, description: j.name, submissionTime: restDate(j.submissionTime),
    ...(j.completionTime !== undefined ? { completionTime: restDate(j.completionTime) } : {}),
    stageIds: j.stageIds, ...(j.jobGroup !== undefined ? { jobGroup: j.jobGroup } : {}), jobTags: [], status: j.status,
    numTasks: j.numTasks, numActiveTasks: j.numActiveTasks, numCompletedTasks: j.numCompletedTasks, numSkippedTasks: j.numSkippedTasks,
    numFailedTasks: j.numFailedTasks, numKilledTasks: j.numKilledTasks, numCompletedIndices: j.numCompletedTasks,
    numActiveStages: j.numActiveStages, numCompletedStages: j.numCompletedStages, numSkippedStages: j.numSkippedStages,
    numFailedStages: j.numFailedStages, killedTasksSummary: {},
  };
}

function totalsJson(t: MetricTotals): Json {
  return {
    executorDeserializeTime: 0, executorDeserializeCpuTime: 0, executorRunTime: t.executorRunTime, executorCpuTime: 0, resultSize: t.resultSize,
    jvmGcTime: 0, resultSerializationTime: 0, memoryBytesSpilled: t.memoryBytesSpilled, diskBytesSpilled: t.diskBytesSpilled, peakExecutionMemory: 0,
    inputBytes: t.inputBytes, inputRecords: t.inputRecords, outputBytes: t.outputBytes, outputRecords: t.outputRecords,
    shuffleRemoteBlocksFetched: 0, shuffleLocalBlocksFetched: 0, shuffleFetchWaitTime: t.shuffleFetchWaitTime, shuffleRemoteBytesRead: t.shuffleRemoteBytesRead,
    shuffleRemoteBytesReadToDisk: 0, shuffleLocalBytesRead: t.shuffleReadBytes - t.shuffleRemoteBytesRead, shuffleReadBytes: t.shuffleReadBytes,
    shuffleReadRecords: t.shuffleReadRecords, shuffleWriteBytes: t.shuffleWriteBytes, shuffleWriteTime: t.shuffleWriteTime * 1e6, shuffleWriteRecords: t.shuffleWriteRecords,
  };
}

export function stageJson(s: Readonly<StageView>, tasks?: readonly TaskView[]): Json {
  return {
    status: s.status, stageId: s.stageId, attemptId: s.attemptId, numTasks: s.numTasks, numActiveTasks: s.numActiveTasks,
    numCompleteTasks: s.numCompleteTasks, numFailedTasks: s.numFailedTasks, numKilledTasks: s.numKilledTasks, numCompletedIndices: s.numCompletedIndices,
    submissionTime: restDate(s.submissionTime),
    ...(s.firstTaskLaunchedTime !== undefined ? { firstTaskLaunchedTime: restDate(s.firstTaskLaunchedTime) } : {}),
    ...(s.completionTime !== undefined ? { completionTime: restDate(s.completionTime) } : {}),
    ...(s.failureReason !== undefined ? { failureReason: s.failureReason } : {}),
    ...totalsJson(s), name: s.name, details: '', schedulingPool: 'default', rddIds: s.rddIds, parentIds: s.parentIds, jobIds: s.jobIds,
    accumulatorUpdates: [], killedTasksSummary: {}, resourceProfileId: 0,
    ...(tasks ? { tasks: Object.fromEntries(tasks.map((t) => [String(t.taskId), taskJson(t)])), executorSummary: Object.fromEntries([...s.executors.values()].map((x) => [x.executorId, executorStageJson(x)])) } : {}),
  };
}

export function executorStageJson(x: Readonly<ExecutorStageView>): Json {
  return {
    taskTime: x.taskTime, failedTasks: x.failedTasks, succeededTasks: x.succeededTasks, killedTasks: x.killedTasks,
    inputBytes: x.inputBytes, inputRecords: x.inputRecords, outputBytes: x.outputBytes, outputRecords: x.outputRecords,
    shuffleRead: x.shuffleReadBytes, shuffleReadRecords: x.shuffleReadRecords, shuffleWrite: x.shuffleWriteBytes, shuffleWriteRecords: x.shuffleWriteRecords,
    memoryBytesSpilled: x.memoryBytesSpilled, diskBytesSpilled: x.diskBytesSpilled, isBlacklistedForStage: false, isExcludedForStage: false,
  };
}

export function taskJson(t: Readonly<TaskView>): Json {
  const m = t.metrics;
  return {
    taskId: t.taskId, index: t.index, attempt: t.attempt, partitionId: t.index, launchTime: restDate(t.launchTime),
    ...(t.duration !== undefined ? { duration: t.duration } : {}), executorId: t.executorId, host: t.host, status: t.status,
    taskLocality: 'PROCESS_LOCAL', speculative: false, accumulatorUpdates: [], ...(t.errorMessage !== undefined ? { errorMessage: t.errorMessage } : {}),
    ...(m ? {
      taskMetrics: {
        executorDeserializeTime: 0, executorDeserializeCpuTime: 0, executorRunTime: t.duration ?? 0, executorCpuTime: 0, resultSize: m.resultSize,
        jvmGcTime: 0, resultSerializationTime: 0, memoryBytesSpilled: m.memoryBytesSpilled, diskBytesSpilled: m.diskBytesSpilled, peakExecutionMemory: 0,
        inputMetrics: { bytesRead: m.bytesRead, recordsRead: m.recordsRead },
        outputMetrics: { bytesWritten: m.bytesWritten, recordsWritten: m.recordsWritten },
        shuffleReadMetrics: { remoteBlocksFetched: 0, localBlocksFetched: 0, fetchWaitTime: m.shuffleFetchWaitMs, remoteBytesRead: m.shuffleRemoteBytesRead, remoteBytesReadToDisk: 0, localBytesRead: m.shuffleBytesRead - m.shuffleRemoteBytesRead, recordsRead: m.shuffleRecordsRead },
        shuffleWriteMetrics: { bytesWritten: m.shuffleBytesWritten, writeTime: m.shuffleWriteTimeMs * 1e6, recordsWritten: m.shuffleRecordsWritten },
      },
    } : {}),
    executorLogs: {}, schedulerDelay: 0, gettingResultTime: 0,
  };
}

export function taskSummaryJson(s: TaskSummary): Json {
  const v = s.values;
  const zeros = s.quantiles.map(() => 0);
  const or0 = (a: readonly number[]): readonly number[] => (a.length === 0 ? zeros : a);
  return {
    quantiles: s.quantiles, duration: or0(v.duration), executorDeserializeTime: zeros, executorDeserializeCpuTime: zeros, executorRunTime: or0(v.executorRunTime),
    executorCpuTime: zeros, resultSize: or0(v.resultSize), jvmGcTime: zeros, resultSerializationTime: zeros, gettingResultTime: zeros, schedulerDelay: zeros,
    peakExecutionMemory: zeros, memoryBytesSpilled: or0(v.memoryBytesSpilled), diskBytesSpilled: or0(v.diskBytesSpilled),
    inputMetrics: { bytesRead: or0(v.inputBytes), recordsRead: or0(v.inputRecords) },
    outputMetrics: { bytesWritten: or0(v.outputBytes), recordsWritten: or0(v.outputRecords) },
    shuffleReadMetrics: { readBytes: or0(v.shuffleReadBytes), readRecords: or0(v.shuffleReadRecords), remoteBlocksFetched: zeros, localBlocksFetched: zeros, fetchWaitTime: or0(v.shuffleFetchWaitTime), remoteBytesRead: or0(v.shuffleRemoteBytesRead), remoteBytesReadToDisk: zeros, totalBlocksFetched: zeros },
    shuffleWriteMetrics: { writeBytes: or0(v.shuffleWriteBytes), writeRecords: or0(v.shuffleWriteRecords), writeTime: or0(v.shuffleWriteTime).map((x) => x * 1e6) },
  };
}

export function executorJson(x: Readonly<ExecutorView>): Json {
  return {
    id: x.id, hostPort: x.host, isActive: x.isActive, rddBlocks: 0, memoryUsed: 0, diskUsed: 0, totalCores: x.totalCores, maxTasks: x.totalCores,
    activeTasks: x.activeTasks, failedTasks: x.failedTasks, completedTasks: x.completedTasks, totalTasks: x.totalTasks, totalDuration: x.executorRunTime,
    totalGCTime: 0, totalInputBytes: x.inputBytes, totalShuffleRead: x.shuffleReadBytes, totalShuffleWrite: x.shuffleWriteBytes, isBlacklisted: false,
    isExcluded: false, maxMemory: 0, addTime: restDate(x.addTime), ...(x.removeTime !== undefined ? { removeTime: restDate(x.removeTime) } : {}),
    ...(x.removeReason !== undefined ? { removeReason: x.removeReason } : {}),
    ...(x.peakMemoryMetrics !== undefined ? { peakMemoryMetrics: { ...x.peakMemoryMetrics } } : {}), executorLogs: {}, blacklistedInStages: [], excludedInStages: [],
    attributes: {}, resources: {}, resourceProfileId: 0,
  };
}

export function rddStorageJson(r: RddStorageView): Json {
  return { id: r.id, name: r.name, numPartitions: r.numCachedPartitions ?? 0, numCachedPartitions: r.numCachedPartitions ?? 0, storageLevel: describeStorageLevel(r), memoryUsed: r.memoryUsed ?? 0, diskUsed: r.diskUsed ?? 0 };
}

/** Spark's ExecutionData: with `details`, nodes (highest id first, as Spark lists them) carry their metrics. */
export function sqlJson(x: Readonly<SqlExecutionView>, jobStatus: (id: number) => string | undefined, now: number, opts: SqlJsonOptions = { details: true, planDescription: true }): Json {
  const by = (st: string): number[] => x.jobIds.filter((id) => jobStatus(id) === st);
  const nodes = opts.details ? nodeMetrics(x).map((n) => ({ nodeId: n.nodeId, nodeName: n.nodeName, metrics: n.metrics })).reverse() : [];
  const edges = opts.details ? (x.graph?.edges ?? []).map((e) => ({ fromId: e.fromId, toId: e.toId })) : [];
  return {
    id: x.executionId, status: x.status, description: x.description, planDescription: opts.planDescription ? x.physicalPlan : '', submissionTime: restDate(x.submissionTime),
    duration: (x.completionTime ?? now) - x.submissionTime, runningJobIds: by('RUNNING'), successJobIds: by('SUCCEEDED'), failedJobIds: by('FAILED'),
    ...(x.error !== undefined ? { errorMessage: x.error } : {}), nodes, edges,
  };
}

export interface SqlJsonOptions { readonly details: boolean; readonly planDescription: boolean }
