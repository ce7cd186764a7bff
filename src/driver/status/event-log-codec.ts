// Event log format: one JSON object per line, Spark's listener event names and field names ("Event":
// "SparkListenerTaskEnd", "Task Info", "Task Metrics"…), so Spark tooling can read the common parts.
// tsspark additions ride in extra fields (e.g. "Job IDs" on SQL execution end). decodeEvent inverts encodeEvent.
import type { TaskMetrics } from '../../rdd/compute/task-env.js';
import { assertNever } from '../../common/assert.js';
import type { StatusEvent } from './status-events.js';
import { decodeGraph, decodeUpdates } from './sql-graph-codec.js';
import { validateExecutorMetrics } from '../../executor/executor-metrics.js';

type Json = Record<string, unknown>;
const SQL_START = 'org.apache.spark.sql.execution.ui.SparkListenerSQLExecutionStart';
const SQL_END = 'org.apache.spark.sql.execution.ui.SparkListenerSQLExecutionEnd';
const SQL_ADAPTIVE = 'org.apache.spark.sql.execution.ui.SparkListenerSQLAdaptiveExecutionUpdate';
const SQL_ACCUMS = 'org.apache.spark.sql.execution.ui.SparkListenerDriverAccumUpdates';
const GRAPH = 'tsspark Plan Graph';

export function encodeEvent(e: StatusEvent): Json {
  switch (e.kind) {
    case 'application-start':
      return { Event: 'SparkListenerApplicationStart', 'App Name': e.appName, 'App ID': e.appId, Timestamp: e.time, User: e.user };
    case 'application-end':
      return { Event: 'SparkListenerApplicationEnd', Timestamp: e.time };
    case 'environment-update':
      return { Event: 'SparkListenerEnvironmentUpdate', 'JVM Information': {}, 'Spark Properties': Object.fromEntries(e.sparkProperties), 'System Properties': Object.fromEntries(e.systemProperties), 'Classpath Entries': {} };
    case 'executor-added':
      return { Event: 'SparkListenerExecutorAdded', Timestamp: e.time, 'Executor ID': e.executorId, 'Executor Info': { Host: e.host, 'Total Cores': e.cores, 'Log Urls': {} } };
    case 'executor-removed':
      return { Event: 'SparkListenerExecutorRemoved', Timestamp: e.time, 'Executor ID': e.executorId, 'Removed Reason': e.reason };
    case 'executor-metrics-update':
      return { Event: 'SparkListenerExecutorMetricsUpdate', 'Executor ID': e.executorId, 'Metrics Updated': [], 'Executor Metrics': { ...e.peakMemoryMetrics }, 'tsspark Time': e.time };
    case 'job-start':
      return {
        Event: 'SparkListenerJobStart', 'Job ID': e.jobId, 'Submission Time': e.time, 'Stage IDs': e.stageIds,
        'Stage Infos': e.stageIds.map((id) => ({ 'Stage ID': id })), Properties: { 'spark.job.description': e.description, ...(e.jobGroup !== undefined ? { 'spark.jobGroup.id': e.jobGroup } : {}) },
      };
    case 'job-end':
      return { Event: 'SparkListenerJobEnd', 'Job ID': e.jobId, 'Completion Time': e.time, 'Job Result': e.succeeded ? { Result: 'JobSucceeded' } : { Result: 'JobFailed', Exception: { Message: e.error ?? '' } } };
    case 'stage-submitted':
      return {
        Event: 'SparkListenerStageSubmitted',
        'Stage Info': { 'Stage ID': e.stageId, 'Stage Attempt ID': e.attempt, 'Stage Name': e.name, 'Number of Tasks': e.numTasks, 'RDD Info': e.rddIds.map((id) => ({ 'RDD ID': id })), 'Parent IDs': e.parentIds, Details: '', 'Submission Time': e.time },
      };
    case 'stage-completed':
      return { Event: 'SparkListenerStageCompleted', 'Stage Info': { 'Stage ID': e.stageId, 'Stage Attempt ID': e.attempt, 'Completion Time': e.time, ...(e.failureReason !== undefined ? { 'Failure Reason': e.failureReason } : {}) } };
    case 'task-start':
      return { Event: 'SparkListenerTaskStart', 'Stage ID': e.stageId, 'Stage Attempt ID': e.stageAttempt, 'Task Info': { 'Task ID': e.taskId, Index: e.index, Attempt: e.attempt, 'Launch Time': e.time, 'Executor ID': e.executorId, Host: e.host, Locality: 'PROCESS_LOCAL', Speculative: false } };
    case 'task-end':
      return {
        Event: 'SparkListenerTaskEnd', 'Stage ID': e.stageId, 'Stage Attempt ID': e.stageAttempt, 'Task Type': 'ResultTask', 'Task End Reason': endReason(e.status, e.error),
        'Task Info': { 'Task ID': e.taskId, Index: e.index, Attempt: e.attempt, 'Launch Time': e.time - e.durationMs, 'Executor ID': e.executorId, 'Finish Time': e.time, Failed: e.status !== 'SUCCESS' && e.status !== 'KILLED', Killed: e.status === 'KILLED' },
        ...(e.metrics ? { 'Task Metrics': encodeMetrics(e.durationMs, e.metrics) } : {}),
        'tsspark Duration': e.durationMs,
      };
    case 'sql-execution-start':
      return { Event: SQL_START, executionId: e.executionId, description: e.description, details: '', physicalPlanDescription: e.physicalPlan, time: e.time, ...(e.graph ? { [GRAPH]: e.graph } : {}) };
    case 'sql-adaptive-execution-update':
      return { Event: SQL_ADAPTIVE, executionId: e.executionId, physicalPlanDescription: e.physicalPlan, [GRAPH]: e.graph, 'tsspark Time': e.time };
    case 'sql-metric-update':
      return { Event: SQL_ACCUMS, executionId: e.executionId, accumUpdates: e.updates, 'tsspark Time': e.time };
    case 'sql-execution-end':
      return { Event: SQL_END, executionId: e.executionId, time: e.time, 'Job IDs': e.jobIds, ...(e.error !== undefined ? { errorMessage: e.error } : {}) };
    default:
      return assertNever(e);
  }
}

function endReason(status: Extract<StatusEvent, { kind: 'task-end' }>['status'], error: string | undefined): Json {
  const msg = error ?? '';
  switch (status) {
    case 'SUCCESS': return { Reason: 'Success' };
    case 'FAILED': return { Reason: 'ExceptionFailure', Description: msg };
    case 'KILLED': return { Reason: 'TaskKilled', 'Kill Reason': msg };
    case 'FETCH_FAILED': return { Reason: 'FetchFailed', Message: msg };
    case 'EXECUTOR_LOST': return { Reason: 'ExecutorLostFailure', 'Loss Reason': msg };
    default: return assertNever(status);
  }
}

function encodeMetrics(durationMs: number, m: TaskMetrics): Json {
  return {
    'Executor Run Time': durationMs, 'JVM GC Time': 0, 'Result Size': m.resultSize, 'Memory Bytes Spilled': m.memoryBytesSpilled, 'Disk Bytes Spilled': m.diskBytesSpilled,
    'Shuffle Read Metrics': { 'Remote Bytes Read': m.shuffleRemoteBytesRead, 'Local Bytes Read': m.shuffleBytesRead - m.shuffleRemoteBytesRead, 'Fetch Wait Time': m.shuffleFetchWaitMs, 'Total Records Read': m.shuffleRecordsRead },
    'Shuffle Write Metrics': { 'Shuffle Bytes Written': m.shuffleBytesWritten, 'Shuffle Write Time': m.shuffleWriteTimeMs * 1e6, 'Shuffle Records Written': m.shuffleRecordsWritten },
    'Input Metrics': { 'Bytes Read': m.bytesRead, 'Records Read': m.recordsRead },
    'Output Metrics': { 'Bytes Written': m.bytesWritten, 'Records Written': m.recordsWritten },
  };
}

const num = (o: Json, k: string): number => (typeof o[k] === 'number' ? (o[k] as number) : 0);
const str = (o: Json, k: string): string => (typeof o[k] === 'string' ? (o[k] as string) : '');
const obj = (o: Json, k: string): Json => (o[k] !== null && typeof o[k] === 'object' && !Array.isArray(o[k]) ? (o[k] as Json) : {});
const nums = (o: Json, k: string): number[] => (Array.isArray(o[k]) ? (o[k] as unknown[]).filter((x): x is number => typeof x === 'number') : []);
const pairs = (o: Json): Array<[string, string]> => Object.entries(o).map(([k, v]) => [k, String(v)]);

function decodeMetrics(m: Json): TaskMetrics {
  const r = obj(m, 'Shuffle Read Metrics');
  const w = obj(m, 'Shuffle Write Metrics');
  const i = obj(m, 'Input Metrics');
  const o = obj(m, 'Output Metrics');
  return {
    recordsRead: num(i, 'Records Read'), bytesRead: num(i, 'Bytes Read'), shuffleRecordsRead: num(r, 'Total Records Read'),
    shuffleBytesRead: num(r, 'Remote Bytes Read') + num(r, 'Local Bytes Read'), shuffleRemoteBytesRead: num(r, 'Remote Bytes Read'),
    shuffleFetchWaitMs: num(r, 'Fetch Wait Time'), shuffleRecordsWritten: num(w, 'Shuffle Records Written'), shuffleBytesWritten: num(w, 'Shuffle Bytes Written'),
    shuffleWriteTimeMs: num(w, 'Shuffle Write Time') / 1e6, memoryBytesSpilled: num(m, 'Memory Bytes Spilled'), diskBytesSpilled: num(m, 'Disk Bytes Spilled'),
    resultSize: num(m, 'Result Size'), recordsWritten: num(o, 'Records Written'), bytesWritten: num(o, 'Bytes Written'),
  };
}

const STATUS_BY_REASON: Readonly<Record<string, Extract<StatusEvent, { kind: 'task-end' }>['status']>> = {
  Success: 'SUCCESS', ExceptionFailure: 'FAILED', TaskKilled: 'KILLED', FetchFailed: 'FETCH_FAILED', ExecutorLostFailure: 'EXECUTOR_LOST',
};

/** The status event a log line's object stands for, or undefined for events tsspark does not model. */
export function decodeEvent(j: Json): StatusEvent | undefined {
  switch (j['Event']) {
    case 'SparkListenerApplicationStart':
      return { kind: 'application-start', appId: str(j, 'App ID'), appName: str(j, 'App Name'), time: num(j, 'Timestamp'), user: str(j, 'User') };
    case 'SparkListenerApplicationEnd':
      return { kind: 'application-end', time: num(j, 'Timestamp') };
    case 'SparkListenerEnvironmentUpdate':
      return { kind: 'environment-update', sparkProperties: pairs(obj(j, 'Spark Properties')), systemProperties: pairs(obj(j, 'System Properties')) };
    case 'SparkListenerExecutorAdded': {
      const info = obj(j, 'Executor Info');
      return { kind: 'executor-added', executorId: str(j, 'Executor ID'), host: str(info, 'Host'), cores: num(info, 'Total Cores'), time: num(j, 'Timestamp') };
    }
    case 'SparkListenerExecutorRemoved':
      return { kind: 'executor-removed', executorId: str(j, 'Executor ID'), reason: str(j, 'Removed Reason'), time: num(j, 'Timestamp') };
    case 'SparkListenerExecutorMetricsUpdate': {
      const m = validateExecutorMetrics(j['Executor Metrics']);
      return m ? { kind: 'executor-metrics-update', executorId: str(j, 'Executor ID'), peakMemoryMetrics: m, time: num(j, 'tsspark Time') } : undefined;
    }
    case 'SparkListenerJobStart': {
      const props = obj(j, 'Properties');
      const group = props['spark.jobGroup.id'];
      return { kind: 'job-start', jobId: num(j, 'Job ID'), stageIds: nums(j, 'Stage IDs'), description: str(props, 'spark.job.description'), time: num(j, 'Submission Time'), ...(typeof group === 'string' ? { jobGroup: group } : {}) };
    }
    case 'SparkListenerJobEnd': {
      const r = obj(j, 'Job Result');
      const ok = r['Result'] === 'JobSucceeded';
      return { kind: 'job-end', jobId: num(j, 'Job ID'), succeeded: ok, time: num(j, 'Completion Time'), ...(ok ? {} : { error: str(obj(r, 'Exception'), 'Message') }) };
    }
    case 'SparkListenerStageSubmitted': {
      const s = obj(j, 'Stage Info');
      const rdds = Array.isArray(s['RDD Info']) ? (s['RDD Info'] as Json[]).map((r) => num(r, 'RDD ID')) : [];
      return { kind: 'stage-submitted', stageId: num(s, 'Stage ID'), attempt: num(s, 'Stage Attempt ID'), name: str(s, 'Stage Name'), numTasks: num(s, 'Number of Tasks'), parentIds: nums(s, 'Parent IDs'), rddIds: rdds, time: num(s, 'Submission Time') };
    }
    case 'SparkListenerStageCompleted': {
      const s = obj(j, 'Stage Info');
      return { kind: 'stage-completed', stageId: num(s, 'Stage ID'), attempt: num(s, 'Stage Attempt ID'), time: num(s, 'Completion Time'), ...(typeof s['Failure Reason'] === 'string' ? { failureReason: s['Failure Reason'] } : {}) };
    }
    case 'SparkListenerTaskStart': {
      const t = obj(j, 'Task Info');
      return { kind: 'task-start', stageId: num(j, 'Stage ID'), stageAttempt: num(j, 'Stage Attempt ID'), taskId: num(t, 'Task ID'), index: num(t, 'Index'), attempt: num(t, 'Attempt'), executorId: str(t, 'Executor ID'), host: str(t, 'Host'), time: num(t, 'Launch Time') };
    }
    case 'SparkListenerTaskEnd': {
      const t = obj(j, 'Task Info');
      const reason = obj(j, 'Task End Reason');
      const status = STATUS_BY_REASON[str(reason, 'Reason')] ?? 'FAILED';
      const error = str(reason, 'Description') || str(reason, 'Kill Reason') || str(reason, 'Message') || str(reason, 'Loss Reason');
      const m = j['Task Metrics'];
      const duration = typeof j['tsspark Duration'] === 'number' ? (j['tsspark Duration'] as number) : num(t, 'Finish Time') - num(t, 'Launch Time');
      return {
        kind: 'task-end', stageId: num(j, 'Stage ID'), stageAttempt: num(j, 'Stage Attempt ID'), taskId: num(t, 'Task ID'), index: num(t, 'Index'), attempt: num(t, 'Attempt'),
        executorId: str(t, 'Executor ID'), status, durationMs: duration, time: num(t, 'Finish Time'),
        ...(status !== 'SUCCESS' || error ? { error } : {}), ...(m !== null && typeof m === 'object' ? { metrics: decodeMetrics(m as Json) } : {}),
      };
    }
    case SQL_START:
    {
      const graph = decodeGraph(j[GRAPH]);
      return { kind: 'sql-execution-start', executionId: num(j, 'executionId'), description: str(j, 'description'), physicalPlan: str(j, 'physicalPlanDescription'), time: num(j, 'time'), ...(graph ? { graph } : {}) };
    }
    case SQL_ADAPTIVE: {
      const graph = decodeGraph(j[GRAPH]);
      return graph ? { kind: 'sql-adaptive-execution-update', executionId: num(j, 'executionId'), physicalPlan: str(j, 'physicalPlanDescription'), graph, time: num(j, 'tsspark Time') } : undefined;
    }
    case SQL_ACCUMS:
      return { kind: 'sql-metric-update', executionId: num(j, 'executionId'), updates: decodeUpdates(j['accumUpdates']), time: num(j, 'tsspark Time') };
    case SQL_END:
      return { kind: 'sql-execution-end', executionId: num(j, 'executionId'), jobIds: nums(j, 'Job IDs'), time: num(j, 'time'), ...(typeof j['errorMessage'] === 'string' ? { error: j['errorMessage'] } : {}) };
    default:
      return undefined;
  }
}
