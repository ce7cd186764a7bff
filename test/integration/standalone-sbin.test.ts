// sbin/start-master.sh, start-workers.sh, stop-workers.sh, stop-master.sh: real daemons from conf/workers (localhost
// lines only), pid files in TSSPARK_PID_DIR, logs in TSSPARK_LOG_DIR, refusing to start a second master.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { masterJson, ROOT, waitFor } from './standalone-harness.js';

describe('sbin scripts', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsspark-sbin-'));
  const env = { ...process.env, TSSPARK_PID_DIR: path.join(dir, 'pids'), TSSPARK_LOG_DIR: path.join(dir, 'logs'), TSSPARK_CONF_DIR: path.join(dir, 'conf'), TSSPARK_MASTER_WEBUI_PORT: '0', TSSPARK_WORKER_WEBUI_PORT: '0', TSSPARK_WORKER_DIR: path.join(dir, 'work'), TSSPARK_WORKER_CORES: '1', TSSPARK_WORKER_MEMORY: '512m' };
  const sh = (script: string): string => {
    try {
      return execFileSync('bash', [path.join(ROOT, 'sbin', script)], { env, encoding: 'utf8', timeout: 30_000 });
    } catch (e) {
      const x = e as { stdout?: string; stderr?: string };
      throw new Error(`${script} failed:\n${x.stdout ?? ''}${x.stderr ?? ''}`);
    }
  };

  afterAll(() => {
    try {
      sh('stop-workers.sh');
      sh('stop-master.sh');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('start the master and the localhost workers of conf/workers with pid files, and stop them', async () => {
    const port = await new Promise<number>((resolve) => {
      const s = net.createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as net.AddressInfo).port;
        s.close(() => resolve(p));
      });
    });
    Object.assign(env, { TSSPARK_MASTER_PORT: String(port) });
    fs.mkdirSync(env.TSSPARK_CONF_DIR, { recursive: true });
    fs.writeFileSync(path.join(env.TSSPARK_CONF_DIR, 'workers'), '# two workers here\nlocalhost\nlocalhost\nremote.example.com\n');
    expect(sh('start-master.sh')).toMatch(/starting tsspark-master/);
    expect(sh('start-workers.sh')).toMatch(/starting tsspark-worker 2/);
    const pids = fs.readdirSync(env.TSSPARK_PID_DIR).sort();
    expect(pids.length).toBe(3);
    const log = fs.readdirSync(env.TSSPARK_LOG_DIR).find((f) => f.includes('-master-'))!;
    const webui = /webui-port=(\d+)/.exec(fs.readFileSync(path.join(env.TSSPARK_LOG_DIR, log), 'utf8'))![1]!;
    const j = await waitFor(() => masterJson(webui), (v) => v.workers.filter((w) => w.state === 'ALIVE').length === 2, 15_000, 'two workers');
    expect(j.url).toBe(`spark://127.0.0.1:${port}`);
    expect(() => sh('start-master.sh')).toThrow(/already running/);
    sh('stop-workers.sh');
    sh('stop-master.sh');
    expect(fs.readdirSync(env.TSSPARK_PID_DIR)).toEqual([]);
    await expect(fetch(`http://127.0.0.1:${webui}/json`)).rejects.toThrow();
  }, 60_000);
});
