// spark.authenticate on a standalone cluster of real processes: a job runs end to end with the secret (driver,
// master, worker, executors, shuffle); a worker without the secret cannot register; an application without it, or
// with a wrong one, is refused.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { masterJson, startDaemon, stopProcess, submit, type Daemon } from './standalone-harness.js';

const SECRET = 'integration-secret-42';
const AUTH = ['--conf', 'spark.authenticate=true'];

describe('standalone cluster with spark.authenticate', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsspark-standalone-auth-'));
  const app = path.join(dir, 'sum.mjs');
  let master: Daemon;
  let worker: Daemon;
  let url: string;

  beforeAll(async () => {
    fs.writeFileSync(app, `
import { SparkContext } from 'tsspark';
const sc = new SparkContext();
const r = await sc.parallelize(Array.from({ length: 100 }, (_, i) => i), 4).map((x) => [x % 3, x]).reduceByKey((a, b) => a + b).collect();
console.log('RESULT ' + JSON.stringify(r.sort((a, b) => a[0] - b[0])));
`);
    master = await startDaemon('master', ['--port', '0', '--webui-port', '0', ...AUTH], { TSSPARK_AUTH_SECRET: SECRET });
    url = master.info.url!;
    worker = await startDaemon('worker', [url, '--cores', '2', '--memory', '1g', '--webui-port', '0', '--work-dir', path.join(dir, 'w'), ...AUTH], { TSSPARK_AUTH_SECRET: SECRET });
  }, 40_000);

  afterAll(async () => {
    await stopProcess(worker?.proc);
    await stopProcess(master?.proc);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('runs a job with the shared secret on every process', async () => {
    const r = await submit(['--master', url, ...AUTH, app], { TSSPARK_AUTH_SECRET: SECRET }).done;
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('RESULT [[0,1683],[1,1617],[2,1650]]');
  }, 40_000);

  it('refuses a worker without the secret or with a wrong one', async () => {
    for (const env of [{ TSSPARK_AUTH_SECRET: '' }, { TSSPARK_AUTH_SECRET: 'wrong' }]) {
      const args = [url, '--cores', '1', '--memory', '512m', '--webui-port', '0', '--work-dir', path.join(dir, 'intruder')];
      await expect(startDaemon('worker', env.TSSPARK_AUTH_SECRET === '' ? args : [...args, ...AUTH], env)).rejects.toThrow(/exited with 1[\s\S]*(unauthenticated|UNAUTHENTICATED|rejected)/);
    }
    const j = await masterJson(master.info['webui-port']!);
    expect(j.workers.length).toBe(1);
  }, 30_000);

  it('refuses an application without the secret or with a wrong one', async () => {
    const none = await submit(['--master', url, app], { TSSPARK_AUTH_SECRET: '' }).done;
    expect(none.code).not.toBe(0);
    expect(none.stderr).toMatch(/UNAUTHENTICATED|unauthenticated|rejected/);
    const wrong = await submit(['--master', url, ...AUTH, app], { TSSPARK_AUTH_SECRET: 'wrong' }).done;
    expect(wrong.code).not.toBe(0);
    expect(wrong.stderr).toMatch(/UNAUTHENTICATED|unauthenticated|rejected/);
    const j = await masterJson(master.info['webui-port']!);
    expect(j.activeapps.length + j.completedapps.length).toBe(1); // only the authenticated run
  }, 40_000);
});
