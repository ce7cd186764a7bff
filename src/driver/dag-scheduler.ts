// The DAG scheduler: turns a job (final RDD + sink) into stages cut at shuffles, submits stages whose parents are
// available, retries failed tasks, handles FetchFailed and lost executors by recomputing lost map outputs from
// lineage, and completes jobs. All scheduler state is changed here, from one queue of events.
import { fromWire, TsSparkError, type WireError } from '../common/errors.js';
import { decodeValue } from '../common/record-codec.js';
import type { TaskResult } from '../executor/task-result.js';
import { splitRddStages } from '../planner/stages/split-rdd.js';
import type { RddNode } from '../rdd/rdd-node.js';
import type { PartitionSink } from '../rdd/sink.js';
import type { ExecutorInfo, SchedulerBackend } from './backends/scheduler-backend.js';
import { MapOutputTracker } from './map-output-tracker.js';
import { BlockRegistry } from './block-registry.js';
import { ensurePayload, newStage, type Stage } from './stage.js';
import type { StatusBus } from './status/status-events.js';
import { TaskScheduler, type LaunchedTask } from './task-scheduler.js';
import { TaskSet } from './task-set.js';
import type { DagEvent, Job, SubmitJobOptions } from './dag-job.js';
import { collectStages, preferredLocations } from './stage-locality.js';
import { stageFailure, taskEndEvent, taskStartEvent } from './task-events.js';

export type { SubmitJobOptions } from './dag-job.js';

const MAX_STAGE_FETCH_FAILURES = 4;

export class DagScheduler {
  readonly tracker = new MapOutputTracker();
  readonly tasks: TaskScheduler;
  private readonly queue: DagEvent[] = [];
  private draining = false;
  private nextJobId = 0;
  private nextStageId = 0;
  private readonly jobs = new Map<number, Job>();
  private readonly shuffleStages = new Map<number, Stage>();
  private readonly waiting = new Set<Stage>();
  private readonly running = new Map<Stage, TaskSet>();
  private readonly failed = new Set<Stage>();
  readonly blocks = new BlockRegistry();
  private resubmitScheduled = false;

  constructor(
    private readonly backend: SchedulerBackend,
    private readonly bus: StatusBus,
    private readonly maxTaskFailures: number,
    private readonly persistedIds: () => ReadonlyArray<readonly [number, boolean, boolean]>,
  ) {
    this.tasks = new TaskScheduler(backend, this.tracker, persistedIds, (t) => this.onTaskLaunched(t));
  }

  submitJob(rdd: RddNode, sink: PartitionSink, partitions: readonly number[], opts: SubmitJobOptions): Promise<unknown[]> {
    return new Promise((resolve, reject) => {
      const job: Job = {
        id: this.nextJobId++, rdd, sink, partitions, indexOfPartition: new Map(partitions.map((p, i) => [p, i])),
        results: new Array<unknown>(partitions.length), done: new Array<boolean>(partitions.length).fill(false), numDone: 0,
        resolve, reject, description: opts.description, finished: false, onAccumulators: opts.onAccumulators,
        ...(opts.jobGroup ? { jobGroup: opts.jobGroup } : {}),
      };
      this.post({ kind: 'job-submitted', job });
    });
  }

  cancelJobGroup(group: string, reason = 'cancelled'): void {
    for (const j of this.jobs.values()) if (j.jobGroup === group) this.post({ kind: 'cancel-job', jobId: j.id, reason });
  }

  cancelJob(jobId: number, reason: string): void {
    this.post({ kind: 'cancel-job', jobId, reason });
  }

  cancelAllJobs(reason: string): void {
    for (const j of this.jobs.values()) this.post({ kind: 'cancel-job', jobId: j.id, reason });
  }

  executorAdded(info: ExecutorInfo): void { this.post({ kind: 'executor-added', info }); }
  executorLost(executorId: string, reason: string): void { this.post({ kind: 'executor-lost', executorId, reason }); }
  taskResult(executorId: string, result: TaskResult): void { this.post({ kind: 'task-result', executorId, result }); }

  get activeJobCount(): number { return this.jobs.size; }

  private post(e: DagEvent): void {
    this.queue.push(e);
    if (this.draining) return;
    this.draining = true;
    try {
      while (this.queue.length > 0) this.handle(this.queue.shift()!);
    } finally {
      this.draining = false;
    }
  }

  private handle(e: DagEvent): void {
    switch (e.kind) {
      case 'job-submitted': return this.onJobSubmitted(e.job);
      case 'task-result': return this.onTaskResult(e.executorId, e.result);
      case 'executor-added':
        this.tasks.addExecutor(e.info);
        this.bus.post({ kind: 'executor-added', executorId: e.info.id, host: e.info.host, cores: e.info.cores, time: Date.now() });
        this.tasks.offer();
        return;
      case 'executor-lost': return this.onExecutorLost(e.executorId, e.reason);
      case 'resubmit-failed-stages': {
        this.resubmitScheduled = false;
        const stages = [...this.failed].sort((a, b) => a.id - b.id);
        this.failed.clear();
        for (const s of stages) if ([...s.jobIds].some((j) => this.jobs.has(j))) this.submitStage(s);
        this.tasks.offer();
        return;
      }
      case 'cancel-job': {
        const job = this.jobs.get(e.jobId);
        if (job) this.failJob(job, new TsSparkError('JOB_CANCELLED', `Job ${job.id} cancelled: ${e.reason}`));
        return;
      }
    }
  }

  private onJobSubmitted(job: Job): void {
    let stage: Stage;
    try {
      const graph = splitRddStages(job.rdd);
      const byShuffle = new Map<number, Stage>();
      for (const [shuffleId, plan] of graph.shuffleStages) {
        let s = this.shuffleStages.get(shuffleId);
        if (!s) {
          s = newStage(this.nextStageId++, 'shuffle-map', plan.rdd, plan.numTasks, plan.parents.map((p) => byShuffle.get(p)!), plan.dep);
          this.shuffleStages.set(shuffleId, s);
          this.tracker.register(shuffleId, plan.numTasks);
        }
        byShuffle.set(shuffleId, s);
      }
      stage = newStage(this.nextStageId++, 'result', job.rdd, graph.result.numTasks, graph.result.parents.map((p) => byShuffle.get(p)!), undefined, job.sink);
      // capture every closure before any task launches: an unshippable closure fails the job here
      for (const s of [...byShuffle.values(), stage]) {
        ensurePayload(s);
      }
      for (const s of byShuffle.values()) s.jobIds.add(job.id);
      stage.jobIds.add(job.id);
    } catch (e) {
      job.reject(e instanceof Error ? e : new Error(String(e)));
      return;
    }
    job.resultStage = stage;
    this.jobs.set(job.id, job);
    const stageIds = collectStages(stage).map((s) => s.id);
    this.bus.post({ kind: 'job-start', jobId: job.id, stageIds, description: job.description, time: Date.now(), ...(job.jobGroup ? { jobGroup: job.jobGroup } : {}) });
    if (job.partitions.length === 0) {
      this.finishJob(job);
      return;
    }
    this.submitStage(stage);
    this.tasks.offer();
  }

  private submitStage(stage: Stage): void {
    if (this.waiting.has(stage) || this.running.has(stage)) return;
    const missing = stage.parents.filter((p) => !this.tracker.isComplete(p.dep!.shuffleId));
    if (missing.length === 0) {
      this.submitMissingTasks(stage);
      return;
    }
    for (const p of missing) this.submitStage(p);
    this.waiting.add(stage);
  }

  private submitMissingTasks(stage: Stage): void {
    let partitions: number[];
    let jobId: number;
    if (stage.kind === 'shuffle-map') {
      partitions = this.tracker.missingMaps(stage.dep!.shuffleId);
      jobId = Math.max(...stage.jobIds);
    } else {
      const job = this.jobForResultStage(stage);
      if (!job) return;
      jobId = job.id;
      partitions = job.partitions.filter((_, i) => !job.done[i]);
    }
    if (partitions.length === 0) {
      this.onStageComplete(stage);
      return;
    }
    stage.attempt++;
    const set = new TaskSet(stage.id, stage.attempt, partitions, jobId, preferredLocations(stage, partitions, this.persistedIds(), this.blocks));
    this.running.set(stage, set);
    this.bus.post({
      kind: 'stage-submitted', stageId: stage.id, attempt: stage.attempt, name: stage.name, numTasks: partitions.length,
      parentIds: stage.parents.map((p) => p.id), rddIds: [stage.rdd.id], time: Date.now(),
    });
    this.tasks.submit(set, stage);
  }

  private jobForResultStage(stage: Stage): Job | undefined {
    for (const id of stage.jobIds) {
      const j = this.jobs.get(id);
      if (j && j.resultStage === stage) return j;
    }
    return undefined;
  }

  private onTaskLaunched(t: LaunchedTask): void {
    this.bus.post(taskStartEvent(t, this.tasks.executors.get(t.executorId)?.info.host ?? ''));
  }

  private onTaskResult(executorId: string, r: TaskResult): void {
    const t = this.tasks.finish(r.taskId, r.status === 'success' ? r.durationMs : undefined);
    if (!t) return; // unknown or already handled (e.g. executor declared lost)
    const status = r.status === 'success' ? 'SUCCESS' : r.status === 'failed' ? 'FAILED' : r.status === 'killed' ? 'KILLED' : 'FETCH_FAILED';
    this.bus.post(taskEndEvent(t, executorId, status, r.durationMs, r.metrics, r.error?.message));
    switch (r.status) {
      case 'success':
        this.onTaskSuccess(t, executorId, r);
        break;
      case 'failed':
        this.onTaskFailure(t, r.error ? fromWire(r.error) : new Error('task failed'), r.error);
        break;
      case 'killed':
        if (!t.taskSet.zombie && !t.taskSet.succeeded.has(t.partition)) t.taskSet.pending.push(t.partition);
        break;
      case 'fetch-failed':
        this.onFetchFailed(t, r);
        break;
    }
    this.tasks.offer();
  }

  private onTaskSuccess(t: LaunchedTask, executorId: string, r: TaskResult): void {
    if (r.storedBlocks?.length) this.blocks.stored(executorId, r.storedBlocks);
    const stage = t.stage;
    const set = t.taskSet;
    if (set.succeeded.has(t.partition)) return;
    set.succeeded.add(t.partition);
    if (stage.kind === 'result') {
      const job = this.jobForResultStage(stage);
      if (!job) return;
      const i = job.indexOfPartition.get(t.partition) ?? -1;
      if (i < 0 || job.done[i]) return;
      try {
        job.results[i] = r.value ? decodeValue(r.value) : undefined;
      } catch (e) {
        this.failJob(job, new TsSparkError('INVALID_WIRE_DATA', `could not decode the result of task ${t.taskId}`, { cause: e }));
        return;
      }
      if (r.accumUpdates?.length) job.onAccumulators(r.accumUpdates);
      job.done[i] = true;
      job.numDone++;
      if (job.numDone === job.partitions.length) {
        this.markStageDone(stage);
        this.finishJob(job);
      }
      return;
    }
    const ex = this.tasks.executors.get(executorId);
    if (!ex) return; // the executor was lost meanwhile: its output is gone too
    if (r.accumUpdates?.length) this.firstJob(stage)?.onAccumulators(r.accumUpdates);
    this.tracker.addMapOutput(stage.dep!.shuffleId, t.partition, { executorId, host: ex.info.host, port: ex.info.shufflePort, sizes: r.mapSizes ?? [] });
    if (this.running.get(stage) === set && set.isDone) {
      this.markStageDone(stage);
      this.onStageComplete(stage);
    } else if (this.running.get(stage) !== set && this.tracker.isComplete(stage.dep!.shuffleId) && !this.running.has(stage)) {
      this.onStageComplete(stage);
    }
  }

  private firstJob(stage: Stage): Job | undefined {
    for (const id of stage.jobIds) {
      const j = this.jobs.get(id);
      if (j) return j;
    }
    return undefined;
  }

  private markStageDone(stage: Stage, failureReason?: string): void {
    const set = this.running.get(stage);
    if (set) {
      this.running.delete(stage);
      this.tasks.removeTaskSet(set);
    }
    this.bus.post({ kind: 'stage-completed', stageId: stage.id, attempt: Math.max(0, stage.attempt), time: Date.now(), ...(failureReason ? { failureReason } : {}) });
  }

  /** A map stage finished: its map outputs may be incomplete (lost meanwhile); wake the stages waiting for it. */
  private onStageComplete(stage: Stage): void {
    if (stage.kind === 'shuffle-map' && !this.tracker.isComplete(stage.dep!.shuffleId)) {
      this.submitStage(stage);
      return;
    }
    for (const w of [...this.waiting]) {
      if (w.parents.every((p) => this.tracker.isComplete(p.dep!.shuffleId))) {
        this.waiting.delete(w);
        this.submitMissingTasks(w);
      }
    }
  }

  private onTaskFailure(t: LaunchedTask, err: Error, wire?: WireError): void {
    const set = t.taskSet;
    if (set.succeeded.has(t.partition)) return;
    const n = set.recordFailure(t.partition, t.executorId);
    if (n >= this.maxTaskFailures) {
      this.abortStage(t.stage, stageFailure(t, n, err, wire));
      return;
    }
    if (!set.zombie) set.pending.push(t.partition);
  }

  private onFetchFailed(t: LaunchedTask, r: TaskResult): void {
    const ff = r.fetchFailure!;
    const stage = t.stage;
    const set = t.taskSet;
    const mapStage = this.shuffleStages.get(ff.shuffleId);
    if (set.stageAttempt === stage.attempt && this.running.get(stage) === set) {
      set.zombie = true;
      this.markStageDone(stage, `FetchFailed: ${ff.message}`);
      stage.fetchFailures++;
      if (stage.fetchFailures > MAX_STAGE_FETCH_FAILURES) {
        this.abortStage(stage, new TsSparkError('JOB_FAILED', `Stage ${stage.id} failed ${stage.fetchFailures} times because of fetch failures: ${ff.message}`, { cause: r.error ? fromWire(r.error) : undefined }));
        return;
      }
    }
    if (ff.executorId) {
      if (ff.mapId >= 0) this.tracker.removeMapOutput(ff.shuffleId, ff.mapId, ff.executorId);
      this.tracker.removeOutputsOnExecutor(ff.executorId);
    }
    this.failed.add(stage);
    if (mapStage) this.failed.add(mapStage);
    this.scheduleResubmit();
  }

  private scheduleResubmit(): void {
    if (this.resubmitScheduled) return;
    this.resubmitScheduled = true;
    // as Spark, wait a moment so that other fetch failures of the same loss are folded into one resubmission
    setTimeout(() => this.post({ kind: 'resubmit-failed-stages' }), 50).unref();
  }

  private onExecutorLost(executorId: string, reason: string): void {
    if (!this.tasks.executors.has(executorId)) return;
    this.bus.post({ kind: 'executor-removed', executorId, reason, time: Date.now() });
    const lost = this.tasks.removeExecutor(executorId);
    this.blocks.executorLost(executorId);
    const affected = this.tracker.removeOutputsOnExecutor(executorId);
    for (const t of lost) {
      this.bus.post(taskEndEvent(t, executorId, 'EXECUTOR_LOST', Date.now() - t.startTime, undefined, `ExecutorLostFailure (executor ${executorId} exited): ${reason}`));
      this.onTaskFailure(t, new TsSparkError('EXECUTOR_LOST', `ExecutorLostFailure (executor ${executorId} exited caused by one of the running tasks) Reason: ${reason}`));
    }
    // map stages that lost outputs and are not running: make sure someone recomputes them when needed
    for (const shuffleId of affected) {
      const s = this.shuffleStages.get(shuffleId);
      if (!s) continue;
      const needed = [...this.waiting, ...this.running.keys()].some((w) => w.parents.includes(s));
      if (needed && !this.running.has(s)) {
        // a running child may already have launched tasks with the lost locations: they will fetch-fail
        this.failed.add(s);
        this.scheduleResubmit();
      }
    }
    this.tasks.offer();
  }

  private abortStage(stage: Stage, err: Error): void {
    for (const jobId of [...stage.jobIds]) {
      const job = this.jobs.get(jobId);
      if (job) this.failJob(job, err);
    }
  }

  private failJob(job: Job, err: Error): void {
    if (job.finished) return;
    job.finished = true;
    this.jobs.delete(job.id);
    for (const s of collectStages(job.resultStage!)) {
      s.jobIds.delete(job.id);
      if (s.jobIds.size === 0) {
        const set = this.running.get(s);
        if (set) {
          set.zombie = true;
          for (const taskId of set.running.keys()) this.tasks.kill(taskId);
          this.markStageDone(s, err.message.split('\n')[0]);
        }
        this.waiting.delete(s);
        this.failed.delete(s);
      }
    }
    this.bus.post({ kind: 'job-end', jobId: job.id, succeeded: false, error: err.message, time: Date.now() });
    job.reject(err);
  }

  private finishJob(job: Job): void {
    if (job.finished) return;
    job.finished = true;
    this.jobs.delete(job.id);
    for (const s of collectStages(job.resultStage!)) s.jobIds.delete(job.id);
    this.bus.post({ kind: 'job-end', jobId: job.id, succeeded: true, time: Date.now() });
    job.resolve(job.results);
  }

  /** Forget a shuffle (unpersisted/garbage): its map stage will be rebuilt if a new job needs it. */
  removeShuffle(shuffleId: number): void {
    this.shuffleStages.delete(shuffleId);
    this.tracker.unregister(shuffleId);
  }
}
