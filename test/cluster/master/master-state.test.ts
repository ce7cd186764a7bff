import { describe, expect, it } from 'vitest';
import { MasterState, type AppDescription, type MasterEffects } from '../../../src/cluster/master/master-state.js';

function setup(spreadOut = true) {
  const calls: string[] = [];
  const effects: MasterEffects = {
    launchExecutor: (w, app, e) => calls.push(`launch ${app.desc.id}/${e.id} on ${w.id} x${e.cores}`),
    killExecutor: (w, e) => calls.push(`kill ${e.appId}/${e.id} on ${w.id}`),
    applicationFinished: (w, appId) => calls.push(`finished ${appId} on ${w.id}`),
    log: () => undefined,
  };
  const state = new MasterState(
    { workerTimeoutMs: 1000, appTimeoutMs: 5000, spreadOut, retainedApplications: 2, maxExecutorRetries: 3, deadWorkerPersistence: 15 },
    effects,
  );
  return { state, calls };
}

const app = (id: string, over: Partial<AppDescription> = {}): AppDescription => ({
  id, name: id, user: 'u', driverAddress: '127.0.0.1:1', coresMax: Infinity, coresPerExecutor: 1, memoryPerExecutorMb: 512,
  executorSettings: { memoryFraction: 0.6, compressShuffle: true, heartbeatMs: 1000, moduleHooks: false }, ...over,
});

const worker = (id: string, cores = 2, memoryMb = 4096) => ({ id, host: '127.0.0.1', port: 1000 + Number(id.slice(1)), webuiPort: 0, cores, memoryMb });

describe('MasterState', () => {
  it('launches an application executors across the alive workers and tracks used resources', () => {
    const { state, calls } = setup();
    state.registerWorker(worker('w1'), 0);
    state.registerWorker(worker('w2'), 0);
    state.registerApp(app('a', { coresMax: 2 }), 0);
    expect(calls.sort()).toEqual(['launch a/0 on w1 x1', 'launch a/1 on w2 x1']);
    expect(state.workers.get('w1')!.coresUsed).toBe(1);
    expect(state.workers.get('w1')!.memoryUsedMb).toBe(512);
    expect(state.apps.get('a')!.coresGranted).toBe(2);
  });

  it('refuses a duplicate alive worker id and a duplicate application id', () => {
    const { state } = setup();
    state.registerWorker(worker('w1'), 0);
    expect(() => state.registerWorker(worker('w1'), 0)).toThrow(/Duplicate worker ID/);
    state.registerApp(app('a'), 0);
    expect(() => state.registerApp(app('a'), 0)).toThrow(/already registered/);
  });

  it('marks a silent worker DEAD, reports its executors removed to the app and relaunches them where cores allow', () => {
    const { state, calls } = setup();
    state.registerWorker(worker('w1', 2), 0);
    state.registerWorker(worker('w2', 4), 0);
    state.registerApp(app('a', { coresMax: 4 }), 0);
    const onW1 = [...state.apps.get('a')!.executors.values()].filter((e) => e.workerId === 'w1').map((e) => e.id);
    expect(onW1.length).toBe(2);
    calls.length = 0;
    state.workerHeartbeat('w2', 1500);
    state.appHeartbeat('a', undefined, 1500);
    state.checkTimeouts(1500);
    expect(state.workers.get('w1')!.state).toBe('DEAD');
    expect(state.workerHeartbeat('w1', 1600)).toBe(false);
    expect(state.appHeartbeat('a', undefined, 1600)!.map((r) => r.executorId).sort()).toEqual(onW1.sort());
    // w2 had 2 free cores: the lost cores come back there
    expect(calls.filter((c) => c.startsWith('launch')).length).toBe(2);
    expect(calls.every((c) => c.endsWith('on w2 x1'))).toBe(true);
    expect(state.apps.get('a')!.coresGranted).toBe(4);
  });

  it('kills executors and tells workers when an application ends, keeping a bounded completed list', () => {
    const { state, calls } = setup();
    state.registerWorker(worker('w1'), 0);
    state.registerApp(app('a'), 0);
    calls.length = 0;
    state.finishApp('a', 'FINISHED', 10);
    expect(calls).toEqual(['kill a/0 on w1', 'kill a/1 on w1', 'finished a on w1']);
    expect(state.workers.get('w1')!.coresUsed).toBe(0);
    expect(state.completedApps[0]!.state).toBe('FINISHED');
    state.registerApp(app('b'), 20);
    state.finishApp('b', 'FINISHED', 30);
    state.registerApp(app('c'), 40);
    state.finishApp('c', 'FINISHED', 50);
    expect(state.completedApps.map((a) => a.desc.id)).toEqual(['b', 'c']);
  });

  it('kills the executors of an application whose driver stopped heartbeating', () => {
    const { state, calls } = setup();
    state.registerWorker(worker('w1'), 0);
    state.registerApp(app('a'), 0);
    state.workerHeartbeat('w1', 5500);
    state.checkTimeouts(5500);
    expect(state.apps.size).toBe(0);
    expect(state.completedApps[0]!.state).toBe('KILLED');
    expect(calls).toContain('kill a/0 on w1');
  });

  it('relaunches a failed executor, gives up on the app after maxExecutorRetries, and ignores spoofed reports', () => {
    const { state, calls } = setup();
    state.registerWorker(worker('w1', 1), 0);
    state.registerWorker(worker('w2', 1), 0);
    state.registerApp(app('a', { coresMax: 1 }), 0);
    const first = [...state.apps.get('a')!.executors.values()][0]!;
    const other = first.workerId === 'w1' ? 'w2' : 'w1';
    expect(() => state.executorStateChanged(other, 'a', first.id, 'FAILED', '')).toThrow(/does not run on worker/);
    for (let i = 0; i < 3; i++) {
      const e = [...state.apps.get('a')!.executors.values()][0]!;
      state.executorStateChanged(e.workerId, 'a', e.id, 'FAILED', 'boom');
    }
    expect(state.apps.has('a')).toBe(false);
    expect(state.completedApps[0]!.state).toBe('FAILED');
    expect(calls.filter((c) => c.startsWith('launch')).length).toBe(3);
  });
});
