// The Executors tab: every executor the application had (lost ones included) with cores, memory, task counts,
// task time and input/shuffle totals.
import { formatBytes, formatDuration, formatTime } from '../format.js';
import { html, type Html } from '../html.js';
import { layout } from '../layout.js';
import type { PageContext } from '../page-context.js';
import { badge, table } from '../widgets.js';

export function executorsPage(ctx: PageContext): Html {
  const xs = ctx.src.reader.executors();
  const memory = ctx.src.reader.environment.sparkProperties.find(([k]) => k === 'spark.executor.memory')?.[1] ?? '1g';
  const active = xs.filter((x) => x.isActive);
  const sum = (f: (x: (typeof xs)[number]) => number, list = xs): number => list.reduce((a, x) => a + f(x), 0);
  const summaryRow = (label: string, list: typeof xs): Html => html`<tr><td>${label} (${list.length})</td><td class="num">${sum((x) => x.totalCores, list)}</td>
<td class="num">${sum((x) => x.activeTasks, list)}</td><td class="num">${sum((x) => x.failedTasks, list)}</td><td class="num">${sum((x) => x.completedTasks, list)}</td>
<td class="num">${sum((x) => x.totalTasks, list)}</td><td class="num">${formatDuration(sum((x) => x.executorRunTime, list))}</td>
<td class="num">${formatBytes(sum((x) => x.inputBytes, list))}</td><td class="num">${formatBytes(sum((x) => x.shuffleReadBytes, list))}</td><td class="num">${formatBytes(sum((x) => x.shuffleWriteBytes, list))}</td></tr>`;
  const rows = xs.map((x) => html`<tr data-executor="${x.id}" class="${x.isActive ? '' : 'dead'}">
<td>${x.id}</td><td>${x.host}</td><td>${badge(x.isActive ? 'Active' : 'Dead', x.isActive ? 'alive' : 'dead')}${x.removeReason ? html`<div class="muted small" title="${x.removeReason}">${x.removeReason.split('\n')[0]}</div>` : ''}</td>
<td class="num">${x.totalCores}</td><td class="num">${memory}</td>
<td class="num">${x.activeTasks}</td><td class="num">${x.failedTasks}</td><td class="num">${x.completedTasks}</td><td class="num">${x.totalTasks}</td>
<td class="num">${formatDuration(x.executorRunTime)}</td><td class="num">${formatBytes(x.inputBytes)}</td>
<td class="num">${formatBytes(x.shuffleReadBytes)}</td><td class="num">${formatBytes(x.shuffleWriteBytes)}</td>
<td>${formatTime(x.addTime)}</td><td>${formatTime(x.removeTime)}</td></tr>`);
  return layout(ctx, 'executors', 'Executors', html`
<h2>Summary</h2>
${table(['', 'Cores', 'Active Tasks', 'Failed Tasks', 'Complete Tasks', 'Total Tasks', 'Task Time', 'Input', 'Shuffle Read', 'Shuffle Write'],
    [summaryRow('Active', active), summaryRow('Dead', xs.filter((x) => !x.isActive)), summaryRow('Total', xs)], 'executor-summary')}
<h2>Executors</h2>
${table(['Executor ID', 'Address', 'Status', 'Cores', 'Memory', 'Active Tasks', 'Failed Tasks', 'Complete Tasks', 'Total Tasks', 'Task Time', 'Input', 'Shuffle Read', 'Shuffle Write', 'Added', 'Removed'], rows, 'executors', 'No executors registered yet.')}`);
}
