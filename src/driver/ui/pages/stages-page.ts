// The Stages tab: active, completed and failed stage attempts.
import { html, type Html } from '../html.js';
import { layout } from '../layout.js';
import type { PageContext } from '../page-context.js';
import { stageTable } from './stage-table.js';

export function stagesPage(ctx: PageContext): Html {
  const all = ctx.src.reader.stages();
  const active = all.filter((s) => s.status === 'ACTIVE');
  const done = all.filter((s) => s.status === 'COMPLETE');
  const failed = all.filter((s) => s.status === 'FAILED');
  return layout(ctx, 'stages', 'Stages for All Jobs', html`
<ul class="summary">
<li><a href="#active">Active Stages:</a> ${active.length}</li>
<li><a href="#completed">Completed Stages:</a> ${done.length}</li>
<li><a href="#failed">Failed Stages:</a> ${failed.length}</li>
</ul>
<h2 id="active">Active Stages (${active.length})</h2>
${stageTable(ctx, active, 'active', '/stages/')}
<h2 id="completed">Completed Stages (${done.length})</h2>
${stageTable(ctx, done, 'completed', '/stages/')}
${failed.length > 0 ? html`<h2 id="failed">Failed Stages (${failed.length})</h2>${stageTable(ctx, failed, 'failed', '/stages/')}` : ''}`);
}
