// local, local[N], local[*], local[N,F]: one executor ("driver") inside the driver process whose N task slots
// are worker threads. Same task runner and shuffle code as every other master; messages are direct calls.
import { Executor, type LaunchRequest } from '../../executor/executor.js';
import { sampleExecutorMetrics } from '../../executor/executor-metrics.js';
import { removeShuffle } from '../../shuffle/cleanup.js';
import type { BackendEvents, SchedulerBackend } from './scheduler-backend.js';

export interface LocalBackendOptions {
  readonly appId: string;
  readonly cores: number;
  readonly localDir: string;
  readonly memoryBytes: number;
  readonly memoryFraction: number;
  readonly compressShuffle: boolean;
  readonly fetchBroadcast: (id: number) => Promise<Uint8Array>;
  readonly moduleHooks: boolean;
  /** How often the driver process reports its memory peaks as executor 'driver' (Spark's heartbeat interval). */
  readonly metricsIntervalMs?: number;
}

export class LocalBackend implements SchedulerBackend {
  private executor?: Executor;
  private metricsTimer?: NodeJS.Timeout;

  constructor(private readonly opts: LocalBackendOptions) {}

  get defaultParallelism(): number {
    return this.opts.cores;
  }

  async start(events: BackendEvents): Promise<void> {
    const ex = new Executor(
      {
        executorId: 'driver',
        appId: this.opts.appId,
        cores: this.opts.cores,
        localDir: this.opts.localDir,
        memoryBytes: this.opts.memoryBytes,
        memoryFraction: this.opts.memoryFraction,
        compressShuffle: this.opts.compressShuffle,
        fetchBroadcast: this.opts.fetchBroadcast,
        moduleHooks: this.opts.moduleHooks,
      },
      (r) => events.taskResult('driver', r),
    );
    this.executor = ex;
    await ex.ready();
    events.executorAdded({ id: 'driver', host: '127.0.0.1', cores: this.opts.cores, shufflePort: 0, pid: process.pid });
    // the task threads live in this process, so its RSS is the executor's (what a remote executor's heartbeat reports)
    const report = (): void => events.executorMetrics?.('driver', sampleExecutorMetrics());
    report();
    this.metricsTimer = setInterval(report, this.opts.metricsIntervalMs ?? 10_000);
    this.metricsTimer.unref();
  }

  launchTask(_executorId: string, req: LaunchRequest): void {
    this.executor?.launch(req);
  }

  killTask(_executorId: string, taskId: number): void {
    this.executor?.kill(taskId);
  }

  removeBroadcast(id: number): void {
    this.executor?.removeBroadcast(id);
  }

  removeRdd(rddId: number): void {
    this.executor?.removeRdd(rddId);
  }

  removeShuffle(shuffleId: number): void {
    removeShuffle(this.opts.localDir, shuffleId);
  }

  async stop(): Promise<void> {
    clearInterval(this.metricsTimer);
    await this.executor?.stop();
  }
}
