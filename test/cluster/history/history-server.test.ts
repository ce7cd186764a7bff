import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createHistoryApp } from '../../../src/cluster/history/history-server.js';
import { parseHistoryArgs } from '../../../src/cluster/history/main.js';
import { replayEventLog } from '../../../src/cluster/history/replay-log.js';
import { EventLogWriter } from '../../../src/driver/status/event-log-writer.js';
import { StatusBus } from '../../../src/driver/status/status-events.js';
import { APP_ID, recordedEvents } from '../../driver/status/recorded-events.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsspark-history-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function writeLog(appId: string, finish: boolean): string {
  const bus = new StatusBus();
  const w = new EventLogWriter(dir, appId).attach(bus);
  for (const e of recordedEvents()) bus.post(e.kind === 'application-start' ? { ...e, appId } : e);
  if (finish) bus.post({ kind: 'application-end', time: 1_700_000_001_000 });
  return w.path;
}

describe('history server', () => {
  it('replays a truncated log up to the last complete line', () => {
    const file = writeLog('app-truncated', false);
    const text = fs.readFileSync(file, 'utf8');
    const cut = text.slice(0, text.indexOf('"SparkListenerJobEnd"') + 30); // a crashed driver's half-written line
    const { store, skippedLines } = replayEventLog(cut);
    expect(skippedLines).toBe(0);
    expect(store.app.id).toBe('app-truncated');
    expect(store.job(0)?.status).toBe('RUNNING');
    expect(store.stage(1)?.status).toBe('COMPLETE');
    // once followed by a newline, the half line and a garbage line are skipped, never fatal
    expect(replayEventLog(`${cut}\n{not json\n`).skippedLines).toBe(2);
  });

  it('lists logs and serves the UI and REST API by replaying them', async () => {
    writeLog(APP_ID, true);
    const app = createHistoryApp(dir);
    const list = await app.inject({ url: '/' });
    expect(list.body).toContain(`/history/${APP_ID}/jobs/`);
    const apps = (await app.inject({ url: '/api/v1/applications' })).json();
    expect(apps.map((a: { id: string }) => a.id).sort()).toEqual(['app-truncated', APP_ID].sort());
    const done = apps.find((a: { id: string }) => a.id === APP_ID);
    expect(done.attempts[0]).toMatchObject({ completed: true, sparkUser: 'alice' });
    expect((await app.inject({ url: '/api/v1/applications?status=completed' })).json()).toHaveLength(1);
    const jobs = (await app.inject({ url: `/api/v1/applications/${APP_ID}/jobs` })).json();
    expect(jobs.map((j: { jobId: number; status: string }) => [j.jobId, j.status])).toEqual([[1, 'FAILED'], [0, 'SUCCEEDED']]);
    const summary = (await app.inject({ url: `/api/v1/applications/${APP_ID}/stages/0/0/taskSummary?quantiles=0,1` })).json();
    expect(summary.executorRunTime).toEqual([10, 40]);
    const env = (await app.inject({ url: `/api/v1/applications/${APP_ID}/environment` })).json();
    expect(JSON.stringify(env)).not.toContain('hunter2');
    for (const p of ['jobs/', 'jobs/job/?id=0', 'stages/stage/?id=0&attempt=0', 'executors/', 'SQL/execution/?id=0', 'environment/']) {
      const r = await app.inject({ url: `/history/${APP_ID}/${p}` });
      expect(r.statusCode, p).toBe(200);
      expect(r.body).toContain(`href="/history/${APP_ID}/jobs/"`);
    }
    expect((await app.inject({ url: '/history/nope/jobs/' })).statusCode).toBe(404);
    await app.close();
  });

  it('parses its command line', () => {
    expect(parseHistoryArgs(['--port', '0', '--dir', '/x'], {})).toEqual({ port: 0, host: '127.0.0.1', dir: '/x' });
    expect(parseHistoryArgs([], {}).port).toBe(18080);
    expect(() => parseHistoryArgs(['--bogus'], {})).toThrow(/unknown option/);
  });
});
