// The Storage tab: persisted RDDs and their storage levels.
import { html, type Html } from '../html.js';
import { layout } from '../layout.js';
import type { PageContext } from '../page-context.js';
import { table } from '../widgets.js';
import { describeStorageLevel } from '../ui-source.js';

export function storagePage(ctx: PageContext): Html {
  const rdds = ctx.src.storage();
  const rows = rdds.map((r) => html`<tr><td class="num">${r.id}</td><td>${r.name}</td><td>${describeStorageLevel(r)}</td><td>${r.storageLevel}</td></tr>`);
  return layout(ctx, 'storage', 'Storage', html`<h2>RDDs (${rdds.length})</h2>
${table(['ID', 'RDD Name', 'Storage Level', 'Level Name'], rows, 'storage', 'No persisted RDDs.')}`);
}
