// The worker's web UI (Fastify, loopback by default): its executors with links to their logs, the logs themselves
// (read-only, ids validated, paths confined to the work directory, served as plain text), and a /json summary.
import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { duration, esc, mb, page, stateCell, table } from '../master/html-page.js';
import { wireId } from '../master/protocol.js';
import type { ExecutorRunner } from './executor-runner.js';

export interface WorkerUiSource {
  readonly id: string;
  readonly workDir: string;
  readonly runners: ReadonlyMap<string, ExecutorRunner>;
  readonly cores: number;
  readonly memoryMb: number;
  readonly masterAddress: () => string | undefined;
}

const DEFAULT_LOG_BYTES = 100 * 1024;
const MAX_LOG_BYTES = 10 * 1024 * 1024;

export function buildWorkerUi(src: WorkerUiSource): FastifyInstance {
  const app = Fastify({ logger: false });
  app.get('/', async (_req, reply) => reply.type('text/html; charset=utf-8').send(renderWorkerPage(src)));
  app.get('/json', async () => workerJson(src));
  app.get('/logPage', async (req, reply) => {
    const q = req.query as Record<string, string | undefined>;
    let file: string;
    try {
      file = logFile(src.workDir, q.appId, q.executorId, q.logType);
    } catch (e) {
      return reply.code(400).type('text/plain; charset=utf-8').send(`bad request: ${(e as Error).message}`);
    }
    let size: number;
    try {
      size = fs.statSync(file).size;
    } catch {
      return reply.code(404).type('text/plain; charset=utf-8').send('no such log (the application may have finished and been cleaned up)');
    }
    const want = Math.min(MAX_LOG_BYTES, Math.max(0, Number.parseInt(q.byteLength ?? '', 10) || DEFAULT_LOG_BYTES));
    const start = Math.max(0, size - want);
    const buf = Buffer.alloc(size - start);
    const fd = fs.openSync(file, 'r');
    try {
      fs.readSync(fd, buf, 0, buf.length, start);
    } finally {
      fs.closeSync(fd);
    }
    return reply.header('x-content-type-options', 'nosniff').type('text/plain; charset=utf-8').send(start > 0 ? Buffer.concat([Buffer.from(`[... first ${start} bytes skipped ...]\n`), buf]) : buf);
  });
  return app;
}

/** The log file for validated ids; throws on anything that is not an id or a log kind, or leaves the work dir. */
export function logFile(workDir: string, appId: unknown, executorId: unknown, logType: unknown): string {
  if (logType !== 'stdout' && logType !== 'stderr') throw new Error('logType must be stdout or stderr');
  const root = path.resolve(workDir);
  const file = path.resolve(root, wireId(appId, 'appId'), wireId(executorId, 'executorId'), logType);
  if (!file.startsWith(root + path.sep)) throw new Error('path outside the work directory');
  return file;
}

function workerJson(src: WorkerUiSource): Record<string, unknown> {
  const all = [...src.runners.values()];
  const live = all.filter((r) => !r.finished);
  const exec = (r: ExecutorRunner): Record<string, unknown> => ({
    id: r.spec.executorId, appid: r.spec.appId, cores: r.spec.cores, memory: r.spec.memoryMb, state: r.state, pid: r.pid ?? null,
  });
  return {
    id: src.id,
    masterurl: src.masterAddress() ? `spark://${src.masterAddress()}` : null,
    cores: src.cores,
    coresused: live.reduce((s, r) => s + r.spec.cores, 0),
    memory: src.memoryMb,
    memoryused: live.reduce((s, r) => s + r.spec.memoryMb, 0),
    executors: live.map(exec),
    finishedexecutors: all.filter((r) => r.finished).map(exec),
  };
}

export function renderWorkerPage(src: WorkerUiSource, now: number = Date.now()): string {
  const logs = (r: ExecutorRunner): string =>
    (['stdout', 'stderr'] as const)
      .map((k) => `<a href="/logPage?appId=${encodeURIComponent(r.spec.appId)}&amp;executorId=${encodeURIComponent(r.spec.executorId)}&amp;logType=${k}">${k}</a>`)
      .join(' ');
  const rows = (rs: readonly ExecutorRunner[]): string[][] =>
    rs.map((r) => [esc(r.spec.executorId), esc(r.spec.appId), stateCell(r.state), esc(r.spec.cores), esc(mb(r.spec.memoryMb)), esc(r.pid ?? ''), esc(duration(now - r.startTime)), logs(r)]);
  const all = [...src.runners.values()];
  const heads = ['Executor ID', 'Application', 'State', 'Cores', 'Memory', 'PID', 'Age', 'Logs'];
  const j = workerJson(src);
  const body = `
<h1 style="font-size:20px">Worker ${esc(src.id)}</h1>
<ul class="summary">
<li><b>${esc(j.masterurl ?? 'not registered')}</b>Master</li>
<li><b>${esc(`${src.cores} (${String(j.coresused)} used)`)}</b>Cores</li>
<li><b>${esc(`${mb(src.memoryMb)} (${mb(j.memoryused as number)} used)`)}</b>Memory</li>
<li><b>${esc(src.workDir)}</b>Work directory</li>
</ul>
<h2>Running Executors</h2>
${table(heads, rows(all.filter((r) => !r.finished)), 'No running executors')}
<h2>Finished Executors</h2>
${table(heads, rows(all.filter((r) => r.finished)), 'No finished executors')}`;
  return page(`Worker ${src.id}`, body);
}
