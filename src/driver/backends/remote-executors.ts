// Driver side of executors that run as separate processes (local-cluster, standalone): serves DriverService, keeps
// a client per registered executor, batches task launches, tracks heartbeats and reports executors added and lost.
// How executors are started (and who is allowed to register) is the owning backend's business.
import type { SparkConf } from '../../common/spark-conf.js';
import type { RpcAuth } from '../../common/rpc/auth.js';
import { EnvelopeClient } from '../../common/rpc/envelope.js';
import type { RpcServiceBinding } from '../../common/rpc/handlers.js';
import { startRpcServer, type RpcServer } from '../../common/rpc/server.js';
import { executorServiceDefinition } from '../../common/rpc/service-definitions.js';
import type { LaunchRequest } from '../../executor/executor.js';
import { driverService } from '../rpc/driver-service.js';
import type { BackendEvents, SchedulerBackend } from './scheduler-backend.js';

export interface ExecutorRegistration {
  readonly executorId: string;
  readonly host: string;
  readonly cores: number;
  readonly port: number;
  readonly pid: number;
}

export interface RemoteExecutorsOptions {
  readonly conf: SparkConf;
  readonly auth: RpcAuth | undefined;
  readonly events: BackendEvents;
  readonly fetchBroadcast: (id: number) => Promise<Uint8Array>;
  /** Throws to refuse a registration (unknown id, wrong pid, duplicate...). */
  readonly admit: (e: ExecutorRegistration) => void;
  /** Called after an executor registered and was reported to the scheduler. */
  readonly onRegistered?: (e: ExecutorRegistration) => void;
  /** A task launch could not reach the executor; default: declare it lost. */
  readonly onUnreachable?: (executorId: string, reason: string) => void;
  /** More services on the same server. */
  readonly extraServices?: readonly RpcServiceBinding[];
}

interface Remote {
  readonly id: string;
  readonly pid: number;
  readonly client: EnvelopeClient;
  lastHeartbeat: number;
  lost: boolean;
  outbox: LaunchRequest[];
}

export class RemoteExecutors {
  private readonly remotes = new Map<string, Remote>();
  private stopping = false;

  private constructor(
    private readonly opts: RemoteExecutorsOptions,
    private readonly server: RpcServer,
  ) {}

  /** Starts the driver's RPC server (spark.driver.host / spark.driver.port). */
  static async start(opts: RemoteExecutorsOptions): Promise<RemoteExecutors> {
    let self: RemoteExecutors | undefined;
    const server = await startRpcServer({
      host: opts.conf.getString('spark.driver.host'),
      port: opts.conf.getInt('spark.driver.port'),
      ...(opts.auth ? { auth: opts.auth } : {}),
      services: [
        driverService({
          register: (e) => self!.onRegister(e),
          heartbeat: (id, metrics) => {
            const known = self?.touch(id) ?? false;
            if (known && metrics !== undefined) opts.events.executorMetrics?.(id, metrics);
            return known;
          },
          results: (id, results) => {
            if (!self?.touch(id)) return;
            for (const r of results) opts.events.taskResult(id, r);
          },
          broadcast: (id) => opts.fetchBroadcast(id),
        }),
        ...(opts.extraServices ?? []),
      ],
    });
    self = new RemoteExecutors(opts, server);
    return self;
  }

  /** "host:port" executors dial. */
  get address(): string {
    return this.server.address;
  }

  isLive(executorId: string): boolean {
    const r = this.remotes.get(executorId);
    return r !== undefined && !r.lost;
  }

  liveIds(): string[] {
    return [...this.remotes.values()].filter((r) => !r.lost).map((r) => r.id);
  }

  private onRegister(e: ExecutorRegistration): void {
    if (this.stopping) throw new Error('the driver is stopping');
    this.opts.admit(e);
    if (this.remotes.has(e.executorId)) throw new Error(`executor ${e.executorId} is already registered`);
    const client = new EnvelopeClient(executorServiceDefinition(), `${e.host}:${e.port}`, this.opts.auth ? { auth: this.opts.auth } : {});
    this.remotes.set(e.executorId, { id: e.executorId, pid: e.pid, client, lastHeartbeat: Date.now(), lost: false, outbox: [] });
    this.opts.events.executorAdded({ id: e.executorId, host: e.host, cores: e.cores, shufflePort: e.port, pid: e.pid });
    this.opts.onRegistered?.(e);
  }

  private touch(executorId: string): boolean {
    const r = this.remotes.get(executorId);
    if (!r || r.lost) return false;
    r.lastHeartbeat = Date.now();
    return true;
  }

  /** Marks a registered executor lost and tells the scheduler (unless stopping); false when it was not live. */
  markLost(executorId: string, reason: string): boolean {
    const r = this.remotes.get(executorId);
    if (!r || r.lost) return false;
    r.lost = true;
    r.outbox = [];
    r.client.close();
    if (!this.stopping) this.opts.events.executorLost(executorId, reason);
    return true;
  }

  /** Live executors whose last heartbeat is older than timeoutMs, with how long ago it was. */
  silentFor(timeoutMs: number, now: number = Date.now()): Array<{ id: string; pid: number; silentMs: number }> {
    const out: Array<{ id: string; pid: number; silentMs: number }> = [];
    for (const r of this.remotes.values()) if (!r.lost && now - r.lastHeartbeat > timeoutMs) out.push({ id: r.id, pid: r.pid, silentMs: now - r.lastHeartbeat });
    return out;
  }

  launchTask(executorId: string, req: LaunchRequest): void {
    const r = this.remotes.get(executorId);
    if (!r || r.lost) return;
    r.outbox.push(req);
    if (r.outbox.length === 1) queueMicrotask(() => this.flush(r));
  }

  private flush(r: Remote): void {
    const tasks = r.outbox;
    r.outbox = [];
    if (tasks.length === 0 || r.lost) return;
    r.client.call('LaunchTasks', { tasks }).catch((e: unknown) => {
      if (r.lost) return;
      const reason = `task launch failed: ${String(e)}`;
      if (this.opts.onUnreachable) this.opts.onUnreachable(r.id, reason);
      else this.markLost(r.id, reason);
    });
  }

  killTask(executorId: string, taskId: number): void {
    const r = this.remotes.get(executorId);
    if (r && !r.lost) r.client.call('KillTask', { taskId }).catch(() => undefined);
  }

  /** RemoveBlocks on every live executor ({rddId} | {broadcastId} | {shuffleId}). */
  removeBlocks(body: Record<string, unknown>): void {
    for (const r of this.remotes.values()) if (!r.lost) r.client.call('RemoveBlocks', body).catch(() => undefined);
  }

  /** From now on losses are not reported and registrations are refused. */
  beginStop(): void {
    this.stopping = true;
  }

  /** Asks one live executor to stop; resolves when it answered or failed. */
  stopExecutor(executorId: string, deadlineMs: number): Promise<void> {
    const r = this.remotes.get(executorId);
    if (!r || r.lost) return Promise.resolve();
    return r.client.call('StopExecutor', {}, deadlineMs).then(() => undefined);
  }

  /** Closes every client and the server. */
  async close(): Promise<void> {
    this.stopping = true;
    for (const r of this.remotes.values()) r.client.close();
    await this.server.stop();
  }
}

/** What process-executor backends share: task and block messages go through their RemoteExecutors. */
export abstract class RemoteExecutorsBackend implements SchedulerBackend {
  protected remote?: RemoteExecutors;

  abstract start(events: BackendEvents): Promise<void>;
  abstract stop(): Promise<void>;
  abstract get defaultParallelism(): number;

  launchTask(executorId: string, req: LaunchRequest): void { this.remote?.launchTask(executorId, req); }
  killTask(executorId: string, taskId: number): void { this.remote?.killTask(executorId, taskId); }
  removeBroadcast(id: number): void { this.remote?.removeBlocks({ broadcastId: id }); }
  removeRdd(rddId: number): void { this.remote?.removeBlocks({ rddId }); }
  removeShuffle(shuffleId: number): void { this.remote?.removeBlocks({ shuffleId }); }
}
