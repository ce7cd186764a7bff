// One job: its status, the DAG of its stages (SVG) and the table of its stage attempts.
import type { StageView } from '../../status/status-model.js';
import { formatDuration, formatTime } from '../format.js';
import { graphSvg, type GraphNode } from '../graph-svg.js';
import { html, type Html } from '../html.js';
import { layout } from '../layout.js';
import { href, queryInt, type PageContext } from '../page-context.js';
import { badge, killButton } from '../widgets.js';
import { stageTable } from './stage-table.js';

export function jobPage(ctx: PageContext): Html | undefined {
  const r = ctx.src.reader;
  const j = r.job(queryInt(ctx, 'id', -1));
  if (!j) return undefined;
  const stages: Array<Readonly<StageView>> = [];
  for (const id of j.stageIds) stages.push(...r.stageAttempts(id));
  stages.sort((a, b) => b.stageId - a.stageId || b.attemptId - a.attemptId);
  const nodes: GraphNode[] = j.stageIds.map((id) => {
    const s = r.stage(id);
    return s
      ? { id: String(id), label: `Stage ${id}${s.attemptId > 0 ? ` (retry ${s.attemptId})` : ''}`, sub: s.name, cls: s.status.toLowerCase(), href: href(ctx, '/stages/stage/', { id, attempt: s.attemptId }) }
      : { id: String(id), label: `Stage ${id}`, sub: j.status === 'RUNNING' ? 'pending' : 'skipped', cls: j.status === 'RUNNING' ? 'pending' : 'skipped' };
  });
  const edges: Array<[string, string]> = [];
  for (const id of j.stageIds) for (const p of r.stage(id)?.parentIds ?? []) edges.push([String(p), String(id)]);
  const sql = j.sqlExecutionId;
  return layout(ctx, 'jobs', `Details for Job ${j.jobId}`, html`
<ul class="summary">
<li><strong>Status:</strong> ${badge(j.status)} ${j.status === 'RUNNING' ? killButton(ctx, 'job', j.jobId) : ''}</li>
<li><strong>Description:</strong> ${j.name}</li>
<li><strong>Submitted:</strong> ${formatTime(j.submissionTime)}</li>
<li><strong>Duration:</strong> ${formatDuration((j.completionTime ?? ctx.now) - j.submissionTime)}</li>
${j.jobGroup !== undefined ? html`<li><strong>Job Group:</strong> ${j.jobGroup}</li>` : ''}
${sql !== undefined ? html`<li><strong>SQL Query:</strong> <a href="${href(ctx, '/SQL/execution/', { id: sql })}">${sql}</a></li>` : ''}
<li><strong>Tasks:</strong> ${j.numCompletedTasks} succeeded, ${j.numActiveTasks} running, ${j.numFailedTasks} failed of ${j.numTasks}</li>
</ul>
${j.error !== undefined ? html`<pre class="error-box">${j.error}</pre>` : ''}
<h2>DAG Visualization</h2>
<div class="dag-wrap">${graphSvg(nodes, edges, { direction: 'LR' })}</div>
<h2>Stages (${stages.length})</h2>
${stageTable(ctx, stages, 'stages', '/jobs/job/', { id: j.jobId })}`);
}
