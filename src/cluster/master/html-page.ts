// Minimal server-rendered HTML for the master and worker UIs: escaping, a page shell and tables. Every value that
// reaches the page goes through `esc`.

export function esc(v: unknown): string {
  return String(v ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A link only for http(s) URLs; anything else is shown as text. */
export function link(href: string | undefined, text: string): string {
  return href !== undefined && /^https?:\/\/[^\s"'<>]+$/.test(href) ? `<a href="${esc(href)}">${esc(text)}</a>` : esc(text);
}

export function mb(n: number): string {
  return n >= 1024 ? `${(n / 1024).toFixed(1)} GiB` : `${n} MiB`;
}

export function duration(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(1)} s`;
  if (s < 3600) return `${(s / 60).toFixed(1)} min`;
  return `${(s / 3600).toFixed(1)} h`;
}

/** A table; cells are already-escaped HTML. */
export function table(headers: readonly string[], rows: ReadonlyArray<readonly string[]>, empty = 'None'): string {
  if (rows.length === 0) return `<p class="empty">${esc(empty)}</p>`;
  const head = headers.map((h) => `<th>${esc(h)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('\n');
  return `<table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

export function page(title: string, body: string, refreshSeconds = 5): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title>
<meta http-equiv="refresh" content="${refreshSeconds}">
<style>
body{font:14px/1.4 system-ui,-apple-system,Segoe UI,sans-serif;margin:0;color:#1f2328;background:#f6f8fa}
header{background:#24292f;color:#fff;padding:10px 24px;font-size:18px}header small{color:#9aa4ae;margin-left:8px}
main{padding:16px 24px}h2{font-size:16px;margin:24px 0 8px}
ul.summary{list-style:none;padding:0;margin:0;display:flex;gap:24px;flex-wrap:wrap}ul.summary li b{display:block;font-size:20px}
table{border-collapse:collapse;width:100%;background:#fff;border:1px solid #d0d7de}
th,td{padding:6px 10px;border-bottom:1px solid #d0d7de;text-align:left;white-space:nowrap}th{background:#eaeef2}
tr:hover td{background:#f3f6f9}.ALIVE,.RUNNING{color:#1a7f37;font-weight:600}.DEAD,.FAILED,.KILLED,.LOST{color:#cf222e;font-weight:600}
.empty{color:#57606a}a{color:#0969da}
</style></head><body><header>tsspark <small>${esc(title)}</small></header><main>
${body}
</main></body></html>`;
}

export function stateCell(state: string): string {
  return `<span class="${esc(state)}">${esc(state)}</span>`;
}
