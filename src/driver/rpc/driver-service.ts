// Server side of DriverService (driver.proto): executors register, heartbeat, report task results and fetch
// broadcast values. Bodies are validated; results are handed to the backend's callbacks.
import { TsSparkError, validateWireError } from '../../common/errors.js';
import { envelopeService } from '../../common/rpc/envelope.js';
import type { RpcServiceBinding } from '../../common/rpc/handlers.js';
import { driverServiceDefinition } from '../../common/rpc/service-definitions.js';
import { validateExecutorMetrics, type ExecutorMemoryMetrics } from '../../executor/executor-metrics.js';
import type { TaskResult } from '../../executor/task-result.js';

export interface DriverEndpoint {
  register(e: { executorId: string; host: string; cores: number; port: number; pid: number }): void;
  /** metrics: the executor's memory peaks (absent from executors that do not report them). */
  heartbeat(executorId: string, metrics: ExecutorMemoryMetrics | undefined): boolean;
  results(executorId: string, results: TaskResult[]): void;
  broadcast(id: number): Promise<Uint8Array> | Uint8Array;
}

export function driverService(ep: DriverEndpoint): RpcServiceBinding {
  return envelopeService(driverServiceDefinition(), {
    RegisterExecutor: (b) => {
      ep.register({ executorId: str(b.executorId, 'executorId'), host: str(b.host, 'host'), cores: int(b.cores, 'cores'), port: int(b.port, 'port'), pid: int(b.pid, 'pid') });
      return {};
    },
    Heartbeat: (b) => ({ known: ep.heartbeat(str(b.executorId, 'executorId'), validateExecutorMetrics(b.metrics)) }),
    StatusUpdate: (b) => {
      if (!Array.isArray(b.results)) throw new TsSparkError('INVALID_WIRE_DATA', 'StatusUpdate: results must be an array');
      ep.results(str(b.executorId, 'executorId'), (b.results as unknown[]).map(validateResult));
      return {};
    },
    GetBroadcast: async (b) => ({ data: await ep.broadcast(int(b.id, 'id')) }),
  });
}

const STATUSES = new Set(['success', 'failed', 'fetch-failed', 'killed']);

function validateResult(v: unknown): TaskResult {
  const r = v as Record<string, unknown>;
  if (typeof r !== 'object' || r === null || !Number.isSafeInteger(r.taskId) || !STATUSES.has(r.status as string) || typeof r.durationMs !== 'number') {
    throw new TsSparkError('INVALID_WIRE_DATA', 'StatusUpdate: malformed task result');
  }
  if (r.error !== undefined) validateWireError(r.error);
  if (r.value !== undefined && !(r.value instanceof Uint8Array)) throw new TsSparkError('INVALID_WIRE_DATA', 'StatusUpdate: value must be bytes');
  if (r.mapSizes !== undefined && !(Array.isArray(r.mapSizes) && r.mapSizes.every((n) => Number.isSafeInteger(n) && n >= 0))) {
    throw new TsSparkError('INVALID_WIRE_DATA', 'StatusUpdate: mapSizes must be byte counts');
  }
  return r as unknown as TaskResult;
}

function str(v: unknown, f: string): string {
  if (typeof v !== 'string' || v.length === 0 || v.length > 256) throw new TsSparkError('INVALID_WIRE_DATA', `${f} must be a non-empty string`);
  return v;
}

function int(v: unknown, f: string): number {
  if (!Number.isSafeInteger(v) || (v as number) < 0) throw new TsSparkError('INVALID_WIRE_DATA', `${f} must be a non-negative integer`);
  return v as number;
}
