// The worker daemon in-process against an in-process master with spark.authenticate: registration refusals,
// unauthenticated launches refused (nothing started), a real executor launched with logs under the work dir and
// cleaned up when the application finishes, and the log page's path validation.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMaster, type RunningMaster } from '../../../src/cluster/master/master-daemon.js';
import { workerServiceDefinition } from '../../../src/cluster/master/protocol.js';
import { startWorker, type RunningWorker } from '../../../src/cluster/worker/worker-daemon.js';
import { logFile } from '../../../src/cluster/worker/worker-ui.js';
import { EnvelopeClient } from '../../../src/common/rpc/envelope.js';
import { SparkConf } from '../../../src/common/spark-conf.js';

const SECRET = 'worker-test-secret';
const authConf = (secret?: string): SparkConf => new SparkConf(secret === undefined ? {} : { 'spark.authenticate': 'true', 'spark.authenticate.secret': secret });
const quiet = (): void => undefined;

describe('tsspark-worker daemon', () => {
  let master: RunningMaster;
  let worker: RunningWorker;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsspark-worker-test-'));
  const masters = (): Array<{ host: string; port: number }> => [{ host: '127.0.0.1', port: master.port }];

  beforeAll(async () => {
    master = await startMaster({ conf: authConf(SECRET), port: 0, webuiPort: -1, log: quiet });
  });
  afterAll(async () => {
    await worker?.stop();
    await master.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('cannot register without the secret or with a wrong one', async () => {
    for (const conf of [authConf(), authConf('not-the-secret')]) {
      await expect(startWorker({ conf, masters: masters(), webuiPort: -1, cores: 1, memoryMb: 512, workDir: dir, log: quiet })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    }
    expect(master.state.workers.size).toBe(0);
  });

  it('registers with the secret, trying each master of a spark://h1,h2 list', async () => {
    worker = await startWorker({ conf: authConf(SECRET), masters: [{ host: '127.0.0.1', port: 1 }, ...masters()], webuiPort: 0, cores: 2, memoryMb: 1024, workDir: dir, log: quiet });
    expect(master.state.workers.get(worker.id)?.state).toBe('ALIVE');
    expect(worker.masterAddress()).toBe(`127.0.0.1:${master.port}`);
  });

  it('refuses to launch anything for an unauthenticated caller', async () => {
    const body = { appId: 'app-evil', executorId: '0', cores: 1, memoryMb: 64, driverAddress: '127.0.0.1:1', executorSettings: { memoryFraction: 0.5, compressShuffle: false, heartbeatMs: 1000, moduleHooks: false } };
    for (const opts of [{}, { auth: { secret: 'guess' } }]) {
      const c = new EnvelopeClient(workerServiceDefinition(), `127.0.0.1:${worker.port}`, opts);
      await expect(c.call('LaunchExecutor', body)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
      c.close();
    }
    expect(worker.runners.size).toBe(0);
    expect(fs.existsSync(path.join(dir, 'app-evil'))).toBe(false);
  });

  it('launches an executor with its logs in <work-dir>/<app>/<executor>/ and removes the app directory when it finishes', async () => {
    const c = new EnvelopeClient(workerServiceDefinition(), `127.0.0.1:${worker.port}`, { auth: { secret: SECRET } });
    // no driver listens at this address: the executor starts, fails to register, and exits
    await c.call('LaunchExecutor', { appId: 'app-1', executorId: '3', cores: 1, memoryMb: 64, driverAddress: '127.0.0.1:9', executorSettings: { memoryFraction: 0.5, compressShuffle: false, heartbeatMs: 1000, moduleHooks: false } });
    const runner = worker.runners.get('app-1/3')!;
    expect(runner.pid).toBeGreaterThan(0);
    await expect.poll(() => runner.finished, { timeout: 15_000 }).toBe(true);
    expect(runner.state).toBe('FAILED');
    const stderr = fs.readFileSync(path.join(dir, 'app-1', '3', 'stderr'), 'utf8');
    expect(stderr).toMatch(/executor failed to start/);
    const page = await fetch(`${worker.webuiUrl}/logPage?appId=app-1&executorId=3&logType=stderr`);
    expect(page.headers.get('content-type')).toMatch(/text\/plain/);
    expect(await page.text()).toContain('executor failed to start');
    expect((await fetch(`${worker.webuiUrl}/logPage?appId=..&executorId=3&logType=stderr`)).status).toBe(400);
    expect((await fetch(`${worker.webuiUrl}/logPage?appId=app-1&executorId=3&logType=..%2F..%2Fetc%2Fpasswd`)).status).toBe(400);
    expect(await (await fetch(`${worker.webuiUrl}/`)).text()).toContain('logType=stderr');
    await c.call('ApplicationFinished', { appId: 'app-1' });
    await expect.poll(() => fs.existsSync(path.join(dir, 'app-1')), { timeout: 5000 }).toBe(false);
    c.close();
  });

  it('confines log paths to the work directory', () => {
    expect(logFile('/w', 'app-1', '0', 'stdout')).toBe(path.join('/w', 'app-1', '0', 'stdout'));
    expect(() => logFile('/w', '..', '0', 'stdout')).toThrow();
    expect(() => logFile('/w', 'a/../../b', '0', 'stdout')).toThrow();
    expect(() => logFile('/w', 'app-1', '0', 'passwd')).toThrow();
    expect(() => logFile('/w', 'app-1', '/etc', 'stdout')).toThrow();
  });
});
