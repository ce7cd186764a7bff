// The executor's main thread: task slots on worker threads, the block store for cached partitions, and the
// per-executor broadcast cache. Used in-process by the local backend and inside executor processes (main.ts).
import { Worker } from 'node:worker_threads';
import fs from 'node:fs';
import path from 'node:path';
import { distEntry } from '../common/dist-entry.js';
import { toWire, TsSparkError } from '../common/errors.js';
import { registeredFiles } from '../common/spark-files.js';
import { BlockStore } from './block-store.js';
import type { TaskResult } from './task-result.js';
import type { FromWorker, ToWorker, WorkerContext } from './worker-protocol.js';

export interface ExecutorOptions {
  readonly executorId: string;
  readonly appId: string;
  readonly cores: number;
  readonly localDir: string;
  readonly memoryBytes: number;
  readonly memoryFraction: number;
  readonly compressShuffle: boolean;
  readonly authSecret?: string;
  /** Serialized broadcast value, fetched from the driver once per executor. */
  readonly fetchBroadcast: (id: number) => Promise<Uint8Array>;
  /** Register TypeScript/`tsspark` module hooks in task threads (applications submitted as .ts). */
  readonly moduleHooks?: boolean;
  /**
   * A task that calls process.exit() ends only its worker thread; in an executor process that should end the
   * executor, as System.exit in a task ends a Spark executor. The in-driver local executor just fails the task.
   */
  readonly exitProcessWhenTaskExits?: boolean;
}

export interface LaunchRequest {
  readonly taskId: number;
  readonly task: Uint8Array;
  readonly payloadId: string;
  readonly payload?: Uint8Array;
}

interface Slot {
  worker: Worker;
  ready: Promise<void>;
  busyWith?: number;
  payloads: Set<string>;
}

export class Executor {
  readonly blocks: BlockStore;
  private readonly slots: Slot[] = [];
  private readonly queue: LaunchRequest[] = [];
  private readonly payloadBytes = new Map<string, Uint8Array>();
  private readonly broadcastBytes = new Map<number, Promise<Uint8Array>>();
  private stopped = false;

  constructor(private readonly opts: ExecutorOptions, private readonly onResult: (r: TaskResult) => void) {
    fs.mkdirSync(opts.localDir, { recursive: true });
    // storage memory: half of the unified memory region, as Spark's spark.memory.storageFraction=0.5
    this.blocks = new BlockStore(path.join(opts.localDir, 'blocks'), Math.floor(opts.memoryBytes * opts.memoryFraction * 0.5));
    for (let i = 0; i < opts.cores; i++) this.slots.push(this.newSlot());
  }

  /** Tasks queued or running here. */
  get activeTasks(): number {
    return this.queue.length + this.slots.filter((s) => s.busyWith !== undefined).length;
  }

  get executorId(): string {
    return this.opts.executorId;
  }

  /** Resolves when every task thread has started. */
  async ready(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.ready));
  }

  launch(req: LaunchRequest): void {
    if (this.stopped) throw new TsSparkError('CONTEXT_STOPPED', `executor ${this.opts.executorId} is stopped`);
    if (req.payload) this.payloadBytes.set(req.payloadId, req.payload);
    this.queue.push(req);
    this.pump();
  }

  /** Kills a running task by terminating its thread (a fresh thread takes the slot). */
  kill(taskId: number): void {
    const qi = this.queue.findIndex((q) => q.taskId === taskId);
    if (qi >= 0) {
      this.queue.splice(qi, 1);
      this.onResult({ taskId, status: 'killed', durationMs: 0 });
      return;
    }
    const i = this.slots.findIndex((s) => s.busyWith === taskId);
    if (i < 0) return;
    const old = this.slots[i]!;
    old.busyWith = undefined;
    void old.worker.terminate();
    this.slots[i] = this.newSlot();
    this.onResult({ taskId, status: 'killed', durationMs: 0 });
    this.pump();
  }

  removeBroadcast(id: number): void {
    this.broadcastBytes.delete(id);
    const msg: ToWorker = { type: 'drop-broadcast', id };
    for (const s of this.slots) s.worker.postMessage(msg);
  }

  removeRdd(rddId: number): void {
    this.blocks.removeRdd(rddId);
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private pump(): void {
    while (this.queue.length > 0) {
      const slot = this.slots.find((s) => s.busyWith === undefined);
      if (!slot) return;
      const req = this.queue.shift()!;
      slot.busyWith = req.taskId;
      const payload = slot.payloads.has(req.payloadId) ? undefined : this.payloadBytes.get(req.payloadId);
      slot.payloads.add(req.payloadId);
      const msg: ToWorker = { type: 'run', task: req.task, payloadId: req.payloadId, ...(payload ? { payload } : {}) };
      slot.worker.postMessage(msg);
    }
  }

  private newSlot(): Slot {
    const ctx: WorkerContext = {
      executorId: this.opts.executorId,
      appId: this.opts.appId,
      localDir: this.opts.localDir,
      memoryLimitBytes: Math.max(1 << 20, Math.floor((this.opts.memoryBytes * this.opts.memoryFraction) / Math.max(1, this.opts.cores))),
      compressShuffle: this.opts.compressShuffle,
      files: registeredFiles(),
      ...(this.opts.authSecret ? { authSecret: this.opts.authSecret } : {}),
    };
    const worker = new Worker(distEntry('executor/task-worker.js'), { workerData: { ctx, hooks: this.opts.moduleHooks ?? false } });
    worker.unref();
    let markReady!: () => void;
    const slot: Slot = { worker, ready: new Promise<void>((r) => (markReady = r)), payloads: new Set() };
    worker.on('message', (m: FromWorker) => this.onWorkerMessage(slot, m, markReady));
    worker.on('error', (e) => this.onWorkerCrash(slot, e));
    worker.on('exit', (code) => {
      if (this.stopped || !this.slots.includes(slot)) return;
      if (this.opts.exitProcessWhenTaskExits && slot.busyWith !== undefined) {
        process.stderr.write(`executor ${this.opts.executorId}: task ${slot.busyWith} called process.exit(${code}); exiting\n`);
        process.exit(code === 0 ? 1 : code);
      }
      this.onWorkerCrash(slot, new Error(`task thread exited with code ${code}`));
    });
    return slot;
  }

  private onWorkerMessage(slot: Slot, m: FromWorker, markReady: () => void): void {
    switch (m.type) {
      case 'ready':
        markReady();
        return;
      case 'result':
        if (slot.busyWith === m.result.taskId) slot.busyWith = undefined;
        this.onResult(m.result);
        this.pump();
        return;
      case 'request':
        void this.answer(slot, m);
        return;
    }
  }

  private async answer(slot: Slot, m: Extract<FromWorker, { type: 'request' }>): Promise<void> {
    try {
      let value: unknown;
      switch (m.what) {
        case 'get-block':
          value = this.blocks.get(m.rddId, m.partition);
          break;
        case 'put-block':
          this.blocks.put(m.rddId, m.partition, m.bytes, { useMemory: m.useMemory, useDisk: m.useDisk });
          return;
        case 'get-broadcast': {
          let p = this.broadcastBytes.get(m.id);
          if (!p) {
            p = this.opts.fetchBroadcast(m.id);
            this.broadcastBytes.set(m.id, p);
            p.catch(() => this.broadcastBytes.delete(m.id));
          }
          value = await p;
          break;
        }
      }
      const reply: ToWorker = { type: 'reply', reqId: m.reqId, ok: true, value };
      slot.worker.postMessage(reply);
    } catch (e) {
      const reply: ToWorker = { type: 'reply', reqId: m.reqId, ok: false, error: e instanceof Error ? e.message : String(e) };
      slot.worker.postMessage(reply);
    }
  }

  /** A thread that dies (e.g. out of memory) fails its task; a new thread replaces it. */
  private onWorkerCrash(slot: Slot, e: Error): void {
    const i = this.slots.indexOf(slot);
    if (i < 0 || this.stopped) return;
    const taskId = slot.busyWith;
    this.slots[i] = this.newSlot();
    void slot.worker.terminate();
    if (taskId !== undefined) this.onResult({ taskId, status: 'failed', error: toWire(e), durationMs: 0 });
    this.pump();
  }
}
