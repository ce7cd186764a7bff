// tsspark-worker as a library: serves WorkerService, registers with the first master of its list that answers,
// heartbeats (re-registering when the master forgot it), runs executors for applications and reports their ends,
// and removes an application's work directory (logs, shuffle files) when the master says it finished.
import fs from 'node:fs';
import path from 'node:path';
import { isTsSparkError, TsSparkError } from '../../common/errors.js';
import { resolveAuthSecret } from '../../common/rpc/auth.js';
import { EnvelopeClient } from '../../common/rpc/envelope.js';
import { formatAddress, startRpcServer } from '../../common/rpc/server.js';
import type { SparkConf } from '../../common/spark-conf.js';
import { masterServiceDefinition } from '../master/protocol.js';
import { ExecutorRunner, type ExecutorSpec } from './executor-runner.js';
import { buildWorkerUi } from './worker-ui.js';
import { workerService } from './worker-service.js';

export interface WorkerOptions {
  readonly conf: SparkConf;
  readonly masters: ReadonlyArray<{ readonly host: string; readonly port: number }>;
  readonly host?: string;
  /** 0 (a free port) by default. */
  readonly port?: number;
  /** 8081 by default; 0 picks a free port; -1 disables the UI. */
  readonly webuiPort?: number;
  readonly cores: number;
  readonly memoryMb: number;
  readonly workDir: string;
  readonly log?: (line: string) => void;
}

export interface RunningWorker {
  readonly id: string;
  readonly host: string;
  readonly port: number;
  readonly webuiPort: number;
  readonly webuiUrl: string | undefined;
  readonly runners: ReadonlyMap<string, ExecutorRunner>;
  readonly masterAddress: () => string | undefined;
  /** Resolves when the worker gave up on its masters (registration refused or none reachable). */
  readonly failed: Promise<Error>;
  stop(): Promise<void>;
}

const REGISTER_ATTEMPTS = 16;

export async function startWorker(opts: WorkerOptions): Promise<RunningWorker> {
  const log = opts.log ?? ((line: string) => process.stderr.write(`${new Date().toISOString()} worker: ${line}\n`));
  const auth = resolveAuthSecret(opts.conf);
  const host = opts.host ?? '127.0.0.1';
  const workDir = path.resolve(opts.workDir);
  fs.mkdirSync(workDir, { recursive: true });
  const timeoutMs = opts.conf.getDurationMs('spark.worker.timeout', 60_000);
  const heartbeatMs = Math.max(50, timeoutMs / 4);
  const runners = new Map<string, ExecutorRunner>();
  const key = (appId: string, execId: string): string => `${appId}/${execId}`;
  let master: EnvelopeClient | undefined;
  let masterAddr: string | undefined;
  let stopping = false;
  let fail!: (e: Error) => void;
  const failed = new Promise<Error>((resolve) => (fail = resolve));

  const usedCores = (): number => [...runners.values()].filter((r) => !r.finished).reduce((s, r) => s + r.spec.cores, 0);
  const usedMemory = (): number => [...runners.values()].filter((r) => !r.finished).reduce((s, r) => s + r.spec.memoryMb, 0);
  const report = (r: ExecutorRunner, state: string, message: string): void => {
    master?.call('ExecutorStateChanged', { workerId: id, appId: r.spec.appId, executorId: r.spec.executorId, state, message }).catch((e: unknown) => {
      if (!stopping) log(`cannot report executor ${r.spec.appId}/${r.spec.executorId} ${state}: ${String(e)}`);
    });
  };
  const ctx = { host, workDir, secret: auth?.secret };
  const endpoint = {
    launch(spec: ExecutorSpec): void {
      if (stopping) throw new TsSparkError('INVALID_ARGUMENT', 'worker is stopping');
      if (runners.get(key(spec.appId, spec.executorId))?.finished === false) throw new TsSparkError('INVALID_ARGUMENT', `executor ${spec.appId}/${spec.executorId} already runs here`);
      if (usedCores() + spec.cores > opts.cores || usedMemory() + spec.memoryMb > opts.memoryMb) {
        throw new TsSparkError('INVALID_ARGUMENT', `not enough free resources for ${spec.cores} cores and ${spec.memoryMb} MiB`);
      }
      const r = new ExecutorRunner(spec, ctx, (runner, state, message) => {
        log(`executor ${spec.appId}/${spec.executorId} ${state}: ${message}`);
        report(runner, state, message);
      });
      runners.set(key(spec.appId, spec.executorId), r);
      log(`launching executor ${spec.appId}/${spec.executorId} with ${spec.cores} cores, ${spec.memoryMb} MiB`);
      r.start();
      report(r, 'RUNNING', '');
    },
    kill(appId: string, executorId: string): void {
      void runners.get(key(appId, executorId))?.kill();
    },
    applicationFinished(appId: string): void {
      const mine = [...runners.values()].filter((r) => r.spec.appId === appId);
      void Promise.all(mine.map((r) => r.kill())).then(() => {
        for (const r of mine) runners.delete(key(r.spec.appId, r.spec.executorId));
        fs.rmSync(path.join(workDir, appId), { recursive: true, force: true });
        log(`cleaned up application ${appId}`);
      });
    },
  };

  const server = await startRpcServer({ host, port: opts.port ?? 0, ...(auth ? { auth } : {}), log, services: [workerService(endpoint, log)] });
  const id = `worker-${new Date().toISOString().replace(/\D/g, '').slice(0, 14)}-${host.replace(/[^A-Za-z0-9.-]/g, '_')}-${server.port}`;
  const ui = (opts.webuiPort ?? 8081) >= 0 ? buildWorkerUi({ id, workDir, runners, cores: opts.cores, memoryMb: opts.memoryMb, masterAddress: () => masterAddr }) : undefined;
  let webuiPort = -1;
  if (ui) {
    await ui.listen({ host, port: opts.webuiPort ?? 8081 });
    const addr = ui.server.address();
    webuiPort = typeof addr === 'object' && addr !== null ? addr.port : -1;
  }

  const registration = { workerId: id, host, port: server.port, webuiPort: Math.max(0, webuiPort), cores: opts.cores, memoryMb: opts.memoryMb };
  /** Tries each master in turn; UNAUTHENTICATED or a refusal is final, unreachable masters are retried. */
  const register = async (): Promise<void> => {
    for (let attempt = 1; !stopping; attempt++) {
      for (const m of opts.masters) {
        const client = new EnvelopeClient(masterServiceDefinition(), formatAddress(m.host, m.port), auth ? { auth } : {});
        try {
          await client.call('RegisterWorker', registration, 5000);
          master?.close();
          master = client;
          masterAddr = formatAddress(m.host, m.port);
          log(`registered with master spark://${masterAddr} as ${id}`);
          return;
        } catch (e) {
          client.close();
          if (isTsSparkError(e, 'UNAUTHENTICATED') || isTsSparkError(e, 'INVALID_ARGUMENT') || isTsSparkError(e, 'INVALID_WIRE_DATA')) throw e;
          log(`master ${formatAddress(m.host, m.port)} unreachable: ${(e as Error).message.split('\n', 1)[0]}`);
        }
      }
      if (attempt >= REGISTER_ATTEMPTS) throw new TsSparkError('RPC_FAILED', `no master answered after ${attempt} attempts`);
      await new Promise((r) => setTimeout(r, Math.min(5000, 500 * attempt)));
    }
  };
  const giveUp = (e: unknown): void => {
    const err = e instanceof Error ? e : new Error(String(e));
    log(`giving up: ${err.message.split('\n', 1)[0]}`);
    fail(err);
  };

  try {
    await register();
  } catch (e) {
    await ui?.close();
    server.forceStop();
    throw e;
  }
  let reregistering = false;
  const timer = setInterval(() => {
    if (reregistering || !master) return;
    master.call<{ known: boolean }>('WorkerHeartbeat', { workerId: id }, Math.max(1000, heartbeatMs * 2)).then(
      (r) => {
        if (r.known || stopping) return;
        // the master declared us dead: our executors were given up on; kill them and start afresh
        log('master does not know this worker any more; killing executors and re-registering');
        reregistering = true;
        for (const runner of runners.values()) void runner.kill();
        register().catch(giveUp).finally(() => (reregistering = false));
      },
      (e: unknown) => {
        if (!stopping) log(`heartbeat failed: ${String(e).split('\n', 1)[0]}`);
      },
    );
  }, heartbeatMs);

  let stopped: Promise<void> | undefined;
  return {
    id,
    host,
    port: server.port,
    webuiPort,
    webuiUrl: ui ? `http://${formatAddress(host, webuiPort)}` : undefined,
    runners,
    masterAddress: () => masterAddr,
    failed,
    stop() {
      stopped ??= (async () => {
        stopping = true;
        clearInterval(timer);
        await Promise.all([...runners.values()].map((r) => r.kill()));
        master?.close();
        await ui?.close();
        await server.stop();
      })();
      return stopped;
    },
  };
}
