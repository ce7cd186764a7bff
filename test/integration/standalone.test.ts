// A standalone cluster as real processes on loopback (ephemeral ports): tsspark-master, two tsspark-workers, and
// applications run with tsspark-submit --master spark://…; checks answers, placement on both workers, the master's
// /json through an application's life, recovery when a worker is killed -9 mid-job, and a malformed message.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { masterServiceDefinition } from '../../src/cluster/master/protocol.js';
import { RpcClient } from '../../src/common/rpc/client.js';
import { masterJson, startDaemon, stopProcess, submit, waitFor, type Daemon } from './standalone-harness.js';

const TIMEOUT = ['--conf', 'spark.worker.timeout=3s'];

describe('standalone cluster (real processes)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsspark-standalone-'));
  let master: Daemon;
  const workers: Daemon[] = [];
  let url: string;
  let webui: string;

  beforeAll(async () => {
    master = await startDaemon('master', ['--port', '0', '--webui-port', '0', ...TIMEOUT]);
    url = master.info.url!;
    webui = master.info['webui-port']!;
    for (const i of [1, 2]) {
      workers.push(await startDaemon('worker', [url, '--cores', '2', '--memory', '2g', '--webui-port', '0', '--work-dir', path.join(dir, `w${i}`), ...TIMEOUT]));
    }
  }, 40_000);

  afterAll(async () => {
    await Promise.all(workers.map((w) => stopProcess(w.proc)));
    await stopProcess(master?.proc);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('prints the bound ports and lists two ALIVE workers in /json', async () => {
    expect(url).toMatch(/^spark:\/\/127\.0\.0\.1:\d+$/);
    const j = await waitFor(() => masterJson(webui), (v) => v.workers.length === 2, 10_000, 'two workers');
    expect(j.status).toBe('ALIVE');
    expect(j.workers.map((w) => w.state)).toEqual(['ALIVE', 'ALIVE']);
    expect(j.workers.map((w) => w.cores)).toEqual([2, 2]);
    for (const w of j.workers) expect((await fetch(`${w.webuiaddress}/json`)).ok).toBe(true);
  });

  it('runs an application with executors on both workers; /json shows it active, then completed', async () => {
    const app = path.join(dir, 'wordcount.mjs');
    const go = path.join(dir, 'go');
    fs.writeFileSync(app, `
import fs from 'node:fs';
import { SparkContext } from 'tsspark';
const sc = new SparkContext();
await sc.ready();
while (!fs.existsSync(process.argv[2])) await new Promise((r) => setTimeout(r, 50));
const words = 'the quick brown fox jumps over the lazy dog the end'.split(' ');
const counts = await sc.parallelize(Array.from({ length: 40 }, () => words).flat(), 8).map((w) => [w, 1]).reduceByKey((a, b) => a + b).collect();
const dirs = await sc.parallelize([0, 1, 2, 3, 4, 5, 6, 7], 8).map(() => process.cwd()).distinct().collect();
console.log('RESULT ' + JSON.stringify({ counts: counts.sort(), dirs: dirs.sort() }));
`);
    const run = submit(['--master', url, '--executor-cores', '1', '--total-executor-cores', '4', '--name', 'wordcount', app, go]);
    const active = await waitFor(() => masterJson(webui), (v) => v.activeapps.length === 1 && v.workers.every((w) => w.coresused === 2), 20_000, 'the app with 4 cores');
    expect(active.activeapps[0]).toMatchObject({ name: 'wordcount', cores: 4 });
    fs.writeFileSync(go, '');
    const r = await run.done;
    expect(r.stderr).not.toMatch(/Exception/);
    expect(r.code).toBe(0);
    const line = r.stdout.split('\n').find((l) => l.startsWith('RESULT '))!;
    const { counts, dirs } = JSON.parse(line.slice(7)) as { counts: Array<[string, number]>; dirs: string[] };
    expect(Object.fromEntries(counts)).toEqual({ the: 120, quick: 40, brown: 40, fox: 40, jumps: 40, over: 40, lazy: 40, dog: 40, end: 40 });
    // executors run in <work-dir>/<app-id>/<executor-id>: both workers' directories appear
    expect(dirs.some((d) => d.startsWith(path.join(dir, 'w1')))).toBe(true);
    expect(dirs.some((d) => d.startsWith(path.join(dir, 'w2')))).toBe(true);
    const appId = active.activeapps[0]!.id;
    const done = await waitFor(() => masterJson(webui), (v) => v.activeapps.length === 0, 10_000, 'app completed');
    expect(done.completedapps.find((a) => a.id === appId)).toMatchObject({ name: 'wordcount', state: 'FINISHED' });
    expect(done.workers.map((w) => w.coresused)).toEqual([0, 0]);
    // the workers removed the application's work directories
    await waitFor(() => [1, 2].some((i) => fs.existsSync(path.join(dir, `w${i}`, appId))), (v) => !v, 10_000, 'work dirs cleaned');
  }, 60_000);

  it('rejects a malformed message without crashing the master', async () => {
    const raw = new RpcClient<{ RegisterApplication: { request: { payload: Buffer }; response: { payload: Buffer } } }>(masterServiceDefinition(), url.slice('spark://'.length));
    await expect(raw.unary('RegisterApplication', { payload: Buffer.from('\xc1 definitely not msgpack', 'latin1') })).rejects.toMatchObject({ code: 'INVALID_WIRE_DATA' });
    raw.close();
    expect(master.proc.exitCode).toBeNull();
    expect((await masterJson(webui)).status).toBe('ALIVE');
    expect(master.output()).toMatch(/rejected .*RegisterApplication/);
  });

  it('finishes a job correctly when a worker is killed -9 mid-job, and shows that worker DEAD', async () => {
    const app = path.join(dir, 'slow.mjs');
    const marker = path.join(dir, 'started');
    fs.writeFileSync(app, `
import fs from 'node:fs';
import { SparkContext } from 'tsspark';
const sc = new SparkContext();
await sc.ready();
const marker = process.argv[2];
const nap = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
const sums = await sc.parallelize(Array.from({ length: 160 }, (_, i) => i), 16)
  .map((x) => { fs.writeFileSync(marker, 'x'); nap(20); return [x % 5, x]; })
  .reduceByKey((a, b) => a + b, 4)
  .map(([k, v]) => { nap(100); return [k, v]; })
  .collect();
console.log('RESULT ' + JSON.stringify(sums.sort((a, b) => a[0] - b[0])));
`);
    const run = submit(['--master', url, '--executor-cores', '1', '--total-executor-cores', '4', '--conf', 'spark.network.timeout=6s', app, marker]);
    await waitFor(() => fs.existsSync(marker), (v) => v, 30_000, 'the first task');
    const victim = workers[1]!;
    const victimId = (await masterJson(webui)).workers.find((w) => String(w.port) === victim.info.port)!.id;
    victim.proc.kill('SIGKILL');
    expect(run.proc.exitCode).toBeNull(); // the job was still running
    const r = await run.done;
    expect(r.code, r.stderr).toBe(0);
    const line = r.stdout.split('\n').find((l) => l.startsWith('RESULT '))!;
    const expected = [0, 1, 2, 3, 4].map((k) => [k, Array.from({ length: 160 }, (_, i) => i).filter((i) => i % 5 === k).reduce((a, b) => a + b, 0)]);
    expect(JSON.parse(line.slice(7))).toEqual(expected);
    const j = await waitFor(() => masterJson(webui), (v) => v.workers.find((w) => w.id === victimId)?.state === 'DEAD', 10_000, 'worker DEAD');
    expect(j.workers.filter((w) => w.state === 'ALIVE').length).toBe(1);
  }, 60_000);
});
