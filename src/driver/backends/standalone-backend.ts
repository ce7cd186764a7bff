// spark://host:port[,host:port]: the application registers with a standalone master, whose workers launch executor
// processes that register back with this driver. The driver heartbeats the master (which reports executors it
// removed, e.g. with a dead worker, so the scheduler recovers through lineage) and unregisters on stop, which makes
// the master kill the executors and the workers clean up.
import os from 'node:os';
import { activeContexts } from '../../common/active-context.js';
import { parseBytes } from '../../common/conf-values.js';
import { isTsSparkError, TsSparkError } from '../../common/errors.js';
import { tsSparkHooksRegistered } from '../../common/module-hooks/register.js';
import { resolveAuthSecret, type RpcAuth } from '../../common/rpc/auth.js';
import { EnvelopeClient } from '../../common/rpc/envelope.js';
import { loadServiceDefinition } from '../../common/rpc/proto-loader.js';
import { formatAddress } from '../../common/rpc/server.js';
import type { MasterSpec } from '../master-url.js';
import type { BackendContext } from './create-backend.js';
import { RemoteExecutors, RemoteExecutorsBackend } from './remote-executors.js';
import type { BackendEvents } from './scheduler-backend.js';

const EXECUTOR_ID = /^\d{1,9}$/;

// the driver never imports the daemons (src/cluster): it speaks MasterService from its .proto (formats listed there)
const masterServiceDefinition = (): ReturnType<typeof loadServiceDefinition> => loadServiceDefinition('cluster/master/master.proto', 'tsspark.master.MasterService');

export class StandaloneBackend extends RemoteExecutorsBackend {
  private master?: EnvelopeClient;
  private masterAddress?: string;
  private timer?: NodeJS.Timeout;
  private readonly cores = new Map<string, number>();
  private readonly auth: RpcAuth | undefined;
  private readonly networkTimeoutMs: number;
  private readonly executorHeartbeatMs: number;
  private stopping = false;
  private forgotten = false;
  private grantedCores = 0;
  private onCoresChanged?: () => void;

  constructor(private readonly spec: Extract<MasterSpec, { kind: 'standalone' }>, private readonly ctx: BackendContext) {
    super();
    this.auth = resolveAuthSecret(ctx.conf);
    this.networkTimeoutMs = ctx.conf.getDurationMs('spark.network.timeout');
    this.executorHeartbeatMs = Math.min(ctx.conf.getDurationMs('spark.executor.heartbeatInterval'), Math.max(100, this.networkTimeoutMs / 4));
  }

  /** As Spark's CoarseGrainedSchedulerBackend: the registered executors' cores, at least 2. */
  get defaultParallelism(): number {
    let total = 0;
    for (const c of this.cores.values()) total += c;
    return Math.max(2, total);
  }

  async start(events: BackendEvents): Promise<void> {
    this.remote = await RemoteExecutors.start({
      conf: this.ctx.conf,
      auth: this.auth,
      fetchBroadcast: this.ctx.fetchBroadcast,
      admit: (e) => {
        if (!EXECUTOR_ID.test(e.executorId)) throw new TsSparkError('INVALID_ARGUMENT', `unexpected executor id ${e.executorId}`);
      },
      events: {
        executorAdded: (info) => {
          this.cores.set(info.id, info.cores);
          events.executorAdded(info);
          this.onCoresChanged?.();
        },
        executorLost: (id, reason) => {
          this.cores.delete(id);
          events.executorLost(id, reason);
        },
        taskResult: (id, r) => events.taskResult(id, r),
        executorMetrics: (id, m) => events.executorMetrics?.(id, m),
      },
    });
    try {
      await this.register();
    } catch (e) {
      await this.remote.close();
      throw e;
    }
    const pollMs = this.ctx.conf.getDurationMs('spark.tsspark.standalone.heartbeatInterval', 1000);
    this.timer = setInterval(() => this.tick(), Math.max(20, pollMs));
    this.timer.unref();
    await this.waitForExecutors();
  }

  private async register(): Promise<void> {
    const conf = this.ctx.conf;
    const body = {
      appId: this.ctx.appId,
      name: conf.get('spark.app.name') ?? 'tsspark-app',
      user: os.userInfo().username,
      driverAddress: this.remote!.address,
      ...(conf.get('spark.cores.max') !== undefined ? { coresMax: conf.getInt('spark.cores.max') } : {}),
      // unset: one executor per worker with all the cores it can give (Spark's standalone default)
      ...(conf.has('spark.executor.cores') ? { coresPerExecutor: conf.getInt('spark.executor.cores') } : {}),
      memoryPerExecutorMb: Math.max(1, Math.floor(parseBytes(conf.getString('spark.executor.memory'), 'spark.executor.memory') / (1024 * 1024))),
      executorSettings: {
        memoryFraction: conf.getDouble('spark.memory.fraction', 0.6),
        compressShuffle: conf.getBool('spark.shuffle.compress'),
        heartbeatMs: Math.round(this.executorHeartbeatMs),
        moduleHooks: conf.getBool('spark.tsspark.moduleHooks', tsSparkHooksRegistered()),
      },
    };
    const failures: string[] = [];
    for (const m of this.spec.masters) {
      const address = formatAddress(m.host, m.port);
      const client = new EnvelopeClient(masterServiceDefinition(), address, this.auth ? { auth: this.auth } : {});
      try {
        const r = await client.call<{ coresGranted?: number }>('RegisterApplication', body, 10_000);
        this.master = client;
        this.masterAddress = address;
        this.grantedCores = typeof r.coresGranted === 'number' ? r.coresGranted : 0;
        return;
      } catch (e) {
        client.close();
        if (isTsSparkError(e, 'UNAUTHENTICATED')) throw e;
        failures.push(`${address}: ${(e as Error).message.split('\n', 1)[0]}`);
      }
    }
    throw new TsSparkError('RPC_FAILED', `could not register application ${this.ctx.appId} with any master:\n  ${failures.join('\n  ')}`, {
      hint: 'check that tsspark-master runs at the spark:// address (see sbin/start-master.sh)',
    });
  }

  /** Waits (spark.scheduler.maxRegisteredResourcesWaitingTime) until the cores granted at registration have registered. */
  private waitForExecutors(): Promise<void> {
    const ratio = this.ctx.conf.getDouble('spark.scheduler.minRegisteredResourcesRatio', 1);
    const want = Math.ceil(this.grantedCores * Math.min(1, Math.max(0, ratio)));
    const maxWait = this.ctx.conf.getDurationMs('spark.scheduler.maxRegisteredResourcesWaitingTime', 30_000);
    return new Promise<void>((resolve) => {
      const check = (): void => {
        let have = 0;
        for (const c of this.cores.values()) have += c;
        if (have >= want || this.stopping) done();
      };
      const done = (): void => {
        clearTimeout(t);
        this.onCoresChanged = undefined;
        resolve();
      };
      const t = setTimeout(done, maxWait);
      t.unref();
      this.onCoresChanged = check;
      check();
    });
  }

  private tick(): void {
    if (this.stopping || !this.master) return;
    for (const s of this.remote?.silentFor(this.networkTimeoutMs) ?? []) this.remote?.markLost(s.id, `Executor heartbeat timed out after ${s.silentMs} ms`);
    this.master.call<{ known: boolean; removed: Array<{ executorId: string; reason: string }> }>('ApplicationHeartbeat', { appId: this.ctx.appId, uiUrl: this.uiUrl() }, 5000).then(
      (r) => {
        if (!r.known) {
          if (!this.forgotten) process.stderr.write(`tsspark: master ${this.masterAddress} no longer knows application ${this.ctx.appId}\n`);
          this.forgotten = true;
          return;
        }
        if (!Array.isArray(r.removed)) return;
        for (const x of r.removed) {
          if (typeof x?.executorId === 'string') this.remote?.markLost(x.executorId, typeof x.reason === 'string' ? x.reason : 'removed by the master');
        }
      },
      () => undefined, // the master may be restarting; executors keep working meanwhile
    );
  }

  private uiUrl(): string | undefined {
    for (const c of activeContexts()) {
      const o = c as { applicationId?: unknown; uiWebUrl?: unknown };
      if (o.applicationId === this.ctx.appId && typeof o.uiWebUrl === 'string') return o.uiWebUrl;
    }
    return undefined;
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.onCoresChanged?.();
    if (this.timer) clearInterval(this.timer);
    this.remote?.beginStop();
    // the master kills the executors through their workers, which then remove the app's directories
    await this.master?.call('UnregisterApplication', { appId: this.ctx.appId }, 5000).catch((e: unknown) => {
      process.stderr.write(`tsspark: could not unregister ${this.ctx.appId} from the master: ${String(e).split('\n', 1)[0]}\n`);
    });
    this.master?.close();
    await this.remote?.close();
  }
}
