// The memory budget, spill directory and spill metrics of the task running SQL operators on this thread. Operators
// are not handed the RDD TaskEnv, so this resolves it: a `currentTaskEnv()` hook of the RDD layer when present,
// else the task worker thread's context (one task per worker thread), else "never spill" (driver-side runs).
import os from 'node:os';
import { workerData } from 'node:worker_threads';
import * as taskEnvModule from '../../../rdd/compute/task-env.js';
import type { TaskEnv } from '../../../rdd/compute/task-env.js';

export interface SpillMetrics {
  memoryBytesSpilled: number;
  diskBytesSpilled: number;
}

export interface SpillEnv {
  /** Bytes an operator may buffer before spilling (executor memory × spark.memory.fraction / slots). */
  readonly memoryLimitBytes: number;
  /** The executor's local directory; spill files go in its `sql-spill/` folder. */
  readonly localDir: string;
  readonly metrics: SpillMetrics;
}

let override: SpillEnv | undefined;
/** Spill totals of this thread when no task metrics are reachable (read by tests and by the fallback path). */
export const threadSpillMetrics: SpillMetrics = { memoryBytesSpilled: 0, diskBytesSpilled: 0 };

/** Replaces the resolved env (tests and in-process runs); undefined restores resolution. */
export function setSpillEnv(env: SpillEnv | undefined): void {
  override = env;
}

type EnvHook = () => TaskEnv | undefined;

/**
 * Test hook: TSSPARK_TEST_SQL_SPILL_BYTES caps SQL operators' budget below the executor's 1 MiB floor (task
 * threads inherit the environment), so whole query suites can run with every sort, aggregation and join spilling.
 */
const testCap = Number(process.env.TSSPARK_TEST_SQL_SPILL_BYTES ?? Number.NaN);

function capped(env: SpillEnv): SpillEnv {
  return testCap >= 0 && testCap < env.memoryLimitBytes ? { memoryLimitBytes: testCap, localDir: env.localDir, metrics: env.metrics } : env;
}

export function spillEnv(): SpillEnv {
  if (override) return override;
  const hook = (taskEnvModule as unknown as { currentTaskEnv?: EnvHook }).currentTaskEnv;
  const env = typeof hook === 'function' ? hook() : undefined;
  if (env) return capped(env);
  const ctx = (workerData as { ctx?: { localDir?: unknown; memoryLimitBytes?: unknown } } | null | undefined)?.ctx;
  if (ctx && typeof ctx.memoryLimitBytes === 'number' && typeof ctx.localDir === 'string') {
    return capped({ memoryLimitBytes: ctx.memoryLimitBytes, localDir: ctx.localDir, metrics: threadSpillMetrics });
  }
  return { memoryLimitBytes: Number.POSITIVE_INFINITY, localDir: os.tmpdir(), metrics: threadSpillMetrics };
}
