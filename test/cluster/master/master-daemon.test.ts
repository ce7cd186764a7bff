// The master daemon in-process: its /json contract, malformed and unauthenticated calls refused without harm.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMaster, type RunningMaster } from '../../../src/cluster/master/master-daemon.js';
import { masterServiceDefinition } from '../../../src/cluster/master/protocol.js';
import { RpcClient } from '../../../src/common/rpc/client.js';
import { EnvelopeClient } from '../../../src/common/rpc/envelope.js';
import { SparkConf } from '../../../src/common/spark-conf.js';
import { startRpcServer, type RpcServer } from '../../../src/common/rpc/server.js';
import { workerService } from '../../../src/cluster/worker/worker-service.js';

const SECRET = 'master-test-secret';
const settings = { memoryFraction: 0.6, compressShuffle: true, heartbeatMs: 1000, moduleHooks: false };
let workerBody = { workerId: 'worker-1', host: '127.0.0.1', port: 0, webuiPort: 0, cores: 2, memoryMb: 1024 };

describe('tsspark-master daemon', () => {
  let master: RunningMaster;
  const logs: string[] = [];
  let address: string;
  let fakeWorker: RpcServer;
  const launched: string[] = [];

  beforeAll(async () => {
    // a worker endpoint that only records what the master asks of it
    fakeWorker = await startRpcServer({
      auth: { secret: SECRET },
      services: [workerService({ launch: (s) => void launched.push(`${s.appId}/${s.executorId}`), kill: () => undefined, applicationFinished: () => undefined }, () => undefined)],
    });
    workerBody = { ...workerBody, port: fakeWorker.port };
    master = await startMaster({
      conf: new SparkConf({ 'spark.authenticate': 'true', 'spark.authenticate.secret': SECRET }),
      port: 0,
      webuiPort: 0,
      log: (l) => logs.push(l),
    });
    address = master.url.slice('spark://'.length);
  });
  afterAll(async () => {
    await master.stop();
    await fakeWorker.stop();
  });

  const client = (secret?: string): EnvelopeClient => new EnvelopeClient(masterServiceDefinition(), address, secret ? { auth: { secret } } : {});

  it('refuses workers and applications without the secret, or with a wrong one', async () => {
    for (const c of [client(), client('wrong-secret')]) {
      await expect(c.call('RegisterWorker', workerBody)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
      await expect(c.call('RegisterApplication', { appId: 'app-x', name: 'x', user: 'u', driverAddress: '127.0.0.1:1', memoryPerExecutorMb: 1, executorSettings: settings })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
      c.close();
    }
    expect(master.state.workers.size).toBe(0);
    expect(master.state.apps.size).toBe(0);
    expect(logs.some((l) => /rejected .*RegisterWorker.*(missing auth token|signature mismatch)/.test(l))).toBe(true);
  });

  it('rejects malformed messages, logs them, and keeps serving', async () => {
    const raw = new RpcClient<{ RegisterWorker: { request: { payload: Buffer }; response: { payload: Buffer } } }>(masterServiceDefinition(), address, { auth: { secret: SECRET } });
    await expect(raw.unary('RegisterWorker', { payload: Buffer.from([0xc1, 0xff, 0x00, 0x13]) })).rejects.toMatchObject({ code: 'INVALID_WIRE_DATA' });
    raw.close();
    const c = client(SECRET);
    const bad: Array<Record<string, unknown>> = [
      { ...workerBody, cores: 'many' },
      { ...workerBody, workerId: '../../etc' },
      { ...workerBody, port: 70000 },
      { ...workerBody, host: 'a b;rm -rf /' },
    ];
    for (const b of bad) await expect(c.call('RegisterWorker', b)).rejects.toMatchObject({ code: 'INVALID_WIRE_DATA' });
    await expect(c.call('RegisterApplication', { appId: 'app-1', name: 'n', user: 'u', driverAddress: 'nowhere', memoryPerExecutorMb: 1, executorSettings: settings })).rejects.toMatchObject({ code: 'INVALID_WIRE_DATA' });
    await expect(c.call('ExecutorStateChanged', { workerId: 'w', appId: 'a', executorId: '0', state: 'ON_FIRE' })).rejects.toMatchObject({ code: 'INVALID_WIRE_DATA' });
    expect(logs.filter((l) => l.startsWith('rejected')).length).toBeGreaterThanOrEqual(6);
    expect(master.state.workers.size).toBe(0);
    // still alive and correct
    await c.call('RegisterWorker', workerBody);
    expect(await c.call('WorkerHeartbeat', { workerId: 'worker-1' })).toEqual({ known: true });
    c.close();
  });

  it('serves Spark\'s /json field names', async () => {
    const c = client(SECRET);
    await c.call('RegisterApplication', { appId: 'app-json', name: 'json <app>', user: 'me', driverAddress: '127.0.0.1:1', coresMax: 1, coresPerExecutor: 1, memoryPerExecutorMb: 256, executorSettings: settings });
    c.close();
    const res = await fetch(`http://127.0.0.1:${master.webuiPort}/json`);
    const j = (await res.json()) as Record<string, unknown> & { workers: Array<Record<string, unknown>>; activeapps: Array<Record<string, unknown>> };
    expect(j.status).toBe('ALIVE');
    expect(j.url).toBe(master.url);
    expect(Object.keys(j.workers[0]!).sort()).toEqual(['cores', 'coresfree', 'coresused', 'host', 'id', 'lastheartbeat', 'memory', 'memoryfree', 'memoryused', 'port', 'state', 'webuiaddress']);
    expect(j.workers[0]).toMatchObject({ id: 'worker-1', cores: 2, coresused: 1, coresfree: 1, memory: 1024, memoryused: 256, state: 'ALIVE' });
    expect(j.activeapps[0]).toMatchObject({ id: 'app-json', name: 'json <app>', cores: 1, user: 'me', memoryperslave: 256, state: 'WAITING' });
    for (const k of ['starttime', 'submitdate', 'duration']) expect(j.activeapps[0]).toHaveProperty(k);
    expect(j).toMatchObject({ cores: 2, coresused: 1, memory: 1024, memoryused: 256, completedapps: [] });
    await expect.poll(() => launched).toEqual(['app-json/0']);
    const html = await (await fetch(`http://127.0.0.1:${master.webuiPort}/`)).text();
    expect(html).toContain('worker-1');
    expect(html).toContain('json &#60;app&#62;'); // escaped
    expect(html).not.toContain('json <app>');
  });
});
