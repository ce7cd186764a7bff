// The SQL tab: query executions with their jobs, and one execution's physical plan drawn as a graph whose
// operators show their live metrics.
import type { SqlExecutionView } from '../../status/status-model.js';
import { formatDuration, formatTime } from '../format.js';
import { graphSvg, type GraphNode } from '../graph-svg.js';
import { html, type Html } from '../html.js';
import { layout } from '../layout.js';
import { href, queryInt, type PageContext } from '../page-context.js';
import { nodeMetrics, type NodeMetricsView } from '../sql-node-metrics.js';
import { badge, table } from '../widgets.js';

function jobLinks(ctx: PageContext, ids: readonly number[]): Html {
  return html`${ids.map((id, i) => html`${i > 0 ? ', ' : ''}<a href="${href(ctx, '/jobs/job/', { id })}">${id}</a>`)}`;
}

function row(ctx: PageContext, x: Readonly<SqlExecutionView>): Html {
  return html`<tr><td class="num">${x.executionId}</td><td><a href="${href(ctx, '/SQL/execution/', { id: x.executionId })}">${x.description || `query ${x.executionId}`}</a></td>
<td>${formatTime(x.submissionTime)}</td><td class="num">${formatDuration((x.completionTime ?? ctx.now) - x.submissionTime)}</td><td>${badge(x.status)}</td><td>${jobLinks(ctx, x.jobIds)}</td></tr>`;
}

export function sqlPage(ctx: PageContext): Html {
  const xs = ctx.src.reader.sqlExecutions();
  return layout(ctx, 'sql', 'SQL / DataFrame', html`<h2>Queries (${xs.length})</h2>
${table(['ID', 'Description', 'Submitted', 'Duration', 'Status', 'Job IDs'], xs.map((x) => row(ctx, x)), 'sql', 'No SQL queries have run yet.')}`);
}

/** Spark's plan text ("+- Op", ":- Op", indented children) as a tree of operator nodes. */
export function planGraph(plan: string): { nodes: GraphNode[]; edges: Array<[string, string]> } {
  const nodes: GraphNode[] = [];
  const edges: Array<[string, string]> = [];
  const stack: Array<{ depth: number; id: string }> = [];
  for (const line of plan.split('\n')) {
    if (!line.trim() || /^\s*(==|\()/.test(line)) continue;
    const m = /^([\s:|]*)(?:[+:]-\s*)?(.*)$/.exec(line)!;
    const depth = m[1]!.length + (line.slice(m[1]!.length).startsWith('+-') || line.slice(m[1]!.length).startsWith(':-') ? 1 : 0);
    const text = m[2]!.replace(/^\*\(\d+\)\s*/, '').trim();
    if (!text) continue;
    const id = String(nodes.length);
    const name = /^[A-Za-z]+/.exec(text)?.[0] ?? text;
    nodes.push({ id, label: name, sub: text.slice(name.length).trim() });
    while (stack.length > 0 && stack[stack.length - 1]!.depth >= depth) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) edges.push([id, parent.id]); // data flows from child to parent
    stack.push({ depth, id });
  }
  return { nodes, edges };
}

/** An operator line without its name: `HashAggregate(keys=[k], …)` -> `keys=[k], …`. */
function detailOf(desc: string): string {
  const rest = desc.slice(/^[A-Za-z]+/.exec(desc)?.[0].length ?? 0).trim();
  return rest.startsWith('(') && rest.endsWith(')') ? rest.slice(1, -1) : rest;
}

/** The plan graph with each operator's metrics inside its box (Spark's SQL tab). */
function metricGraph(x: Readonly<SqlExecutionView>, ops: readonly NodeMetricsView[]): { nodes: GraphNode[]; edges: Array<[string, string]> } {
  const nodes = ops.map((n) => ({ id: String(n.nodeId), label: n.nodeName, sub: detailOf(n.desc), lines: n.metrics.map((m) => `${m.name}: ${m.value}`), cls: 'sql-op' }));
  return { nodes, edges: (x.graph?.edges ?? []).map((e) => [String(e.fromId), String(e.toId)]) };
}

export function sqlExecutionPage(ctx: PageContext): Html | undefined {
  const x = ctx.src.reader.sqlExecution(queryInt(ctx, 'id', -1));
  if (!x) return undefined;
  const ops = nodeMetrics(x);
  const g = ops.length > 0 ? metricGraph(x, ops) : planGraph(x.physicalPlan);
  return layout(ctx, 'sql', `Details for Query ${x.executionId}`, html`
<ul class="summary">
<li><strong>Description:</strong> ${x.description}</li>
<li><strong>Status:</strong> ${badge(x.status)}</li>
<li><strong>Submitted:</strong> ${formatTime(x.submissionTime)}</li>
<li><strong>Duration:</strong> ${formatDuration((x.completionTime ?? ctx.now) - x.submissionTime)}</li>
<li><strong>Jobs:</strong> ${jobLinks(ctx, x.jobIds)}</li>
</ul>
${x.error !== undefined ? html`<pre class="error-box">${x.error}</pre>` : ''}
<h2>Plan</h2>
<div class="dag-wrap sql-plan">${graphSvg(g.nodes, g.edges, { direction: 'TB', nodeWidth: 320 })}</div>
${ops.length > 0 ? html`<details open class="sql-section"><summary>Operator metrics</summary>${table(['ID', 'Operator', 'Metric', 'Value'], ops.flatMap((n) => n.metrics.map((m, i) =>
    html`<tr>${i === 0 ? html`<td class="num" rowspan="${n.metrics.length}">${n.nodeId}</td><td rowspan="${n.metrics.length}" title="${n.desc}">${n.nodeName}</td>` : ''}<td>${m.name}</td><td class="num metric-value">${m.value}</td></tr>`)), 'sql-metrics')}</details>` : ''}
<details open class="sql-section"><summary>Physical plan</summary><pre class="plan">${x.physicalPlan}</pre></details>`);
}
