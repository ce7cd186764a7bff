// Wire types and validators shared by the standalone master, its workers and the driver's standalone backend
// (the formats are listed in master.proto and worker.proto). Everything from the wire is `unknown` until checked here.
import type * as grpc from '@grpc/grpc-js';
import { TsSparkError } from '../../common/errors.js';
import { loadServiceDefinition } from '../../common/rpc/proto-loader.js';

export function masterServiceDefinition(): grpc.ServiceDefinition {
  return loadServiceDefinition('cluster/master/master.proto', 'tsspark.master.MasterService');
}

export function workerServiceDefinition(): grpc.ServiceDefinition {
  return loadServiceDefinition('cluster/worker/worker.proto', 'tsspark.worker.WorkerService');
}

/** How the driver wants its executors configured (the worker adds host, local dir and the secret). */
export interface ExecutorSettings {
  readonly memoryFraction: number;
  readonly compressShuffle: boolean;
  readonly heartbeatMs: number;
  readonly moduleHooks: boolean;
}

export type ExecutorState = 'LAUNCHING' | 'RUNNING' | 'KILLED' | 'FAILED' | 'LOST' | 'EXITED';
export const EXECUTOR_STATES: readonly ExecutorState[] = ['LAUNCHING', 'RUNNING', 'KILLED', 'FAILED', 'LOST', 'EXITED'];

export function isFinishedState(s: ExecutorState): boolean {
  return s !== 'LAUNCHING' && s !== 'RUNNING';
}

// ids become directory names on workers: keep them to a safe alphabet, never '.' or '..'
const ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/;

export function wireId(v: unknown, field: string): string {
  if (typeof v !== 'string' || !ID.test(v) || v.includes('..')) throw bad(`${field} must be an id of [A-Za-z0-9_.-] (at most 128 chars)`);
  return v;
}

export function wireString(v: unknown, field: string, max = 256): string {
  if (typeof v !== 'string' || v.length === 0 || v.length > max) throw bad(`${field} must be a non-empty string of at most ${max} chars`);
  return v;
}

export function wireOptString(v: unknown, field: string, max = 512): string | undefined {
  return v === undefined || v === null || v === '' ? undefined : wireString(v, field, max);
}

export function wireInt(v: unknown, field: string, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  if (!Number.isSafeInteger(v) || (v as number) < min || (v as number) > max) throw bad(`${field} must be an integer in [${min}, ${max}]`);
  return v as number;
}

export function wireOptInt(v: unknown, field: string, min = 0): number | undefined {
  return v === undefined || v === null ? undefined : wireInt(v, field, min);
}

export function wireBool(v: unknown, field: string): boolean {
  if (typeof v !== 'boolean') throw bad(`${field} must be a boolean`);
  return v;
}

/** "host:port" of a gRPC endpoint (host name, IPv4 or [IPv6]). */
export function wireAddress(v: unknown, field: string): string {
  const s = wireString(v, field, 300);
  if (!/^([A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\]):\d{1,5}$/.test(s)) throw bad(`${field} must be host:port`);
  return s;
}

export function wireHost(v: unknown, field: string): string {
  const s = wireString(v, field, 255);
  if (!/^([A-Za-z0-9.-]+|[0-9A-Fa-f:.]+)$/.test(s)) throw bad(`${field} must be a host name or address`);
  return s;
}

export function wireExecutorState(v: unknown, field: string): ExecutorState {
  if (!EXECUTOR_STATES.includes(v as ExecutorState)) throw bad(`${field} must be one of ${EXECUTOR_STATES.join(', ')}`);
  return v as ExecutorState;
}

export function wireExecutorSettings(v: unknown): ExecutorSettings {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw bad('executorSettings must be an object');
  const o = v as Record<string, unknown>;
  const memoryFraction = o.memoryFraction;
  if (typeof memoryFraction !== 'number' || !(memoryFraction > 0 && memoryFraction <= 1)) throw bad('executorSettings.memoryFraction must be in (0, 1]');
  return {
    memoryFraction,
    compressShuffle: wireBool(o.compressShuffle, 'executorSettings.compressShuffle'),
    heartbeatMs: wireInt(o.heartbeatMs, 'executorSettings.heartbeatMs', 10, 3_600_000),
    moduleHooks: wireBool(o.moduleHooks, 'executorSettings.moduleHooks'),
  };
}

function bad(message: string): TsSparkError {
  return new TsSparkError('INVALID_WIRE_DATA', message);
}
