// Matches pending tasks to free executor slots and builds each task's description (per-task inputs: its
// parallelized slice, shuffle block locations, persisted RDDs). Owns executor bookkeeping; called only from the
// DAG scheduler's event handling.
import { narrowAncestry } from '../rdd/lineage.js';
import { encodeTask, type ShuffleRead } from '../rdd/wire/task-description.js';
import { shuffleReadsOf } from '../rdd/lineage.js';
import type { ExecutorInfo, SchedulerBackend } from './backends/scheduler-backend.js';
import type { MapOutputTracker } from './map-output-tracker.js';
import type { Stage } from './stage.js';
import type { RunningTask, TaskSet } from './task-set.js';

export interface ExecutorState {
  readonly info: ExecutorInfo;
  readonly payloadsSent: Set<string>;
  readonly running: Set<number>;
}

export interface LaunchedTask extends RunningTask {
  readonly taskSet: TaskSet;
  readonly stage: Stage;
}

export class TaskScheduler {
  readonly executors = new Map<string, ExecutorState>();
  readonly tasks = new Map<number, LaunchedTask>();
  private readonly taskSets: Array<{ set: TaskSet; stage: Stage }> = [];
  private nextTaskId = 0;

  constructor(
    private readonly backend: SchedulerBackend,
    private readonly tracker: MapOutputTracker,
    private readonly persisted: () => ReadonlyArray<readonly [number, boolean, boolean]>,
    private readonly onLaunch: (t: LaunchedTask) => void,
  ) {}

  addExecutor(info: ExecutorInfo): void {
    this.executors.set(info.id, { info, payloadsSent: new Set(), running: new Set() });
  }

  /** Removes an executor; returns the tasks that were running on it. */
  removeExecutor(id: string): LaunchedTask[] {
    const ex = this.executors.get(id);
    if (!ex) return [];
    this.executors.delete(id);
    const lost: LaunchedTask[] = [];
    for (const taskId of ex.running) {
      const t = this.tasks.get(taskId);
      if (t) {
        lost.push(t);
        this.tasks.delete(taskId);
        t.taskSet.running.delete(taskId);
      }
    }
    return lost;
  }

  submit(set: TaskSet, stage: Stage): void {
    this.taskSets.push({ set, stage });
  }

  removeTaskSet(set: TaskSet): void {
    const i = this.taskSets.findIndex((t) => t.set === set);
    if (i >= 0) this.taskSets.splice(i, 1);
  }

  /** A finished attempt frees its slot; returns the launched-task record if it was known. */
  finish(taskId: number, runMs?: number): LaunchedTask | undefined {
    const t = this.tasks.get(taskId);
    if (!t) return undefined;
    this.tasks.delete(taskId);
    t.taskSet.running.delete(taskId);
    const ex = this.executors.get(t.executorId);
    if (ex) ex.running.delete(taskId);
    if (runMs !== undefined) t.taskSet.recordDuration(runMs);
    return t;
  }

  /**
   * Launches as many pending tasks as there are free slots, FIFO over task sets. When a stage's tasks prove tiny
   * (a few ms), each slot is also given a few queued tasks, so the RPC round trip does not idle the executor
   * (this is what makes 10,000 empty tasks run at thousands per second on executor processes).
   */
  offer(): void {
    const executors = [...this.executors.values()];
    let launched = true;
    while (launched) {
      launched = false;
      for (const ex of executors) {
        for (const { set, stage } of this.taskSets) {
          if (ex.running.size >= ex.info.cores * set.pipelineDepth()) continue;
          const partition = set.takeFor(ex.info.id, executors.length, (id) => this.executors.has(id));
          if (partition === undefined) continue;
          this.launch(ex, set, stage, partition);
          launched = true;
          break;
        }
      }
    }
    for (let i = this.taskSets.length - 1; i >= 0; i--) {
      const { set } = this.taskSets[i]!;
      if (set.zombie || (set.pending.length === 0 && set.running.size === 0)) this.taskSets.splice(i, 1);
    }
  }

  kill(taskId: number): void {
    const t = this.tasks.get(taskId);
    if (t) this.backend.killTask(t.executorId, taskId);
  }

  private launch(ex: ExecutorState, set: TaskSet, stage: Stage, partition: number): void {
    const taskId = this.nextTaskId++;
    const attempt = set.nextAttempt(partition);
    const payload = stage.payload!;
    const slices: Array<[number, number, readonly unknown[]]> = [];
    for (const { node, partition: p } of narrowAncestry(stage.rdd, partition)) {
      if (node.kind === 'parallelize') slices.push([node.id, p, node.slices[p] ?? []]);
    }
    const shuffleReads: ShuffleRead[] = shuffleReadsOf(stage.rdd, partition).map((r) => ({
      shuffleId: r.shuffleId,
      reducePartition: r.reducePartition,
      maps: this.tracker.locations(r.shuffleId, r.reducePartition),
    }));
    const bytes = encodeTask({
      taskId,
      attempt,
      stageId: stage.id,
      stageAttempt: set.stageAttempt,
      partition,
      kind: stage.kind,
      payloadId: payload.id,
      slices,
      shuffleReads,
      persisted: this.persisted().map((p) => p[0]),
      storage: this.persisted(),
    });
    const first = !ex.payloadsSent.has(payload.id);
    ex.payloadsSent.add(payload.id);
    ex.running.add(taskId);
    const rec: LaunchedTask = { taskId, partition, attempt, executorId: ex.info.id, startTime: Date.now(), taskSet: set, stage };
    this.tasks.set(taskId, rec);
    set.running.set(taskId, rec);
    this.onLaunch(rec);
    this.backend.launchTask(ex.info.id, { taskId, task: bytes, payloadId: payload.id, ...(first ? { payload: payload.bytes } : {}) });
  }
}
