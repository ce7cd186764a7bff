// The SQL tab's view of a physical plan: nodes numbered by a pre-order walk (as drawn), edges child -> parent
// (Spark's SparkPlanGraph), and the metrics each operator reports. Pure; the SQL engine sends it in its events.
import { assertNever } from '../../common/assert.js';
import { nodeLine } from '../../planner/physical/display.js';
import { physicalChildren, type PhysicalPlan } from '../../planner/physical/physical-plan.js';

/** How a metric's value (a number) is shown: a count, bytes, or milliseconds. */
export type SqlMetricType = 'sum' | 'size' | 'timing';

export interface SqlMetricDef {
  readonly name: string;
  /** Unique within its execution (the slot of the value in metric updates), like Spark's accumulator id. */
  readonly accumulatorId: number;
  readonly metricType: SqlMetricType;
}

export interface SqlPlanNode {
  readonly nodeId: number;
  readonly nodeName: string;
  /** The operator's line of the physical plan text. */
  readonly desc: string;
  readonly metrics: readonly SqlMetricDef[];
}

export interface SqlPlanEdge { readonly fromId: number; readonly toId: number }

export interface SqlPlanGraph {
  readonly nodes: readonly SqlPlanNode[];
  readonly edges: readonly SqlPlanEdge[];
}

export const OUTPUT_ROWS = 'number of output rows';

/** The metrics an operator reports (Spark's names), in display order. */
export function metricsOf(p: PhysicalPlan): ReadonlyArray<readonly [string, SqlMetricType]> {
  const rows = [OUTPUT_ROWS, 'sum'] as const;
  switch (p.kind) {
    case 'file_scan':
      return [rows, ['number of files read', 'sum'], ['number of partitions read', 'sum'], ['size of files read', 'size'], ['scan time', 'timing']];
    case 'hash_aggregate': return [rows, ['time in aggregation build', 'timing']];
    case 'hash_join': case 'nested_loop_join': return [rows, ['join time', 'timing']];
    case 'sort': return [rows, ['sort time', 'timing'], ['spill size', 'size']];
    case 'window': return [rows, ['window time', 'timing']];
    case 'exchange':
      return [['shuffle records written', 'sum'], ['shuffle bytes written', 'size'], ['shuffle write time', 'timing'], ['data size', 'size'], ['number of partitions', 'sum']];
    case 'broadcast_exchange': return [rows, ['data size', 'size']];
    case 'local_scan': case 'rdd_scan': case 'cached': case 'range_scan': case 'project': case 'filter': case 'limit':
    case 'union': case 'expand': case 'generate':
      return [rows];
    default: return assertNever(p, 'physical plan');
  }
}

export function nodeNameOf(p: PhysicalPlan): string {
  switch (p.kind) {
    case 'file_scan': return `Scan ${p.source.format}`;
    case 'hash_join': return p.strategy === 'broadcast' ? 'BroadcastHashJoin' : 'ShuffledHashJoin';
    case 'rdd_scan': return 'Scan ExistingRDD';
    default: return /^[A-Za-z]+/.exec(nodeLine(p))?.[0] ?? p.kind;
  }
}

/** Plan nodes in pre-order with their parent's index (-1 for the root). */
export function preOrder(plan: PhysicalPlan): Array<{ readonly plan: PhysicalPlan; readonly parent: number }> {
  const out: Array<{ plan: PhysicalPlan; parent: number }> = [];
  const walk = (p: PhysicalPlan, parent: number): void => {
    const id = out.length;
    out.push({ plan: p, parent });
    for (const c of physicalChildren(p)) walk(c, id);
  };
  walk(plan, -1);
  return out;
}

/** The graph of a plan; metric ids are numbered node by node, in each node's metric order. */
export function sqlPlanGraph(plan: PhysicalPlan): SqlPlanGraph {
  const nodes: SqlPlanNode[] = [];
  const edges: SqlPlanEdge[] = [];
  let next = 0;
  preOrder(plan).forEach(({ plan: p, parent }, nodeId) => {
    const metrics = metricsOf(p).map(([name, metricType]) => ({ name, accumulatorId: next++, metricType }));
    nodes.push({ nodeId, nodeName: nodeNameOf(p), desc: nodeLine(p), metrics });
    if (parent >= 0) edges.push({ fromId: nodeId, toId: parent });
  });
  return { nodes, edges };
}

/** Children whose work runs in the same task as the parent (not behind an exchange): their time is the parent's input. */
export function pipelinedChild(child: PhysicalPlan): boolean {
  return child.kind !== 'exchange' && child.kind !== 'broadcast_exchange';
}
