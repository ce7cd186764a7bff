// tsspark-history: lists the event logs in a directory and serves each application's UI (/history/<appId>/…) and
// Spark's REST API (/api/v1/applications/…) by replaying its log; logs are re-read when they change on disk.
import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { IN_PROGRESS_SUFFIX } from '../../driver/status/event-log-writer.js';
import { registerAppPages } from '../../driver/ui/app-pages.js';
import { formatDuration, formatTime } from '../../driver/ui/format.js';
import { html } from '../../driver/ui/html.js';
import { registerRestApi } from '../../driver/ui/rest-api.js';
import { registerStaticAssets } from '../../driver/ui/static-assets.js';
import type { UiSource } from '../../driver/ui/ui-source.js';
import { replayEventLogFile } from './replay-log.js';

interface Loaded {
  readonly file: string;
  readonly mtimeMs: number;
  readonly size: number;
  readonly src: UiSource;
}

/** The logs of one directory, replayed lazily and cached by (path, mtime, size). */
export class EventLogDirectory {
  private readonly cache = new Map<string, Loaded>();
  constructor(readonly dir: string) {}

  private files(): string[] {
    if (!fs.existsSync(this.dir)) return [];
    return fs.readdirSync(this.dir).filter((f) => !f.startsWith('.')).map((f) => path.join(this.dir, f)).filter((f) => fs.statSync(f).isFile());
  }

  private load(file: string): Loaded | undefined {
    let st: fs.Stats;
    try {
      st = fs.statSync(file);
    } catch {
      return undefined;
    }
    const hit = this.cache.get(file);
    if (hit && hit.mtimeMs === st.mtimeMs && hit.size === st.size) return hit;
    const { store } = replayEventLogFile(file);
    if (!store.app.id) return undefined; // not an event log
    const loaded = { file, mtimeMs: st.mtimeMs, size: st.size, src: { reader: store, live: false, storage: () => [] } };
    this.cache.set(file, loaded);
    return loaded;
  }

  list(): readonly UiSource[] {
    return this.files().map((f) => this.load(f)?.src).filter((s): s is UiSource => s !== undefined)
      .sort((a, b) => b.reader.app.startTime - a.reader.app.startTime);
  }

  get(appId: string): UiSource | undefined {
    const base = path.join(this.dir, appId.replace(/[^\w.-]/g, '_'));
    for (const f of [base, base + IN_PROGRESS_SUFFIX]) {
      const s = this.load(f)?.src;
      if (s && s.reader.app.id === appId) return s;
    }
    return this.list().find((s) => s.reader.app.id === appId);
  }
}

export function createHistoryApp(dir: string): FastifyInstance {
  const logs = new EventLogDirectory(dir);
  const app = Fastify({ logger: false, routerOptions: { ignoreTrailingSlash: true } });
  registerStaticAssets(app);
  registerRestApi(app, logs);
  registerAppPages(app, '/history/:appId', (req) => {
    const id = (req.params as { appId: string }).appId;
    const src = logs.get(id);
    return src ? { src, base: `/history/${encodeURIComponent(id)}`, root: '' } : undefined;
  });
  app.get('/', async (_req, reply) => {
    const apps = logs.list();
    const rows = apps.map((s) => {
      const a = s.reader.app;
      const done = a.endTime !== undefined;
      return html`<tr><td><a href="/history/${encodeURIComponent(a.id)}/jobs/">${a.id}</a></td><td>${a.name}</td><td>${formatTime(a.startTime)}</td>
<td>${done ? formatTime(a.endTime) : ''}</td><td class="num">${formatDuration((a.endTime ?? a.lastUpdated) - a.startTime)}</td><td>${a.user}</td>
<td><span class="badge badge-${done ? 'completed' : 'running'}">${done ? 'completed' : 'incomplete'}</span></td></tr>`;
    });
    const page = html`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>tsspark History Server</title>
<link rel="icon" href="/static/logo.svg"><link rel="stylesheet" href="/static/style.css"></head><body>
<header class="top"><a class="brand" href="/"><img src="/static/logo.svg" alt="" width="22" height="22"><span>tsspark</span></a><div class="app-name">History Server</div></header>
<main id="content"><h1>History Server</h1><ul class="summary"><li><strong>Event log directory:</strong> ${dir}</li><li><strong>Applications:</strong> ${apps.length}</li></ul>
${rows.length === 0 ? html`<p class="empty">No event logs found. Run applications with spark.eventLog.enabled=true and spark.eventLog.dir=${dir}.</p>`
    : html`<div class="table-wrap"><table class="data apps"><thead><tr><th>App ID</th><th>App Name</th><th>Started</th><th>Completed</th><th>Duration</th><th>Spark User</th><th>Status</th></tr></thead><tbody>${rows}</tbody></table></div>`}
</main></body></html>`;
    return reply.type('text/html; charset=utf-8').send(page.text);
  });
  return app;
}
