// One SQL execution's operators with their current metric values as display strings ("1,000", "3.4 MiB",
// "120 ms"), for the SQL page and the REST API's ExecutionData.nodes. Nodes that have not reported show "0".
import type { SqlExecutionView } from '../status/status-model.js';
import type { SqlMetricType } from '../../sql/execution/sql-plan-graph.js';
import { formatBytes, formatCount, formatDuration } from './format.js';

export interface NodeMetricsView {
  readonly nodeId: number;
  readonly nodeName: string;
  readonly desc: string;
  readonly metrics: ReadonlyArray<{ readonly name: string; readonly value: string }>;
}

export function formatMetric(t: SqlMetricType, v: number): string {
  switch (t) {
    case 'sum': return formatCount(v);
    case 'size': return formatBytes(v);
    case 'timing': return formatDuration(v);
  }
}

export function nodeMetrics(x: Readonly<SqlExecutionView>): NodeMetricsView[] {
  return (x.graph?.nodes ?? []).map((n) => ({
    nodeId: n.nodeId, nodeName: n.nodeName, desc: n.desc,
    metrics: n.metrics.map((m) => ({ name: m.name, value: formatMetric(m.metricType, x.metricValues.get(m.accumulatorId) ?? 0) })),
  }));
}
