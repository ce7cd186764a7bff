// Worker-thread entry: one task slot of an executor. Runs tasks sent by the executor's main thread and asks
// it for cached blocks and broadcast values.
import { parentPort, workerData } from 'node:worker_threads';
import { TsSparkError } from '../common/errors.js';
import { registerFiles } from '../common/spark-files.js';
import { dropBroadcast, installRevivers } from './revivers.js';
import { runTask } from './task-runner.js';
import type { FromWorker, ToWorker, WorkerContext, WorkerRequest } from './worker-protocol.js';

const port = parentPort;
if (!port) throw new Error('task-worker must run in a worker thread');
const ctx = (workerData as { ctx: WorkerContext }).ctx;
registerFiles(ctx.files ?? []);

let nextReq = 0;
const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

function request(req: WorkerRequest): Promise<unknown> {
  const reqId = nextReq++;
  return new Promise((resolve, reject) => {
    pending.set(reqId, { resolve, reject });
    const msg: FromWorker = { type: 'request', reqId, ...req };
    port!.postMessage(msg);
  });
}

installRevivers(async (id) => (await request({ what: 'get-broadcast', id })) as Uint8Array);


port.on('message', (msg: ToWorker) => {
  if (msg.type === 'reply') {
    const p = pending.get(msg.reqId);
    if (!p) return;
    pending.delete(msg.reqId);
    if (msg.ok) p.resolve(msg.value);
    else p.reject(new TsSparkError('INTERNAL', msg.error ?? 'request failed'));
    return;
  }
  if (msg.type === 'drop-broadcast') { dropBroadcast(msg.id); return; }
  void runTask(ctx, msg.task, msg.payloadId, msg.payload, {
    getBlock: async (rddId, partition) => (await request({ what: 'get-block', rddId, partition })) as Uint8Array | undefined,
    putBlock: (rddId, partition, bytes, useMemory, useDisk) => {
      const m: FromWorker = { type: 'request', reqId: -1, what: 'put-block', rddId, partition, bytes, useMemory, useDisk };
      port.postMessage(m);
    },
  }).then((result) => {
    const m: FromWorker = { type: 'result', result };
    port.postMessage(m);
  });
});

const ready: FromWorker = { type: 'ready' };
port.postMessage(ready);
