// tsspark-master as a library: the MasterService gRPC server, the timer that retires silent workers and drivers,
// the clients that ask workers to launch and kill executors, and the web UI. main.ts wraps it in a CLI.
import type { SparkConf } from '../../common/spark-conf.js';
import { resolveAuthSecret } from '../../common/rpc/auth.js';
import { EnvelopeClient } from '../../common/rpc/envelope.js';
import { formatAddress, startRpcServer } from '../../common/rpc/server.js';
import { masterService } from './master-service.js';
import { MasterState, type MasterEffects, type MasterPolicy, type WorkerInfo } from './master-state.js';
import { buildMasterUi } from './master-ui.js';
import { workerServiceDefinition } from './protocol.js';

export interface MasterOptions {
  readonly conf: SparkConf;
  /** Interface for RPC and UI; 127.0.0.1 unless told otherwise. */
  readonly host?: string;
  /** 7077 by default; 0 picks a free port. */
  readonly port?: number;
  /** 8080 by default; 0 picks a free port; -1 disables the UI. */
  readonly webuiPort?: number;
  readonly log?: (line: string) => void;
}

export interface RunningMaster {
  readonly url: string;
  readonly host: string;
  readonly port: number;
  readonly webuiPort: number;
  readonly webuiUrl: string | undefined;
  readonly state: MasterState;
  stop(): Promise<void>;
}

export function masterPolicy(conf: SparkConf): MasterPolicy {
  const workerTimeoutMs = conf.getDurationMs('spark.worker.timeout', 60_000);
  return {
    workerTimeoutMs,
    appTimeoutMs: conf.getDurationMs('spark.tsspark.master.appTimeout', workerTimeoutMs),
    spreadOut: conf.getBool('spark.deploy.spreadOut', true),
    retainedApplications: conf.getInt('spark.deploy.retainedApplications', 200),
    maxExecutorRetries: conf.getInt('spark.deploy.maxExecutorRetries', 10),
    deadWorkerPersistence: conf.getInt('spark.dead.worker.persistence', 15),
  };
}

export async function startMaster(opts: MasterOptions): Promise<RunningMaster> {
  const log = opts.log ?? ((line: string) => process.stderr.write(`${new Date().toISOString()} master: ${line}\n`));
  const auth = resolveAuthSecret(opts.conf);
  const host = opts.host ?? '127.0.0.1';
  const clients = new Map<string, EnvelopeClient>();
  const clientFor = (w: WorkerInfo): EnvelopeClient => {
    const key = `${w.id}@${w.host}:${w.port}`;
    let c = clients.get(key);
    if (!c) clients.set(key, (c = new EnvelopeClient(workerServiceDefinition(), formatAddress(w.host, w.port), auth ? { auth } : {})));
    return c;
  };
  const effects: MasterEffects = {
    launchExecutor: (w, app, e) => {
      const body = { appId: app.desc.id, executorId: e.id, cores: e.cores, memoryMb: e.memoryMb, driverAddress: app.desc.driverAddress, executorSettings: app.desc.executorSettings };
      clientFor(w).call('LaunchExecutor', body, 30_000).catch((err: unknown) => {
        log(`could not launch executor ${app.desc.id}/${e.id} on ${w.id}: ${String(err)}`);
        state.executorStateChanged(w.id, app.desc.id, e.id, 'FAILED', 'launch request failed');
      });
    },
    killExecutor: (w, e) => void clientFor(w).call('KillExecutor', { appId: e.appId, executorId: e.id }, 10_000).catch(() => undefined),
    applicationFinished: (w, appId) => void clientFor(w).call('ApplicationFinished', { appId }, 10_000).catch(() => undefined),
    log,
  };
  const policy = masterPolicy(opts.conf);
  const state = new MasterState(policy, effects);
  let url = '';
  const server = await startRpcServer({
    host,
    port: opts.port ?? 7077,
    ...(auth ? { auth } : {}),
    log,
    services: [masterService({ state, get masterUrl() { return url; }, log })],
  });
  url = `spark://${server.address}`;
  const timer = setInterval(() => state.checkTimeouts(), Math.max(50, Math.min(1000, policy.workerTimeoutMs / 4)));
  const ui = (opts.webuiPort ?? 8080) >= 0 ? buildMasterUi(state, url) : undefined;
  let webuiPort = -1;
  if (ui) {
    await ui.listen({ host, port: opts.webuiPort ?? 8080 });
    const addr = ui.server.address();
    webuiPort = typeof addr === 'object' && addr !== null ? addr.port : -1;
  }
  let stopped: Promise<void> | undefined;
  return {
    url,
    host,
    port: server.port,
    webuiPort,
    webuiUrl: ui ? `http://${formatAddress(host, webuiPort)}` : undefined,
    state,
    stop() {
      stopped ??= (async () => {
        clearInterval(timer);
        for (const c of clients.values()) c.close();
        await ui?.close();
        await server.stop();
      })();
      return stopped;
    },
  };
}
