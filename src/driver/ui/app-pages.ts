// Registers one application's HTML pages, kill actions and live events under a prefix: '' on the driver,
// '/history/:appId' on the history server. Pages render from the source that `resolve` finds for the request.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Html } from './html.js';
import { serveEvents } from './live-events.js';
import type { PageContext } from './page-context.js';
import { environmentPage } from './pages/environment-page.js';
import { executorsPage } from './pages/executors-page.js';
import { jobPage } from './pages/job-page.js';
import { jobsPage } from './pages/jobs-page.js';
import { sqlExecutionPage, sqlPage } from './pages/sql-page.js';
import { stagePage } from './pages/stage-page.js';
import { stagesPage } from './pages/stages-page.js';
import { storagePage } from './pages/storage-page.js';
import type { UiSource } from './ui-source.js';

export interface ResolvedApp {
  readonly src: UiSource;
  readonly base: string;
  readonly root: string;
}

export type AppResolver = (req: FastifyRequest) => ResolvedApp | undefined;

const PAGES: ReadonlyArray<readonly [string, (ctx: PageContext) => Html | undefined]> = [
  ['/jobs/', jobsPage], ['/jobs/job/', jobPage], ['/stages/', stagesPage], ['/stages/stage/', stagePage], ['/executors/', executorsPage],
  ['/storage/', storagePage], ['/environment/', environmentPage], ['/SQL/', sqlPage], ['/SQL/execution/', sqlExecutionPage],
];

export function registerAppPages(app: FastifyInstance, prefix: string, resolve: AppResolver): void {
  const ctxFor = (req: FastifyRequest, reply: FastifyReply): PageContext | undefined => {
    const r = resolve(req);
    if (!r) {
      void reply.code(404).type('text/plain').send('unknown application');
      return undefined;
    }
    return { src: r.src, base: r.base, root: r.root, query: req.query as Record<string, string | undefined>, now: Date.now() };
  };
  app.get(`${prefix}/`, async (req, reply) => {
    const r = resolve(req);
    return r ? reply.redirect(`${r.base}/jobs/`) : reply.code(404).type('text/plain').send('unknown application');
  });
  for (const [path, render] of PAGES) {
    app.get(`${prefix}${path}`, async (req, reply) => {
      const ctx = ctxFor(req, reply);
      if (!ctx) return reply;
      const page = render(ctx);
      if (!page) return reply.code(404).type('text/plain').send(`not found: ${req.url}`);
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(page.text);
    });
  }
  const kill = (what: 'job' | 'stage') => async (req: FastifyRequest, reply: FastifyReply) => {
    const ctx = ctxFor(req, reply);
    if (!ctx) return reply;
    const controls = ctx.src.controls;
    if (!controls?.killEnabled) return reply.code(403).type('text/plain').send('killing is disabled (spark.ui.killEnabled=false)');
    const id = Number(ctx.query['id']);
    if (!Number.isInteger(id)) return reply.code(400).type('text/plain').send('id must be an integer');
    const ok = what === 'job' ? controls.killJob(id) : controls.killStage(id);
    return ok ? { killed: true, [what === 'job' ? 'jobId' : 'stageId']: id } : reply.code(409).send({ killed: false, message: `${what} ${id} is not running or cannot be killed` });
  };
  app.post(`${prefix}/jobs/job/kill/`, kill('job'));
  app.post(`${prefix}/stages/stage/kill/`, kill('stage'));
  app.get(`${prefix}/events`, async (req, reply) => {
    const r = resolve(req);
    if (!r) return reply.code(404).type('text/plain').send('unknown application');
    serveEvents(r.src.reader, req, reply);
    return reply;
  });
}
