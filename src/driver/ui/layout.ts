// The page shell shared by every UI page: header with the navigation tabs and the application name, the main
// content, and the browser app (web-ui/app.js) that keeps the page live through server-sent events.
import { html, type Html } from './html.js';
import type { PageContext } from './page-context.js';

export type Tab = 'jobs' | 'stages' | 'storage' | 'environment' | 'executors' | 'sql';

const TABS: ReadonlyArray<readonly [Tab, string, string]> = [
  ['jobs', 'Jobs', '/jobs/'], ['stages', 'Stages', '/stages/'], ['storage', 'Storage', '/storage/'],
  ['environment', 'Environment', '/environment/'], ['executors', 'Executors', '/executors/'], ['sql', 'SQL', '/SQL/'],
];

export function layout(ctx: PageContext, tab: Tab, title: string, body: Html): Html {
  const app = ctx.src.reader.app;
  const state = app.endTime !== undefined ? 'finished' : ctx.src.live ? 'live' : 'incomplete';
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${app.name} - ${title}</title>
<link rel="icon" href="${ctx.root}/static/logo.svg" type="image/svg+xml">
<link rel="stylesheet" href="${ctx.root}/static/style.css">
<script src="${ctx.root}/static/app.js" defer></script>
</head>
<body data-events="${ctx.src.live ? `${ctx.base}/events` : ''}" data-kill="${ctx.src.controls?.killEnabled ? 'true' : 'false'}">
<header class="top">
  <a class="brand" href="${ctx.root || ''}/"><img src="${ctx.root}/static/logo.svg" alt="" width="22" height="22"><span>tsspark</span></a>
  <nav>${TABS.map(([t, label, path]) => html`<a class="${t === tab ? 'active' : ''}" href="${ctx.base}${path}">${label}</a>`)}</nav>
  <div class="app-name" title="${app.id}"><span class="state state-${state}" id="live-state">${state}</span> ${app.name} <span class="muted">application UI</span></div>
</header>
<main id="content">
<h1>${title}</h1>
${body}
</main>
</body></html>`;
}
