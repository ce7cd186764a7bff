// local-cluster[E,C,M]: E executor processes with C task slots and M MiB each, spawned by the driver and spoken to
// over gRPC on loopback. A process that exits or stops heartbeating is declared lost and replaced.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { distEntry } from '../../common/dist-entry.js';
import { TsSparkError } from '../../common/errors.js';
import { tsSparkHooksRegistered } from '../../common/module-hooks/register.js';
import { resolveAuthSecret, type RpcAuth } from '../../common/rpc/auth.js';
import { EnvelopeClient } from '../../common/rpc/envelope.js';
import { startRpcServer, type RpcServer } from '../../common/rpc/server.js';
import { executorServiceDefinition } from '../../common/rpc/service-definitions.js';
import type { ExecutorLaunchConfig } from '../../executor/main.js';
import type { LaunchRequest } from '../../executor/executor.js';
import type { MasterSpec } from '../master-url.js';
import { driverService } from '../rpc/driver-service.js';
import type { BackendContext } from './create-backend.js';
import type { BackendEvents, SchedulerBackend } from './scheduler-backend.js';

interface ExecutorProc {
  readonly id: string;
  readonly child: ChildProcess;
  client?: EnvelopeClient;
  lastHeartbeat: number;
  registered: boolean;
  lost: boolean;
  outbox: LaunchRequest[];
}

const REGISTRATION_TIMEOUT_MS = 30_000;

export class LocalClusterBackend implements SchedulerBackend {
  private server?: RpcServer;
  private events?: BackendEvents;
  private readonly procs = new Map<string, ExecutorProc>();
  private nextId = 0;
  private stopping = false;
  private monitor?: NodeJS.Timeout;
  private readonly auth: RpcAuth | undefined;
  private readonly timeoutMs: number;
  private readonly heartbeatMs: number;

  constructor(private readonly spec: Extract<MasterSpec, { kind: 'local-cluster' }>, private readonly ctx: BackendContext) {
    this.auth = resolveAuthSecret(ctx.conf);
    this.timeoutMs = ctx.conf.getDurationMs('spark.network.timeout');
    this.heartbeatMs = Math.min(ctx.conf.getDurationMs('spark.executor.heartbeatInterval'), Math.max(100, this.timeoutMs / 4));
  }

  get defaultParallelism(): number {
    return this.spec.executors * this.spec.coresPerExecutor;
  }

  async start(events: BackendEvents): Promise<void> {
    this.events = events;
    this.server = await startRpcServer({
      host: this.ctx.conf.getString('spark.driver.host'),
      port: this.ctx.conf.getInt('spark.driver.port'),
      ...(this.auth ? { auth: this.auth } : {}),
      services: [
        driverService({
          register: (e) => this.onRegister(e),
          heartbeat: (id) => {
            const p = this.procs.get(id);
            if (!p || p.lost) return false;
            p.lastHeartbeat = Date.now();
            return true;
          },
          results: (id, results) => {
            const p = this.procs.get(id);
            if (!p || p.lost) return;
            p.lastHeartbeat = Date.now();
            for (const r of results) events.taskResult(id, r);
          },
          broadcast: (id) => this.ctx.fetchBroadcast(id),
        }),
      ],
    });
    const started = Array.from({ length: this.spec.executors }, () => this.spawnExecutor());
    this.monitor = setInterval(() => this.checkHeartbeats(), Math.max(50, Math.min(1000, this.timeoutMs / 4)));
    this.monitor.unref();
    await Promise.all(started);
  }

  private spawnExecutor(): Promise<void> {
    const id = String(this.nextId++);
    const cfg: ExecutorLaunchConfig = {
      driverAddress: this.server!.address,
      executorId: id,
      appId: this.ctx.appId,
      host: '127.0.0.1',
      cores: this.spec.coresPerExecutor,
      memoryBytes: this.spec.memoryMb * 1024 * 1024,
      memoryFraction: this.ctx.conf.getDouble('spark.memory.fraction', 0.6),
      localDir: path.join(this.ctx.localDir, `executor-${id}`),
      compressShuffle: this.ctx.conf.getBool('spark.shuffle.compress'),
      heartbeatMs: this.heartbeatMs,
      moduleHooks: this.ctx.conf.getBool('spark.tsspark.moduleHooks', tsSparkHooksRegistered()),
    };
    const env: NodeJS.ProcessEnv = { ...process.env, TSSPARK_EXECUTOR: JSON.stringify(cfg) };
    delete env.TSSPARK_SUBMIT_CONF;
    if (this.auth) env.TSSPARK_AUTH_SECRET = this.auth.secret;
    else delete env.TSSPARK_AUTH_SECRET;
    const nodeOpts = (this.ctx.conf.get('spark.executor.extraNodeOptions') ?? '').split(/\s+/).filter(Boolean);
    const child = spawn(process.execPath, [...nodeOpts, fileURLToPath(distEntry('executor/main.js'))], { env, stdio: ['ignore', 'inherit', 'inherit'] });
    const proc: ExecutorProc = { id, child, lastHeartbeat: Date.now(), registered: false, lost: false, outbox: [] };
    this.procs.set(id, proc);
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new TsSparkError('EXECUTOR_LOST', `executor ${id} did not register within ${REGISTRATION_TIMEOUT_MS} ms`)), REGISTRATION_TIMEOUT_MS);
      timer.unref();
      (proc as { onRegistered?: () => void }).onRegistered = () => {
        clearTimeout(timer);
        resolve();
      };
      child.on('exit', (code, signal) => {
        clearTimeout(timer);
        if (!proc.registered) reject(new TsSparkError('EXECUTOR_LOST', `executor ${id} exited before registering (code ${code}, signal ${signal})`));
        this.onExecutorGone(proc, `Command exited with code ${code ?? signal}`);
      });
    });
  }

  private onRegister(e: { executorId: string; host: string; cores: number; port: number; pid: number }): void {
    const p = this.procs.get(e.executorId);
    if (!p || p.registered || p.child.pid !== e.pid) throw new TsSparkError('INVALID_ARGUMENT', `unexpected executor registration for ${e.executorId}`);
    p.registered = true;
    p.lastHeartbeat = Date.now();
    p.client = new EnvelopeClient(executorServiceDefinition(), `${e.host}:${e.port}`, this.auth ? { auth: this.auth } : {});
    this.events!.executorAdded({ id: e.executorId, host: e.host, cores: e.cores, shufflePort: e.port, pid: e.pid });
    (p as { onRegistered?: () => void }).onRegistered?.();
  }

  private onExecutorGone(p: ExecutorProc, reason: string): void {
    if (p.lost) return;
    p.lost = true;
    p.client?.close();
    if (this.stopping) return;
    if (p.registered) this.events?.executorLost(p.id, reason);
    // as Spark's local-cluster (and a standalone worker), start a replacement executor
    this.spawnExecutor().catch((e: unknown) => process.stderr.write(`could not replace executor ${p.id}: ${String(e)}\n`));
  }

  private checkHeartbeats(): void {
    const now = Date.now();
    for (const p of this.procs.values()) {
      if (p.registered && !p.lost && now - p.lastHeartbeat > this.timeoutMs) {
        p.child.kill('SIGKILL');
        this.onExecutorGone(p, `Executor heartbeat timed out after ${now - p.lastHeartbeat} ms`);
      }
    }
  }

  launchTask(executorId: string, req: LaunchRequest): void {
    const p = this.procs.get(executorId);
    if (!p?.client || p.lost) return;
    p.outbox.push(req);
    if (p.outbox.length === 1) queueMicrotask(() => this.flush(p));
  }

  private flush(p: ExecutorProc): void {
    const tasks = p.outbox;
    p.outbox = [];
    if (tasks.length === 0 || !p.client || p.lost) return;
    p.client.call('LaunchTasks', { tasks }).catch((e: unknown) => {
      if (!p.lost) {
        p.child.kill('SIGKILL');
        this.onExecutorGone(p, `task launch failed: ${String(e)}`);
      }
    });
  }

  killTask(executorId: string, taskId: number): void {
    this.procs.get(executorId)?.client?.call('KillTask', { taskId }).catch(() => undefined);
  }

  removeBroadcast(id: number): void { this.toAll({ broadcastId: id }); }
  removeRdd(rddId: number): void { this.toAll({ rddId }); }
  removeShuffle(shuffleId: number): void { this.toAll({ shuffleId }); }

  private toAll(body: Record<string, unknown>): void {
    for (const p of this.procs.values()) if (!p.lost) p.client?.call('RemoveBlocks', body).catch(() => undefined);
  }

  async stop(): Promise<void> {
    this.stopping = true;
    if (this.monitor) clearInterval(this.monitor);
    const exits = [...this.procs.values()].filter((p) => !p.lost && p.child.exitCode === null).map(
      (p) =>
        new Promise<void>((resolve) => {
          const kill = setTimeout(() => p.child.kill('SIGKILL'), 3000);
          p.child.once('exit', () => {
            clearTimeout(kill);
            resolve();
          });
          p.client?.call('StopExecutor', {}, 2000).catch(() => p.child.kill('SIGKILL'));
        }),
    );
    await Promise.all(exits);
    for (const p of this.procs.values()) p.client?.close();
    await this.server?.stop();
  }
}
