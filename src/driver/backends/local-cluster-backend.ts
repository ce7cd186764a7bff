// local-cluster[E,C,M]: E executor processes with C task slots and M MiB each, spawned by the driver and spoken to
// over gRPC on loopback. A process that exits or stops heartbeating is declared lost and replaced.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { distEntry } from '../../common/dist-entry.js';
import { TsSparkError } from '../../common/errors.js';
import { tsSparkHooksRegistered } from '../../common/module-hooks/register.js';
import { resolveAuthSecret, type RpcAuth } from '../../common/rpc/auth.js';
import type { ExecutorLaunchConfig } from '../../executor/main.js';
import type { MasterSpec } from '../master-url.js';
import type { BackendContext } from './create-backend.js';
import { RemoteExecutors, RemoteExecutorsBackend, type ExecutorRegistration } from './remote-executors.js';
import type { BackendEvents } from './scheduler-backend.js';

interface ExecutorProc {
  readonly id: string;
  readonly child: ChildProcess;
  registered: boolean;
  lost: boolean;
  onRegistered?: () => void;
}

const REGISTRATION_TIMEOUT_MS = 30_000;

export class LocalClusterBackend extends RemoteExecutorsBackend {
  private readonly procs = new Map<string, ExecutorProc>();
  private nextId = 0;
  private stopping = false;
  private monitor?: NodeJS.Timeout;
  private readonly auth: RpcAuth | undefined;
  private readonly timeoutMs: number;
  private readonly heartbeatMs: number;

  constructor(private readonly spec: Extract<MasterSpec, { kind: 'local-cluster' }>, private readonly ctx: BackendContext) {
    super();
    this.auth = resolveAuthSecret(ctx.conf);
    this.timeoutMs = ctx.conf.getDurationMs('spark.network.timeout');
    this.heartbeatMs = Math.min(ctx.conf.getDurationMs('spark.executor.heartbeatInterval'), Math.max(100, this.timeoutMs / 4));
  }

  get defaultParallelism(): number {
    return this.spec.executors * this.spec.coresPerExecutor;
  }

  async start(events: BackendEvents): Promise<void> {
    this.remote = await RemoteExecutors.start({
      conf: this.ctx.conf,
      auth: this.auth,
      events,
      fetchBroadcast: this.ctx.fetchBroadcast,
      admit: (e) => this.admit(e),
      onRegistered: (e) => this.procs.get(e.executorId)?.onRegistered?.(),
      onUnreachable: (id, reason) => {
        const p = this.procs.get(id);
        if (!p) return;
        p.child.kill('SIGKILL');
        this.onExecutorGone(p, reason);
      },
    });
    const started = Array.from({ length: this.spec.executors }, () => this.spawnExecutor());
    this.monitor = setInterval(() => this.checkHeartbeats(), Math.max(50, Math.min(1000, this.timeoutMs / 4)));
    this.monitor.unref();
    await Promise.all(started);
  }

  private spawnExecutor(): Promise<void> {
    const id = String(this.nextId++);
    const cfg: ExecutorLaunchConfig = {
      driverAddress: this.remote!.address,
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
      files: (this.ctx.conf.get('spark.files') ?? '').split(',').filter(Boolean),
    };
    const env: NodeJS.ProcessEnv = { ...process.env, TSSPARK_EXECUTOR: JSON.stringify(cfg) };
    delete env.TSSPARK_SUBMIT_CONF;
    if (this.auth) env.TSSPARK_AUTH_SECRET = this.auth.secret;
    else delete env.TSSPARK_AUTH_SECRET;
    const nodeOpts = (this.ctx.conf.get('spark.executor.extraNodeOptions') ?? '').split(/\s+/).filter(Boolean);
    const child = spawn(process.execPath, [...nodeOpts, fileURLToPath(distEntry('executor/main.js'))], { env, stdio: ['ignore', 'inherit', 'inherit'] });
    const proc: ExecutorProc = { id, child, registered: false, lost: false };
    this.procs.set(id, proc);
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new TsSparkError('EXECUTOR_LOST', `executor ${id} did not register within ${REGISTRATION_TIMEOUT_MS} ms`)), REGISTRATION_TIMEOUT_MS);
      timer.unref();
      proc.onRegistered = () => {
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

  private admit(e: ExecutorRegistration): void {
    const p = this.procs.get(e.executorId);
    if (!p || p.registered || p.child.pid !== e.pid) throw new TsSparkError('INVALID_ARGUMENT', `unexpected executor registration for ${e.executorId}`);
    p.registered = true;
  }

  private onExecutorGone(p: ExecutorProc, reason: string): void {
    if (p.lost) return;
    p.lost = true;
    if (this.stopping) return;
    this.remote?.markLost(p.id, reason);
    // as Spark's local-cluster (and a standalone worker), start a replacement executor
    this.spawnExecutor().catch((e: unknown) => {
      if (!this.stopping) process.stderr.write(`could not replace executor ${p.id}: ${String(e)}\n`);
    });
  }

  private checkHeartbeats(): void {
    for (const s of this.remote?.silentFor(this.timeoutMs) ?? []) {
      const p = this.procs.get(s.id);
      if (!p || p.lost) continue;
      p.child.kill('SIGKILL');
      this.onExecutorGone(p, `Executor heartbeat timed out after ${s.silentMs} ms`);
    }
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.remote?.beginStop();
    if (this.monitor) clearInterval(this.monitor);
    const exits = [...this.procs.values()].filter((p) => !p.lost && p.child.exitCode === null).map(
      (p) =>
        new Promise<void>((resolve) => {
          const kill = setTimeout(() => p.child.kill('SIGKILL'), 3000);
          p.child.once('exit', () => {
            clearTimeout(kill);
            resolve();
          });
          if (!p.registered) p.child.kill('SIGKILL');
          else this.remote?.stopExecutor(p.id, 2000).catch(() => p.child.kill('SIGKILL'));
        }),
    );
    await Promise.all(exits);
    await this.remote?.close();
  }
}
