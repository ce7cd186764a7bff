// The seam between the schedulers and how executors run: local (in-process, worker threads), local-cluster
// (spawned executor processes over gRPC) and standalone. Only this part differs between masters.
import type { LaunchRequest } from '../../executor/executor.js';
import type { ExecutorMemoryMetrics } from '../../executor/executor-metrics.js';
import type { TaskResult } from '../../executor/task-result.js';

export interface ExecutorInfo {
  readonly id: string;
  readonly host: string;
  readonly cores: number;
  /** Port of the executor's shuffle service (0 when every block is local). */
  readonly shufflePort: number;
  readonly pid?: number;
}

export interface BackendEvents {
  executorAdded(info: ExecutorInfo): void;
  executorLost(executorId: string, reason: string): void;
  taskResult(executorId: string, result: TaskResult): void;
  /** An executor's memory peaks so far (from its heartbeats; the local backend samples its own process). */
  executorMetrics?(executorId: string, metrics: ExecutorMemoryMetrics): void;
}

export interface SchedulerBackend {
  start(events: BackendEvents): Promise<void>;
  launchTask(executorId: string, req: LaunchRequest): void;
  killTask(executorId: string, taskId: number): void;
  removeBroadcast(id: number): void;
  removeRdd(rddId: number): void;
  removeShuffle(shuffleId: number): void;
  stop(): Promise<void>;
  readonly defaultParallelism: number;
}
