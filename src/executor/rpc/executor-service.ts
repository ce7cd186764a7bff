// Server side of ExecutorService (executor.proto): the driver launches, kills and cleans up through it.
// Every body is validated before it touches the executor.
import { TsSparkError } from '../../common/errors.js';
import { envelopeService } from '../../common/rpc/envelope.js';
import type { RpcServiceBinding } from '../../common/rpc/handlers.js';
import { executorServiceDefinition } from '../../common/rpc/service-definitions.js';
import type { LaunchRequest } from '../executor.js';

export interface ExecutorControl {
  launch(req: LaunchRequest): void;
  kill(taskId: number): void;
  removeRdd(rddId: number): void;
  removeBroadcast(id: number): void;
  removeShuffle(shuffleId: number): void;
  stop(): void;
}

export function executorService(ctl: ExecutorControl): RpcServiceBinding {
  return envelopeService(executorServiceDefinition(), {
    LaunchTasks: (body) => {
      const tasks = body.tasks;
      if (!Array.isArray(tasks)) throw new TsSparkError('INVALID_WIRE_DATA', 'LaunchTasks: tasks must be an array');
      for (const t of tasks as Array<Record<string, unknown>>) {
        if (!Number.isSafeInteger(t.taskId) || !(t.task instanceof Uint8Array) || typeof t.payloadId !== 'string' || (t.payload !== undefined && !(t.payload instanceof Uint8Array))) {
          throw new TsSparkError('INVALID_WIRE_DATA', 'LaunchTasks: malformed task');
        }
      }
      for (const t of tasks as LaunchRequest[]) ctl.launch(t);
      return {};
    },
    KillTask: (body) => {
      ctl.kill(int(body.taskId, 'taskId'));
      return {};
    },
    RemoveBlocks: (body) => {
      if (body.rddId !== undefined) ctl.removeRdd(int(body.rddId, 'rddId'));
      if (body.broadcastId !== undefined) ctl.removeBroadcast(int(body.broadcastId, 'broadcastId'));
      if (body.shuffleId !== undefined) ctl.removeShuffle(int(body.shuffleId, 'shuffleId'));
      return {};
    },
    StopExecutor: () => {
      setImmediate(() => ctl.stop());
      return {};
    },
  });
}

export function int(v: unknown, field: string): number {
  if (!Number.isSafeInteger(v) || (v as number) < 0) throw new TsSparkError('INVALID_WIRE_DATA', `${field} must be a non-negative integer`);
  return v as number;
}
