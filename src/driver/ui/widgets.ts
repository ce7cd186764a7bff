// Reusable page pieces: progress bars, status badges, sortable headers and pagers.
import { html, type Html, type HtmlValue } from './html.js';
import { href, type PageContext } from './page-context.js';

/** Spark's task progress bar: succeeded share filled, running share striped, "done/total (n running)". */
export function progressBar(done: number, running: number, total: number, extra = ''): Html {
  const pct = (x: number): string => (total > 0 ? `${Math.min(100, (100 * x) / total).toFixed(2)}%` : '0%');
  return html`<div class="progress" role="progressbar" aria-valuenow="${done}" aria-valuemax="${total}">
<div class="bar done" style="width:${pct(done)}"></div><div class="bar running" style="width:${pct(running)}"></div>
<span class="label">${done}/${total}${running > 0 ? ` (${running} running)` : ''}${extra}</span></div>`;
}

export function badge(status: string, cls: string = status.toLowerCase()): Html {
  return html`<span class="badge badge-${cls}">${status}</span>`;
}

export function table(headers: readonly HtmlValue[], rows: readonly Html[], cls = '', empty = 'Nothing to show.'): Html {
  if (rows.length === 0) return html`<p class="empty">${empty}</p>`;
  return html`<div class="table-wrap"><table class="${`data ${cls}`.trim()}"><thead><tr>${headers.map((h) => html`<th>${h}</th>`)}</tr></thead><tbody>${rows}</tbody></table></div>`;
}

/** A header link that sorts the table by `key` (toggling the direction when it already does). */
export function sortHeader(ctx: PageContext, path: string, params: Record<string, string | number | undefined>, prefix: string, key: string, label: string, current: string, desc: boolean): Html {
  const active = current === key;
  const link = href(ctx, path, { ...params, [`${prefix}.sort`]: key, [`${prefix}.desc`]: active ? String(!desc) : undefined });
  return html`<a class="${active ? `sort active ${desc ? 'desc' : 'asc'}` : 'sort'}" href="${link}">${label}</a>`;
}

export function pager(ctx: PageContext, path: string, params: Record<string, string | number | undefined>, prefix: string, page: number, pageSize: number, total: number): Html {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return html``;
  const link = (p: number, label: string, disabled = false): Html =>
    disabled ? html`<span class="page disabled">${label}</span>` : html`<a class="${p === page ? 'page current' : 'page'}" href="${href(ctx, path, { ...params, [`${prefix}.page`]: p })}">${label}</a>`;
  const nums = new Set([1, 2, page - 2, page - 1, page, page + 1, page + 2, pages - 1, pages].filter((p) => p >= 1 && p <= pages));
  const items: Html[] = [link(page - 1, '‹ Prev', page <= 1)];
  let last = 0;
  for (const p of [...nums].sort((a, b) => a - b)) {
    if (p > last + 1) items.push(html`<span class="gap">…</span>`);
    items.push(link(p, String(p)));
    last = p;
  }
  items.push(link(page + 1, 'Next ›', page >= pages));
  return html`<div class="pager"><span class="muted">${total.toLocaleString('en-US')} rows, page ${page} of ${pages}</span>${items}</div>`;
}

export function killButton(ctx: PageContext, what: 'job' | 'stage', id: number): Html {
  if (!ctx.src.controls?.killEnabled) return html``;
  return html`<button class="kill" data-kill-url="${ctx.base}/${what === 'job' ? 'jobs/job' : 'stages/stage'}/kill/?id=${id}" data-kill-what="${what} ${id}" title="Kill ${what} ${id}">kill</button>`;
}
