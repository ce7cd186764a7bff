// Entry point of an executor process (local-cluster and standalone): starts the task threads, serves
// ExecutorService and ShuffleService over gRPC, registers with the driver, heartbeats, and reports task results in
// batches. Exits when the driver says stop or stops answering.
import { TsSparkError } from '../common/errors.js';
import { registerFiles } from '../common/spark-files.js';
import { EnvelopeClient } from '../common/rpc/envelope.js';
import { startRpcServer } from '../common/rpc/server.js';
import { removeAllShuffles, removeShuffle } from '../shuffle/cleanup.js';
import { shuffleService } from '../shuffle/rpc/shuffle-service.js';
import { driverServiceDefinition } from '../common/rpc/service-definitions.js';
import { Executor } from './executor.js';
import { executorService } from './rpc/executor-service.js';
import type { TaskResult } from './task-result.js';
import { sampleExecutorMetrics } from './executor-metrics.js';

export interface ExecutorLaunchConfig {
  readonly driverAddress: string;
  readonly executorId: string;
  readonly appId: string;
  readonly host: string;
  readonly cores: number;
  readonly memoryBytes: number;
  readonly memoryFraction: number;
  readonly localDir: string;
  readonly compressShuffle: boolean;
  readonly heartbeatMs: number;
  readonly moduleHooks: boolean;
  readonly files?: readonly string[];
}

async function main(): Promise<void> {
  const raw = process.env.TSSPARK_EXECUTOR;
  if (!raw) throw new TsSparkError('INVALID_CONFIG', 'TSSPARK_EXECUTOR is not set: executors are started by the driver or a worker');
  const cfg = JSON.parse(raw) as ExecutorLaunchConfig;
  registerFiles(cfg.files ?? []);
  const secret = process.env.TSSPARK_AUTH_SECRET;
  const auth = secret ? { secret } : undefined;
  delete process.env.TSSPARK_AUTH_SECRET;
  const driver = new EnvelopeClient(driverServiceDefinition(), cfg.driverAddress, auth ? { auth } : {});

  let stopping = false;
  let pending: TaskResult[] = [];
  let flushScheduled = false;
  const flush = (): void => {
    flushScheduled = false;
    const results = pending;
    pending = [];
    driver.call('StatusUpdate', { executorId: cfg.executorId, results }).catch((e: unknown) => {
      if (stopping) return;
      process.stderr.write(`executor ${cfg.executorId}: cannot report results to the driver: ${String(e)}\n`);
    });
  };
  const executor = new Executor(
    {
      executorId: cfg.executorId,
      appId: cfg.appId,
      cores: cfg.cores,
      localDir: cfg.localDir,
      memoryBytes: cfg.memoryBytes,
      memoryFraction: cfg.memoryFraction,
      compressShuffle: cfg.compressShuffle,
      moduleHooks: cfg.moduleHooks,
      exitProcessWhenTaskExits: true,
      ...(secret ? { authSecret: secret } : {}),
      fetchBroadcast: async (id) => {
        const r = await driver.call<{ data: Uint8Array }>('GetBroadcast', { id });
        return r.data;
      },
    },
    (r) => {
      pending.push(r);
      if (flushScheduled) return;
      flushScheduled = true;
      // idle: report at once; busy with more tiny tasks: gather results for a millisecond, one RPC for all
      if (executor.activeTasks === 0) setImmediate(flush);
      else setTimeout(flush, 1);
    },
  );
  const stop = async (code: number): Promise<void> => {
    if (stopping) return;
    stopping = true;
    await executor.stop();
    removeAllShuffles(cfg.localDir);
    process.exit(code);
  };
  const server = await startRpcServer({
    host: cfg.host,
    port: 0,
    ...(auth ? { auth } : {}),
    services: [
      executorService({
        launch: (t) => executor.launch(t),
        kill: (id) => executor.kill(id),
        removeRdd: (id) => executor.removeRdd(id),
        removeBroadcast: (id) => executor.removeBroadcast(id),
        removeShuffle: (id) => void removeShuffle(cfg.localDir, id),
        stop: () => void stop(0),
      }),
      shuffleService({ rootDir: cfg.localDir, appId: cfg.appId }),
    ],
  });
  await executor.ready();
  await driver.call('RegisterExecutor', { executorId: cfg.executorId, host: cfg.host, cores: cfg.cores, port: server.port, pid: process.pid });
  let misses = 0;
  setInterval(() => {
    driver.call<{ known: boolean }>('Heartbeat', { executorId: cfg.executorId, metrics: sampleExecutorMetrics() }, Math.max(1000, cfg.heartbeatMs * 2)).then(
      (r) => {
        misses = 0;
        if (!r.known) void stop(0); // the driver no longer knows us (declared lost): go away
      },
      () => {
        if (++misses >= 3) void stop(1); // the driver is gone
      },
    );
  }, cfg.heartbeatMs);
}

main().catch((e: unknown) => {
  process.stderr.write(`executor failed to start: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
  process.exit(1);
});
