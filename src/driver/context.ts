// SparkContext: the driver's entry point. Resolves configuration, starts the scheduler backend for the master
// URL, and offers Spark's SparkContext API (parallelize, textFile, broadcast, accumulators…). Jobs go through the
// DAG scheduler; the RDD layer sees this class only through the RddContext interface.
import { AsyncLocalStorage } from 'node:async_hooks';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { activeContexts, registerActiveContext, registerContextFactory, submittedConf, unregisterActiveContext } from '../common/active-context.js';
import { TsSparkError } from '../common/errors.js';
import { checkFileExists, registeredFiles, registerFiles } from '../common/spark-files.js';
import { counter, type RddId, type ShuffleId } from '../common/ids.js';
import { encodeValue } from '../common/record-codec.js';
import { SparkConf } from '../common/spark-conf.js';
import { Accumulator, LongAccumulator, type AccumulatorMerge } from '../rdd/accumulator.js';
import { Broadcast } from '../rdd/broadcast.js';
import { allNodes, numPartitions } from '../rdd/lineage.js';
import { DRIVER_ONLY, type RddContext } from '../rdd/rdd-context.js';
import type { RddNode } from '../rdd/rdd-node.js';
import { RDD } from '../rdd/rdd.js';
import type { PartitionSink } from '../rdd/sink.js';
import type { StorageLevel } from '../rdd/storage-level.js';
import { rangeLength } from '../rdd/compute/sources.js';
import { createBackend } from './backends/create-backend.js';
import type { SchedulerBackend } from './backends/scheduler-backend.js';
import { DagScheduler } from './dag-scheduler.js';
import { computeSplits, listInputFiles } from './input-splits.js';
import { parseMasterUrl, type MasterSpec } from './master-url.js';
import { StatusBus } from './status/status-events.js';
import { DriverUi } from './ui/driver-ui.js';

/** A job submitted before the executors were up: its group, and why it was cancelled meanwhile. */
interface PendingJob {
  readonly jobGroup?: string;
  cancelled?: string;
}

export interface RddStorageInfo {
  readonly id: number;
  readonly storageLevel: string;
  readonly numCachedPartitions: number;
  readonly memSize: number;
  readonly executors: readonly string[];
}

export interface SparkContextOptions {
  readonly master?: string;
  readonly appName?: string;
  readonly conf?: SparkConf | Readonly<Record<string, string | number | boolean>>;
}

export class SparkContext implements RddContext {
  readonly [DRIVER_ONLY] = true;
  readonly conf: SparkConf;
  readonly master: string;
  readonly appName: string;
  readonly applicationId: string;
  readonly startTime = Date.now();
  readonly statusBus = new StatusBus();
  readonly localDir: string;
  private readonly spec: MasterSpec;
  private readonly backend: SchedulerBackend;
  private readonly dag: DagScheduler;
  private readonly started: Promise<void>;
  private readonly ui: DriverUi;
  private readonly nextRdd = counter<RddId>();
  private readonly nextShuffle = counter<ShuffleId>();
  private readonly nextBroadcast = counter<number>();
  private readonly nextAccumulator = counter<number>();
  private readonly persisted = new Map<number, StorageLevel>();
  private readonly replacements = new Map<number, RddNode>();
  private readonly broadcasts = new Map<number, Uint8Array>();
  private readonly accumulators = new Map<number, Accumulator<unknown>>();
  private readonly pendingJobs = new Set<PendingJob>();
  private stopped = false;
  private stopping?: Promise<void>;
  /** Job group per async call chain, like Spark's thread-local job group (setJobGroup affects this caller only). */
  private readonly jobGroupStore = new AsyncLocalStorage<{ group?: string }>();
  private ckptDir?: string;
  uiWebUrl: string | null = null;

  constructor(options: SparkContextOptions | SparkConf = {}) {
    const conf = new SparkConf(submittedConf() ?? {});
    if (options instanceof SparkConf) conf.setAll(options.getAll());
    else {
      if (options.conf) conf.setAll(options.conf instanceof SparkConf ? options.conf.getAll() : options.conf);
      if (options.master) conf.setMaster(options.master);
      if (options.appName) conf.setAppName(options.appName);
    }
    this.conf = conf;
    this.master = conf.getString('spark.master');
    this.appName = conf.getString('spark.app.name');
    this.spec = parseMasterUrl(this.master);
    this.applicationId = conf.get('spark.app.id') ?? (this.spec.kind === 'local' ? `local-${Date.now()}` : `app-${new Date().toISOString().replace(/\D/g, '').slice(0, 14)}-${crypto.randomBytes(2).toString('hex')}`);
    this.localDir = fs.mkdtempSync(path.join(conf.get('spark.local.dir') ?? os.tmpdir(), 'tsspark-'));
    const ckpt = conf.get('spark.checkpoint.dir');
    if (ckpt) this.ckptDir = path.resolve(ckpt);
    this.backend = createBackend(this.spec, {
      appId: this.applicationId,
      conf,
      localDir: this.localDir,
      fetchBroadcast: async (id) => this.broadcastBytes(id),
    });
    const maxFailures = this.spec.kind === 'local' ? this.spec.maxFailures : conf.getInt('spark.task.maxFailures');
    this.dag = new DagScheduler(this.backend, this.statusBus, maxFailures, () => [...this.persisted].map(([id, l]) => [id, l.useMemory, l.useDisk] as const));
    this.ui = new DriverUi(this, (url) => { this.uiWebUrl = url; }); // status store, event log, progress bar, web UI
    this.statusBus.post({ kind: 'application-start', appId: this.applicationId, appName: this.appName, time: this.startTime, user: os.userInfo().username });
    this.statusBus.post(this.ui.environmentEvent());
    this.started = Promise.all([this.backend.start({
      executorAdded: (info) => this.dag.executorAdded(info),
      executorLost: (id, reason) => this.dag.executorLost(id, reason),
      taskResult: (id, r) => this.dag.taskResult(id, r),
      executorMetrics: (id, m) => this.statusBus.post({ kind: 'executor-metrics-update', executorId: id, peakMemoryMetrics: m, time: Date.now() }),
    })]).then(() => undefined);
    this.started.catch(() => undefined);
    registerFiles((conf.get('spark.files') ?? '').split(',').filter(Boolean));
    registerActiveContext(this);
  }

  /** The active context, or a new one (Spark's SparkContext.getOrCreate). */
  static getOrCreate(options?: SparkContextOptions | SparkConf): SparkContext {
    const live = activeContexts().find((c): c is SparkContext => c instanceof SparkContext);
    return live ?? new SparkContext(options);
  }

  get isStopped(): boolean { return this.stopped; }
  get defaultParallelism(): number { return this.conf.getInt('spark.default.parallelism', this.backend.defaultParallelism); }
  get defaultParallelismSet(): boolean { return this.conf.has('spark.default.parallelism'); }
  get defaultMinPartitions(): number { return Math.min(this.defaultParallelism, 2); }
  get checkpointDir(): string | undefined { return this.ckptDir; }
  /** Resolves once the executors and the web UI have started (jobs wait only for the executors). */
  ready(): Promise<void> { return Promise.all([this.started, this.ui.ready]).then(() => undefined); }

  newRddId(): RddId { return this.nextRdd(); }
  newShuffleId(): ShuffleId { return this.nextShuffle(); }

  // ---- creating RDDs
  parallelize<T>(data: Iterable<T>, numSlices: number = this.defaultParallelism): RDD<T> {
    this.assertRunning();
    const arr = Array.isArray(data) ? (data as T[]) : [...data];
    if (!Number.isInteger(numSlices) || numSlices < 1) throw new TsSparkError('INVALID_ARGUMENT', `numSlices must be a positive integer, got ${numSlices}`);
    const slices: T[][] = [];
    for (let i = 0; i < numSlices; i++) slices.push(arr.slice(Math.floor((i * arr.length) / numSlices), Math.floor(((i + 1) * arr.length) / numSlices)));
    return new RDD<T>(this, { kind: 'parallelize', id: this.newRddId(), numPartitions: numSlices, slices });
  }

  makeRDD<T>(data: Iterable<T>, numSlices?: number): RDD<T> { return this.parallelize(data, numSlices); }

  range(start: number, end?: number, step = 1, numSlices: number = this.defaultParallelism): RDD<number> {
    this.assertRunning();
    if (end === undefined) [start, end] = [0, start];
    rangeLength(start, end, step); // validates step
    return new RDD<number>(this, { kind: 'range', id: this.newRddId(), start, end, step, numPartitions: Math.max(1, numSlices) });
  }

  textFile(filePath: string, minPartitions: number = this.defaultMinPartitions): RDD<string> {
    this.assertRunning();
    const listed = listInputFiles(filePath);
    const splits = listed.missing ? [] : computeSplits(listed.files, minPartitions);
    return new RDD<string>(this, { kind: 'text-file', id: this.newRddId(), path: filePath, splits, ...(listed.missing ? { missing: listed.missing } : {}) });
  }

  wholeTextFiles(dir: string, minPartitions: number = this.defaultMinPartitions): RDD<[string, string]> {
    this.assertRunning();
    const listed = listInputFiles(dir);
    const n = Math.max(1, Math.min(minPartitions, listed.files.length));
    const groups: string[][] = Array.from({ length: n }, () => []);
    listed.files.forEach((f, i) => groups[Math.floor((i * n) / Math.max(1, listed.files.length))]!.push(f.path));
    return new RDD<[string, string]>(this, { kind: 'whole-text-files', id: this.newRddId(), path: dir, groups: listed.missing ? [] : groups, ...(listed.missing ? { missing: listed.missing } : {}) });
  }

  /** Adds a file that tasks can find with SparkFiles.get(name). */
  addFile(filePath: string): void {
    checkFileExists(path.resolve(filePath));
    registerFiles([filePath]);
    this.conf.set('spark.files', registeredFiles().join(','));
  }

  emptyRDD<T>(): RDD<T> { return new RDD<T>(this, { kind: 'empty', id: this.newRddId() }); }

  union<T>(rdds: ReadonlyArray<RDD<T>>): RDD<T> {
    return new RDD<T>(this, { kind: 'union', id: this.newRddId(), parents: rdds.map((r) => r.node) });
  }

  // ---- shared variables
  broadcast<T>(value: T): Broadcast<T> {
    this.assertRunning();
    const id = this.nextBroadcast();
    this.broadcasts.set(id, encodeValue(value));
    return new Broadcast<T>(id, value, (bid, destroyed) => {
      // unpersist: executors drop their copies and fetch the driver's bytes again on next use (Spark's semantics)
      if (destroyed) this.broadcasts.delete(bid);
      this.backend.removeBroadcast(bid);
    });
  }

  private broadcastBytes(id: number): Uint8Array {
    const b = this.broadcasts.get(id);
    if (!b) throw new TsSparkError('INVALID_ARGUMENT', `Broadcast(${id}) is not available (destroyed?)`);
    return b;
  }

  /** Spark's deprecated sc.accumulator(initial): sums numbers (or bigints). */
  accumulator<T extends number | bigint>(initial: T, name?: string): Accumulator<T> {
    return this.registerAccumulator(new Accumulator<T>(this.nextAccumulator(), initial, 'sum', name));
  }
  longAccumulator(name?: string): LongAccumulator { return this.registerAccumulator(new LongAccumulator(this.nextAccumulator(), 0, 'sum', name)); }
  doubleAccumulator(name?: string): LongAccumulator { return this.longAccumulator(name); }
  collectionAccumulator<T>(name?: string): Accumulator<T[]> { return this.registerAccumulator(new Accumulator<T[]>(this.nextAccumulator(), [], 'list' as AccumulatorMerge, name)); }

  private registerAccumulator<A extends { readonly id: number }>(a: A): A {
    this.accumulators.set(a.id, a as unknown as Accumulator<unknown>);
    return a;
  }

  // ---- persistence and checkpoints
  persist(rddId: RddId, level: StorageLevel): void { this.persisted.set(rddId, level); }
  unpersist(rddId: RddId): void {
    if (this.persisted.delete(rddId)) {
      this.backend.removeRdd(rddId);
      this.dag.blocks.removeRdd(rddId);
    }
  }
  storageLevelOf(rddId: RddId): StorageLevel | undefined { return this.persisted.get(rddId); }
  getPersistentRDDs(): Map<number, StorageLevel> { return new Map(this.persisted); }

  /** Spark's getRDDStorageInfo: cached RDDs with how many partitions are cached where, and their sizes. */
  getRDDStorageInfo(): RddStorageInfo[] {
    return [...this.persisted].map(([id, level]) => {
      const blocks = [...this.dag.blocks.blocksOf(id).values()];
      return {
        id,
        storageLevel: level.name,
        numCachedPartitions: blocks.length,
        memSize: blocks.reduce((s, b) => s + b.bytes, 0),
        executors: [...new Set(blocks.map((b) => b.executorId))],
      };
    });
  }
  replacementFor(rddId: RddId): RddNode | undefined { return this.replacements.get(rddId); }
  setReplacement(rddId: RddId, node: RddNode): void { this.replacements.set(rddId, node); }
  setCheckpointDir(dir: string): void {
    this.ckptDir = path.resolve(dir, crypto.randomUUID());
    fs.mkdirSync(this.ckptDir, { recursive: true });
  }

  // ---- jobs
  setJobGroup(groupId: string, _description?: string): void { this.jobGroupStore.enterWith({ group: groupId }); }
  clearJobGroup(): void { this.jobGroupStore.enterWith({}); }
  private get jobGroup(): string | undefined { return this.jobGroupStore.getStore()?.group; }
  cancelJobGroup(groupId: string): void {
    for (const w of this.pendingJobs) if (w.jobGroup === groupId) w.cancelled = `part of cancelled job group ${groupId}`;
    this.dag.cancelJobGroup(groupId);
  }
  /** Cancels one running job (Spark's SparkContext.cancelJob). */
  cancelJob(jobId: number, reason = 'cancelled'): void { this.dag.cancelJob(jobId, reason); }
  cancelAllJobs(): void {
    for (const w of this.pendingJobs) w.cancelled = 'cancelled by cancelAllJobs';
    this.dag.cancelAllJobs('cancelled by cancelAllJobs');
  }
  setLogLevel(level: string): void {
    const ok = ['ALL', 'DEBUG', 'ERROR', 'FATAL', 'INFO', 'OFF', 'TRACE', 'WARN'];
    if (!ok.includes(level.toUpperCase())) throw new TsSparkError('INVALID_ARGUMENT', `Supplied level ${level} did not match one of: ${ok.join(',')}`);
    this.conf.set('spark.log.level', level.toUpperCase());
  }

  async runJob(node: RddNode, sink: PartitionSink, partitions?: readonly number[], description = 'job'): Promise<unknown[]> {
    this.assertRunning();
    checkInputsExist(node);
    // A job waiting for the executors to start is not in the DAG scheduler yet: cancellation must still reach it.
    const waiting: PendingJob = { ...(this.jobGroup ? { jobGroup: this.jobGroup } : {}) };
    this.pendingJobs.add(waiting);
    try {
      await this.started;
    } finally {
      this.pendingJobs.delete(waiting);
    }
    if (waiting.cancelled !== undefined) throw new TsSparkError('JOB_CANCELLED', `Job cancelled before it started: ${waiting.cancelled}`);
    this.assertRunning();
    const parts = partitions ?? Array.from({ length: numPartitions(node) }, (_, i) => i);
    return this.dag.submitJob(node, sink, parts, {
      description,
      ...(waiting.jobGroup ? { jobGroup: waiting.jobGroup } : {}),
      onAccumulators: (updates) => {
        for (const [id, v] of updates) this.accumulators.get(id)?.mergeUpdate(v);
      },
    });
  }

  stop(): Promise<void> {
    if (!this.stopping) this.stopping = this.doStop();
    return this.stopping;
  }

  private async doStop(): Promise<void> {
    for (const w of this.pendingJobs) w.cancelled = 'SparkContext was shut down';
    this.dag.cancelAllJobs('SparkContext was shut down');
    this.stopped = true;
    unregisterActiveContext(this);
    try {
      await this.started.catch(() => undefined);
      await this.backend.stop();
    } finally {
      this.statusBus.post({ kind: 'application-end', time: Date.now() });
      await this.ui.stop().catch(() => undefined);
      fs.rmSync(this.localDir, { recursive: true, force: true });
    }
  }

  private assertRunning(): void {
    if (this.stopped) throw new TsSparkError('CONTEXT_STOPPED', 'Cannot call methods on a stopped SparkContext.', { hint: 'create a new SparkContext' });
  }
}

function checkInputsExist(node: RddNode): void {
  for (const n of allNodes(node)) {
    if ((n.kind === 'text-file' || n.kind === 'whole-text-files') && n.missing) {
      const abs = path.resolve(n.missing.replace(/^file:\/\//, ''));
      throw new TsSparkError('PATH_NOT_FOUND', `Input path does not exist: file:${abs}`, { details: { path: abs } });
    }
  }
}

registerContextFactory((conf) => SparkContext.getOrCreate(new SparkConf(conf)));
