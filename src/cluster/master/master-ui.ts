// The master's web UI (Fastify, loopback by default): a page with workers and applications, and Spark's /json.
import Fastify, { type FastifyInstance } from 'fastify';
import { duration, esc, link, mb, page, stateCell, table } from './html-page.js';
import { masterJson } from './master-json.js';
import type { AppInfo, MasterState } from './master-state.js';

export function buildMasterUi(state: MasterState, masterUrl: string): FastifyInstance {
  const app = Fastify({ logger: false });
  app.get('/json', async () => masterJson(state, masterUrl));
  app.get('/json/', async () => masterJson(state, masterUrl));
  app.get('/', async (_req, reply) => reply.type('text/html; charset=utf-8').send(renderMasterPage(state, masterUrl)));
  return app;
}

export function renderMasterPage(state: MasterState, masterUrl: string, now: number = Date.now()): string {
  const j = masterJson(state, masterUrl, now);
  const workers = table(
    ['Worker Id', 'Address', 'State', 'Cores', 'Memory', 'Last heartbeat'],
    j.workers.map((w) => [
      link(w.webuiaddress || undefined, w.id),
      esc(`${w.host}:${w.port}`),
      stateCell(w.state),
      esc(`${w.cores} (${w.coresused} Used)`),
      esc(`${mb(w.memory)} (${mb(w.memoryused)} Used)`),
      esc(`${duration(Math.max(0, now - w.lastheartbeat))} ago`),
    ]),
    'No workers registered',
  );
  const appRows = (apps: readonly AppInfo[]): string[][] =>
    apps.map((a) => [
      esc(a.desc.id),
      link(a.uiUrl, a.desc.name),
      esc(a.coresGranted),
      esc(mb(a.desc.memoryPerExecutorMb)),
      esc(new Date(a.startTime).toISOString().replace('T', ' ').slice(0, 19)),
      esc(a.desc.user),
      stateCell(a.state),
      esc(duration((a.endTime ?? now) - a.startTime)),
    ]);
  const heads = ['Application ID', 'Name', 'Cores', 'Memory per Executor', 'Submitted Time', 'User', 'State', 'Duration'];
  const body = `
<h1 style="font-size:20px">Master at ${esc(masterUrl)}</h1>
<ul class="summary">
<li><b>${j.aliveworkers}</b>Alive workers</li>
<li><b>${j.cores} (${j.coresused} used)</b>Cores in use</li>
<li><b>${esc(mb(j.memory))} (${esc(mb(j.memoryused))} used)</b>Memory in use</li>
<li><b>${j.activeapps.length} running, ${j.completedapps.length} completed</b>Applications</li>
<li><b>ALIVE</b>Status</li>
</ul>
<h2>Workers (${j.workers.length})</h2>
${workers}
<h2>Running Applications (${state.apps.size})</h2>
${table(heads, appRows([...state.apps.values()]), 'No running applications')}
<h2>Completed Applications (${state.completedApps.length})</h2>
${table(heads, appRows([...state.completedApps].reverse()), 'No completed applications')}`;
  return page(`Master at ${masterUrl}`, body);
}
