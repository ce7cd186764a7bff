// The stage table used by the Stages tab and the job page: progress, input/output and shuffle totals per attempt.
import type { StageView } from '../../status/status-model.js';
import { formatBytes, formatDuration, formatTime } from '../format.js';
import { html, type Html } from '../html.js';
import { href, queryInt, type PageContext } from '../page-context.js';
import { badge, killButton, pager, progressBar, table } from '../widgets.js';

const PAGE_SIZE = 100;

export function stageRow(ctx: PageContext, s: Readonly<StageView>): Html {
  const duration = s.firstTaskLaunchedTime === undefined ? undefined : (s.completionTime ?? ctx.now) - s.firstTaskLaunchedTime;
  const b = (n: number): string => (n > 0 ? formatBytes(n) : '');
  return html`<tr data-stage="${s.stageId}">
<td class="num">${s.stageId}${s.attemptId > 0 ? html` <span class="muted">(retry ${s.attemptId})</span>` : ''}</td>
<td><a href="${href(ctx, '/stages/stage/', { id: s.stageId, attempt: s.attemptId })}">${s.name}</a> ${s.status === 'ACTIVE' ? killButton(ctx, 'stage', s.stageId) : ''}
${s.failureReason !== undefined ? html`<div class="error" title="${s.failureReason}">${s.failureReason.split('\n')[0]}</div>` : ''}</td>
<td>${formatTime(s.submissionTime)}</td>
<td class="num">${formatDuration(duration)}</td>
<td>${badge(s.status)}</td>
<td class="progress-cell">${progressBar(s.numCompleteTasks, s.numActiveTasks, s.numTasks, s.numFailedTasks > 0 ? ` (${s.numFailedTasks} failed)` : '')}</td>
<td class="num">${b(s.inputBytes)}</td><td class="num">${b(s.outputBytes)}</td>
<td class="num">${b(s.shuffleReadBytes)}</td><td class="num">${b(s.shuffleWriteBytes)}</td>
</tr>`;
}

export function stageTable(ctx: PageContext, stages: ReadonlyArray<Readonly<StageView>>, id: string, path: string, params: Record<string, string | number | undefined> = {}): Html {
  const page = queryInt(ctx, `${id}.page`, 1);
  const rows = stages.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE).map((s) => stageRow(ctx, s));
  return html`${table(['Stage Id', 'Description', 'Submitted', 'Duration', 'Status', 'Tasks: Succeeded/Total', 'Input', 'Output', 'Shuffle Read', 'Shuffle Write'], rows, `stages ${id}`)}
${pager(ctx, path, params, id, page, PAGE_SIZE, stages.length)}`;
}
