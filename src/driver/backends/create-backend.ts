// Picks the scheduler backend for a master URL.
import { parseBytes } from '../../common/conf-values.js';
import { tsSparkHooksRegistered } from '../../common/module-hooks/register.js';
import type { SparkConf } from '../../common/spark-conf.js';
import type { MasterSpec } from '../master-url.js';
import { LocalBackend } from './local-backend.js';
import { lazyBackend } from './lazy-backend.js';
import type { SchedulerBackend } from './scheduler-backend.js';

export interface BackendContext {
  readonly appId: string;
  readonly conf: SparkConf;
  readonly localDir: string;
  readonly fetchBroadcast: (id: number) => Promise<Uint8Array>;
}

export function createBackend(spec: MasterSpec, ctx: BackendContext): SchedulerBackend {
  // executors load application modules the way the driver does: with tsspark's hooks when the driver has them
  const hooks = ctx.conf.getBool('spark.tsspark.moduleHooks', tsSparkHooksRegistered());
  switch (spec.kind) {
    case 'local':
      return new LocalBackend({
        appId: ctx.appId,
        cores: spec.cores,
        localDir: ctx.localDir,
        memoryBytes: parseBytes(ctx.conf.get('spark.driver.memory') ?? ctx.conf.getString('spark.executor.memory')),
        memoryFraction: ctx.conf.getDouble('spark.memory.fraction', 0.6),
        compressShuffle: ctx.conf.getBool('spark.shuffle.compress'),
        fetchBroadcast: ctx.fetchBroadcast,
        moduleHooks: hooks,
        metricsIntervalMs: ctx.conf.getDurationMs('spark.executor.heartbeatInterval'),
      });
    case 'local-cluster':
      // gRPC and protobuf load only for masters that need them (~150 ms of start-up saved for local[*])
      return lazyBackend(spec.executors * spec.coresPerExecutor, async () => new (await import('./local-cluster-backend.js')).LocalClusterBackend(spec, ctx));
    case 'standalone':
      return lazyBackend(2, async () => new (await import('./standalone-backend.js')).StandaloneBackend(spec, ctx));
  }
}
