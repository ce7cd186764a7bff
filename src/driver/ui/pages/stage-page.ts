// One stage attempt: totals, the summary metrics (Min / 25th / Median / 75th / Max over successful tasks), the
// aggregation by executor, and the sortable, paged task table (sorting and paging happen in the store's cache).
import type { StageView, TaskView } from '../../status/status-model.js';
import { isTaskSortKey, type SummaryMetric } from '../../status/task-summary.js';
import { formatBytes, formatCount, formatDuration, formatTime } from '../format.js';
import { html, type Html } from '../html.js';
import { layout } from '../layout.js';
import { href, queryInt, type PageContext } from '../page-context.js';
import { badge, killButton, pager, progressBar, sortHeader, table } from '../widgets.js';

const QUANTILES = [0, 0.25, 0.5, 0.75, 1];
type Row = readonly [string, SummaryMetric, 'time' | 'bytes' | 'count', SummaryMetric?];
const SUMMARY_ROWS: readonly Row[] = [
  ['Duration', 'duration', 'time'], ['GC Time', 'jvmGcTime', 'time'], ['Input Size / Records', 'inputBytes', 'bytes', 'inputRecords'],
  ['Output Size / Records', 'outputBytes', 'bytes', 'outputRecords'], ['Shuffle Read Size / Records', 'shuffleReadBytes', 'bytes', 'shuffleReadRecords'],
  ['Shuffle Remote Reads', 'shuffleRemoteBytesRead', 'bytes'], ['Shuffle Read Fetch Wait Time', 'shuffleFetchWaitTime', 'time'],
  ['Shuffle Write Size / Records', 'shuffleWriteBytes', 'bytes', 'shuffleWriteRecords'], ['Shuffle Write Time', 'shuffleWriteTime', 'time'],
  ['Spill (Memory)', 'memoryBytesSpilled', 'bytes'], ['Spill (Disk)', 'diskBytesSpilled', 'bytes'], ['Result Size', 'resultSize', 'bytes'],
];

const fmt = (unit: Row[2], v: number): string => (unit === 'time' ? formatDuration(v) : unit === 'bytes' ? formatBytes(v) : formatCount(v));

function summaryTable(ctx: PageContext, s: Readonly<StageView>): Html {
  const sum = ctx.src.reader.taskSummary(s, QUANTILES);
  if (sum.count === 0) return html`<p class="empty">No completed tasks yet.</p>`;
  const rows = SUMMARY_ROWS.map(([label, metric, unit, records]) => {
    const v = sum.values[metric];
    const r = records ? sum.values[records] : undefined;
    return html`<tr><td>${label}</td>${v.map((x, i) => html`<td class="num">${fmt(unit, x)}${r ? ` / ${formatCount(r[i]!)}` : ''}</td>`)}</tr>`;
  });
  return html`<p class="muted">Summary Metrics for ${formatCount(sum.count)} Completed Tasks</p>
${table(['Metric', 'Min', '25th percentile', 'Median', '75th percentile', 'Max'], rows, 'summary-metrics')}`;
}

function executorTable(s: Readonly<StageView>): Html {
  const rows = [...s.executors.values()].sort((a, b) => (a.executorId < b.executorId ? -1 : 1)).map((x) => html`<tr>
<td>${x.executorId}</td><td class="num">${formatDuration(x.taskTime)}</td><td class="num">${x.succeededTasks + x.failedTasks + x.killedTasks}</td>
<td class="num">${x.failedTasks}</td><td class="num">${x.killedTasks}</td><td class="num">${x.succeededTasks}</td>
<td class="num">${formatBytes(x.inputBytes)} / ${formatCount(x.inputRecords)}</td>
<td class="num">${formatBytes(x.shuffleReadBytes)} / ${formatCount(x.shuffleReadRecords)}</td>
<td class="num">${formatBytes(x.shuffleWriteBytes)} / ${formatCount(x.shuffleWriteRecords)}</td>
<td class="num">${formatBytes(x.memoryBytesSpilled)}</td><td class="num">${formatBytes(x.diskBytesSpilled)}</td></tr>`);
  return table(['Executor ID', 'Task Time', 'Total Tasks', 'Failed Tasks', 'Killed Tasks', 'Succeeded Tasks', 'Input Size / Records', 'Shuffle Read Size / Records', 'Shuffle Write Size / Records', 'Spill (Memory)', 'Spill (Disk)'], rows, 'executors-agg', 'No finished tasks yet.');
}

const TASK_COLUMNS: ReadonlyArray<readonly [string, string]> = [
  ['index', 'Index'], ['taskId', 'Task ID'], ['attempt', 'Attempt'], ['status', 'Status'], ['executorId', 'Executor ID'], ['launchTime', 'Launch Time'],
  ['duration', 'Duration'], ['jvmGcTime', 'GC Time'], ['inputBytes', 'Input Size'], ['shuffleReadBytes', 'Shuffle Read'], ['shuffleWriteBytes', 'Shuffle Write'],
  ['memoryBytesSpilled', 'Spill (Memory)'], ['diskBytesSpilled', 'Spill (Disk)'],
];

function taskRow(t: Readonly<TaskView>): Html {
  const m = t.metrics;
  const b = (n: number | undefined): string => (n === undefined ? '' : formatBytes(n));
  return html`<tr><td class="num">${t.index}</td><td class="num">${t.taskId}</td><td class="num">${t.attempt}</td><td>${badge(t.status)}</td>
<td>${t.executorId}${t.host ? html` <span class="muted">${t.host}</span>` : ''}</td><td>${formatTime(t.launchTime)}</td><td class="num">${formatDuration(t.duration)}</td>
<td class="num">${m ? '0 ms' : ''}</td><td class="num">${b(m?.bytesRead)}</td><td class="num">${b(m?.shuffleBytesRead)}</td><td class="num">${b(m?.shuffleBytesWritten)}</td>
<td class="num">${b(m?.memoryBytesSpilled)}</td><td class="num">${b(m?.diskBytesSpilled)}</td>
${t.errorMessage ? html`<td class="error" title="${t.errorMessage}">${t.errorMessage.split('\n')[0]}</td>` : html`<td></td>`}</tr>`;
}

function taskTable(ctx: PageContext, s: Readonly<StageView>): Html {
  const sortParam = ctx.query['task.sort'] ?? 'index';
  const sort = isTaskSortKey(sortParam) ? sortParam : 'index';
  const desc = ctx.query['task.desc'] === 'true';
  const pageSize = Math.min(1000, Math.max(1, queryInt(ctx, 'task.pageSize', 100)));
  const page = Math.max(1, queryInt(ctx, 'task.page', 1));
  const rows = ctx.src.reader.taskPage(s, sort, desc, (page - 1) * pageSize, pageSize).map(taskRow);
  const params = { id: s.stageId, attempt: s.attemptId, 'task.sort': sort, 'task.desc': desc ? 'true' : undefined, 'task.pageSize': pageSize === 100 ? undefined : pageSize };
  const headers = [...TASK_COLUMNS.map(([k, label]) => sortHeader(ctx, '/stages/stage/', { ...params, 'task.desc': undefined }, 'task', k, label, sort, desc)), 'Errors'];
  return html`${table(headers, rows, 'tasks', 'No tasks yet.')}
${pager(ctx, '/stages/stage/', params, 'task', page, pageSize, s.tasks.size)}`;
}

export function stagePage(ctx: PageContext): Html | undefined {
  const id = queryInt(ctx, 'id', -1);
  const s = ctx.src.reader.stage(id, ctx.query['attempt'] !== undefined ? queryInt(ctx, 'attempt', 0) : undefined);
  if (!s) return undefined;
  const attempts = ctx.src.reader.stageAttempts(id);
  return layout(ctx, 'stages', `Details for Stage ${s.stageId} (Attempt ${s.attemptId})`, html`
<ul class="summary">
<li><strong>Status:</strong> ${badge(s.status)} ${s.status === 'ACTIVE' ? killButton(ctx, 'stage', s.stageId) : ''}</li>
<li><strong>Name:</strong> ${s.name}</li>
<li><strong>Submitted:</strong> ${formatTime(s.submissionTime)}</li>
<li><strong>Total Time Across All Tasks:</strong> ${formatDuration(s.executorRunTime)}</li>
<li><strong>Input Size / Records:</strong> ${formatBytes(s.inputBytes)} / ${formatCount(s.inputRecords)}</li>
<li><strong>Shuffle Read Size / Records:</strong> ${formatBytes(s.shuffleReadBytes)} / ${formatCount(s.shuffleReadRecords)}</li>
<li><strong>Shuffle Write Size / Records:</strong> ${formatBytes(s.shuffleWriteBytes)} / ${formatCount(s.shuffleWriteRecords)}</li>
<li><strong>Associated Job Ids:</strong> ${s.jobIds.map((j, i) => html`${i > 0 ? ', ' : ''}<a href="${href(ctx, '/jobs/job/', { id: j })}">${j}</a>`)}</li>
${attempts.length > 1 ? html`<li><strong>Attempts:</strong> ${attempts.map((a) => html` <a href="${href(ctx, '/stages/stage/', { id, attempt: a.attemptId })}">${a.attemptId}</a>`)}</li>` : ''}
</ul>
<div class="stage-progress">${progressBar(s.numCompleteTasks, s.numActiveTasks, s.numTasks, s.numFailedTasks > 0 ? ` (${s.numFailedTasks} failed)` : '')}</div>
${s.failureReason !== undefined ? html`<pre class="error-box">${s.failureReason}</pre>` : ''}
<h2>Summary Metrics</h2>
${summaryTable(ctx, s)}
<h2>Aggregated Metrics by Executor</h2>
${executorTable(s)}
<h2 id="tasks">Tasks (${formatCount(s.tasks.size)}${s.tasks.size < s.numCompleteTasks + s.numFailedTasks + s.numKilledTasks + s.numActiveTasks ? ' retained' : ''})</h2>
${taskTable(ctx, s)}`);
}
