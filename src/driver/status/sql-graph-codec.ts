// Event-log form of SQL plan graphs and metric updates (tsspark's stand-in for Spark's SparkPlanInfo and
// accumulator updates): written as they are, validated field by field when read back.
import type { SqlMetricDef, SqlMetricType, SqlPlanEdge, SqlPlanGraph, SqlPlanNode } from '../../sql/execution/sql-plan-graph.js';

const isObj = (x: unknown): x is Record<string, unknown> => x !== null && typeof x === 'object' && !Array.isArray(x);
const METRIC_TYPES: ReadonlySet<string> = new Set<SqlMetricType>(['sum', 'size', 'timing']);

function metricOf(x: unknown): SqlMetricDef | undefined {
  if (!isObj(x) || typeof x['name'] !== 'string' || typeof x['accumulatorId'] !== 'number') return undefined;
  const t = x['metricType'];
  return { name: x['name'], accumulatorId: x['accumulatorId'], metricType: typeof t === 'string' && METRIC_TYPES.has(t) ? (t as SqlMetricType) : 'sum' };
}

function nodeOf(x: unknown): SqlPlanNode | undefined {
  if (!isObj(x) || typeof x['nodeId'] !== 'number' || typeof x['nodeName'] !== 'string') return undefined;
  const ms = Array.isArray(x['metrics']) ? x['metrics'].map(metricOf).filter((m): m is SqlMetricDef => m !== undefined) : [];
  return { nodeId: x['nodeId'], nodeName: x['nodeName'], desc: typeof x['desc'] === 'string' ? x['desc'] : '', metrics: ms };
}

/** The graph in a decoded log line, or undefined when absent or malformed. */
export function decodeGraph(x: unknown): SqlPlanGraph | undefined {
  if (!isObj(x) || !Array.isArray(x['nodes']) || !Array.isArray(x['edges'])) return undefined;
  const nodes = x['nodes'].map(nodeOf).filter((n): n is SqlPlanNode => n !== undefined);
  const edges = x['edges'].filter((e): e is SqlPlanEdge => isObj(e) && typeof e['fromId'] === 'number' && typeof e['toId'] === 'number')
    .map((e) => ({ fromId: e.fromId, toId: e.toId }));
  return { nodes, edges };
}

/** [metric id, value] pairs of a decoded log line (Spark's accumUpdates shape). */
export function decodeUpdates(x: unknown): Array<[number, number]> {
  if (!Array.isArray(x)) return [];
  return x.filter((p): p is [number, number] => Array.isArray(p) && typeof p[0] === 'number' && typeof p[1] === 'number').map(([a, b]) => [a, b]);
}
