// The Jobs tab: application summary and the active, completed and failed jobs with stage and task progress bars.
import type { JobView } from '../../status/status-model.js';
import { formatDuration, formatTime } from '../format.js';
import { html, type Html } from '../html.js';
import { layout } from '../layout.js';
import { href, queryInt, type PageContext } from '../page-context.js';
import { badge, killButton, pager, progressBar, table } from '../widgets.js';

const PAGE_SIZE = 100;

export function jobRow(ctx: PageContext, j: Readonly<JobView>): Html {
  const stagesTotal = j.stageIds.length - j.numSkippedStages;
  const duration = (j.completionTime ?? ctx.now) - j.submissionTime;
  return html`<tr data-job="${j.jobId}">
<td class="num">${j.jobId}${j.jobGroup !== undefined ? html` <span class="muted">(${j.jobGroup})</span>` : ''}</td>
<td><a href="${href(ctx, '/jobs/job/', { id: j.jobId })}">${j.name || `Job ${j.jobId}`}</a> ${j.status === 'RUNNING' ? killButton(ctx, 'job', j.jobId) : ''}</td>
<td>${formatTime(j.submissionTime)}</td>
<td class="num">${formatDuration(duration)}</td>
<td>${badge(j.status)}</td>
<td class="progress-cell">${progressBar(j.numCompletedStages, j.numActiveStages, stagesTotal, j.numSkippedStages > 0 ? ` (${j.numSkippedStages} skipped)` : '')}</td>
<td class="progress-cell">${progressBar(j.numCompletedTasks, j.numActiveTasks, j.numTasks, j.numFailedTasks > 0 ? ` (${j.numFailedTasks} failed)` : '')}</td>
</tr>`;
}

export function jobTable(ctx: PageContext, jobs: ReadonlyArray<Readonly<JobView>>, id: string, path: string, params: Record<string, string | number | undefined> = {}): Html {
  const page = queryInt(ctx, `${id}.page`, 1);
  const rows = jobs.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE).map((j) => jobRow(ctx, j));
  return html`${table(['Job Id', 'Description', 'Submitted', 'Duration', 'Status', 'Stages: Succeeded/Total', 'Tasks (for all stages): Succeeded/Total'], rows, `jobs ${id}`)}
${pager(ctx, path, params, id, page, PAGE_SIZE, jobs.length)}`;
}

export function jobsPage(ctx: PageContext): Html {
  const r = ctx.src.reader;
  const jobs = r.jobs();
  const active = jobs.filter((j) => j.status === 'RUNNING');
  const done = jobs.filter((j) => j.status === 'SUCCEEDED');
  const failed = jobs.filter((j) => j.status === 'FAILED');
  const uptime = (r.app.endTime ?? ctx.now) - r.app.startTime;
  return layout(ctx, 'jobs', 'Spark Jobs', html`
<ul class="summary">
<li><strong>User:</strong> ${r.app.user}</li>
<li><strong>Total Uptime:</strong> ${formatDuration(uptime)}</li>
<li><strong>Scheduling Mode:</strong> FIFO</li>
<li><a href="#active">Active Jobs:</a> <span id="count-active">${active.length}</span></li>
<li><a href="#completed">Completed Jobs:</a> ${done.length}</li>
<li><a href="#failed">Failed Jobs:</a> ${failed.length}</li>
</ul>
<h2 id="active">Active Jobs (${active.length})</h2>
${jobTable(ctx, active, 'active', '/jobs/')}
<h2 id="completed">Completed Jobs (${done.length})</h2>
${jobTable(ctx, done, 'completed', '/jobs/')}
${failed.length > 0 ? html`<h2 id="failed">Failed Jobs (${failed.length})</h2>${jobTable(ctx, failed, 'failed', '/jobs/')}` : ''}`);
}
