// Server side of MasterService (master.proto): validates every body, then hands it to MasterState. A malformed
// body is an INVALID_WIRE_DATA error for that call (logged by the caller's status), never a crashed master.
import { envelopeService } from '../../common/rpc/envelope.js';
import type { RpcServiceBinding } from '../../common/rpc/handlers.js';
import { loggedService } from './logged-service.js';
import type { MasterState } from './master-state.js';
import {
  masterServiceDefinition, wireAddress, wireExecutorSettings, wireExecutorState, wireHost, wireId, wireInt, wireOptInt, wireOptString, wireString,
} from './protocol.js';

export interface MasterServiceOptions {
  readonly state: MasterState;
  readonly masterUrl: string;
  readonly log: (line: string) => void;
}

export function masterService(opts: MasterServiceOptions): RpcServiceBinding {
  const { state } = opts;
  return loggedService(envelopeService(masterServiceDefinition(), {
    RegisterWorker: (b) => {
      state.registerWorker({
        id: wireId(b.workerId, 'workerId'),
        host: wireHost(b.host, 'host'),
        port: wireInt(b.port, 'port', 1, 65535),
        webuiPort: wireInt(b.webuiPort, 'webuiPort', 0, 65535),
        cores: wireInt(b.cores, 'cores', 1, 1 << 16),
        memoryMb: wireInt(b.memoryMb, 'memoryMb', 1),
      });
      return { masterUrl: opts.masterUrl };
    },
    WorkerHeartbeat: (b) => ({ known: state.workerHeartbeat(wireId(b.workerId, 'workerId')) }),
    ExecutorStateChanged: (b) => {
      state.executorStateChanged(
        wireId(b.workerId, 'workerId'),
        wireId(b.appId, 'appId'),
        wireId(b.executorId, 'executorId'),
        wireExecutorState(b.state, 'state'),
        wireOptString(b.message, 'message', 2000) ?? '',
      );
      return {};
    },
    RegisterApplication: (b) => {
      const appId = wireId(b.appId, 'appId');
      state.registerApp({
        id: appId,
        name: wireString(b.name, 'name', 1000),
        user: wireString(b.user, 'user', 256),
        driverAddress: wireAddress(b.driverAddress, 'driverAddress'),
        coresMax: wireOptInt(b.coresMax, 'coresMax', 1) ?? Infinity,
        coresPerExecutor: wireOptInt(b.coresPerExecutor, 'coresPerExecutor', 1),
        memoryPerExecutorMb: wireInt(b.memoryPerExecutorMb, 'memoryPerExecutorMb', 1),
        executorSettings: wireExecutorSettings(b.executorSettings),
      });
      // the cores placed at once: the driver waits for that many to register before running jobs
      return { masterUrl: opts.masterUrl, coresGranted: state.apps.get(appId)?.coresGranted ?? 0 };
    },
    ApplicationHeartbeat: (b) => {
      const uiUrl = wireOptString(b.uiUrl, 'uiUrl', 512);
      const removed = state.appHeartbeat(wireId(b.appId, 'appId'), uiUrl !== undefined && /^https?:\/\//.test(uiUrl) ? uiUrl : undefined);
      return removed === undefined ? { known: false, removed: [] } : { known: true, removed };
    },
    UnregisterApplication: (b) => {
      state.finishApp(wireId(b.appId, 'appId'), 'FINISHED');
      return {};
    },
  }), opts.log);
}
