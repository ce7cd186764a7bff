// Server side of WorkerService (worker.proto): validates the master's requests and hands them to the worker.
import { envelopeService } from '../../common/rpc/envelope.js';
import type { RpcServiceBinding } from '../../common/rpc/handlers.js';
import { loggedService } from '../master/logged-service.js';
import { wireAddress, wireExecutorSettings, wireId, wireInt, workerServiceDefinition } from '../master/protocol.js';
import type { ExecutorSpec } from './executor-runner.js';

export interface WorkerEndpoint {
  launch(spec: ExecutorSpec): void;
  kill(appId: string, executorId: string): void;
  applicationFinished(appId: string): void;
}

export function workerService(ep: WorkerEndpoint, log: (line: string) => void): RpcServiceBinding {
  return loggedService(
    envelopeService(workerServiceDefinition(), {
      LaunchExecutor: (b) => {
        ep.launch({
          appId: wireId(b.appId, 'appId'),
          executorId: wireId(b.executorId, 'executorId'),
          cores: wireInt(b.cores, 'cores', 1, 1 << 16),
          memoryMb: wireInt(b.memoryMb, 'memoryMb', 1),
          driverAddress: wireAddress(b.driverAddress, 'driverAddress'),
          settings: wireExecutorSettings(b.executorSettings),
        });
        return {};
      },
      KillExecutor: (b) => {
        ep.kill(wireId(b.appId, 'appId'), wireId(b.executorId, 'executorId'));
        return {};
      },
      ApplicationFinished: (b) => {
        ep.applicationFinished(wireId(b.appId, 'appId'));
        return {};
      },
    }),
    log,
  );
}
