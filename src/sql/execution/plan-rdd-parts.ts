// The pieces of a physical plan's RDD that need no job to build, shared by the adaptive action path (to-rdd.ts)
// and df.rdd's job-free lineage (session/sync-lineage.ts): leaf scans, single-input operators as mapPartitions
// over executor entry points (inputs stripped from the shipped node), and a join node's executor-side spec.
import { TsSparkError } from '../../common/errors.js';
import type { PhysicalPlan } from '../../planner/physical/physical-plan.js';
import type { RDD } from '../../rdd/rdd.js';
import type { ColumnBatch } from '../batch/column-batch.js';
import type { JoinSpec } from './hash-join.js';
import { rangeBatches, rangeTasks } from './range-scan.js';
import { runOperator } from './run-operator.js';
import type { SqlRuntime } from './runtime.js';
import { readTasks, sources } from './sources-bridge.js';
import { metricsFor } from './sql-metrics.js';

type Batches = RDD<ColumnBatch>;

/** The node without its input subtree (operators ship as plain data; their input is the RDD they map over). */
export function stripInput(p: PhysicalPlan): PhysicalPlan {
  if (!('input' in p)) return p;
  return { ...p, input: { kind: 'local_scan', batches: [], numPartitions: 1, output: p.input.output } } as PhysicalPlan;
}

/** The RDD of a leaf (scan) node, or undefined for other nodes. */
export function leafRdd(rt: SqlRuntime, p: PhysicalPlan): Batches | undefined {
  const sc = rt.sc;
  switch (p.kind) {
    case 'local_scan':
      return sc.parallelize([...p.batches], Math.max(1, p.numPartitions));
    case 'rdd_scan': {
      const rdd = rt.rdds?.get(p.rddId);
      if (!rdd) throw new TsSparkError('INTERNAL', `no RDD ${p.rddId} registered for this session`);
      return rdd;
    }
    case 'range_scan': {
      const tasks = rangeTasks(p.start, p.end, p.step, Math.max(1, p.numPartitions));
      return sc.parallelize(tasks, tasks.length).mapPartitions((it) => rangeBatches(it));
    }
    case 'file_scan': {
      const tasks = sources().readPartitions(p.source, p.columns, p.filters, { maxPartitionBytes: rt.filesMaxPartitionBytes, openCostInBytes: rt.filesOpenCostInBytes, parallelism: sc.defaultParallelism });
      metricsFor(rt)?.scanned(p, tasks);
      const columns = p.columns;
      const filters = p.filters;
      return sc.parallelize(tasks, Math.max(1, tasks.length)).mapPartitions((it) => readTasks(it, columns, filters));
    }
    default:
      return undefined;
  }
}

/** A single-input operator over its child's RDD. */
export function operatorOver(child: Batches, p: PhysicalPlan): Batches {
  const op = stripInput(p);
  return child.mapPartitions((it) => runOperator(op, it));
}

/** What the executor-side hash join needs from a join node. */
export function joinSpecOf(p: Extract<PhysicalPlan, { kind: 'hash_join' | 'nested_loop_join' }>): JoinSpec {
  return {
    joinType: p.joinType,
    buildSide: p.kind === 'hash_join' ? p.buildSide : 'right',
    leftKeys: p.kind === 'hash_join' ? p.leftKeys : [],
    rightKeys: p.kind === 'hash_join' ? p.rightKeys : [],
    leftWidth: p.left.output.length,
    rightWidth: p.right.output.length,
    ...(p.condition ? { condition: p.condition } : {}),
    ...(p.kind === 'hash_join' && p.nullSafe ? { nullSafe: true } : {}),
  };
}
