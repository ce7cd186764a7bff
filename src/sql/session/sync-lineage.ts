// df.rdd's lineage, built synchronously as Spark's Dataset.rdd: the plan is planned without anything that needs a
// job before the action (adaptive execution off, no broadcast joins, global sorts in one partition), so every
// operator is a mapPartitions over executor entry points and every exchange a plain RDD shuffle; nothing runs
// until an action on the RDD. The action path (SqlEngine.run → execution/to-rdd) keeps its adaptive planning.
import { TsSparkError } from '../../common/errors.js';
import type { LogicalPlan } from '../../planner/logical/logical-plan.js';
import type { Partitioning, PhysicalPlan } from '../../planner/physical/physical-plan.js';
import { hashPartitioner } from '../../rdd/partitioner.js';
import type { RDD } from '../../rdd/rdd.js';
import type { ColumnBatch } from '../batch/column-batch.js';
import { partitionBatches } from '../execution/exchange-map.js';
import { physicalPlanOf, type ExecutionContext } from '../execution/execute-plan.js';
import { joinSpecOf, leafRdd, operatorOver } from '../execution/plan-rdd-parts.js';
import type { SqlRuntime } from '../execution/runtime.js';
import { joinGroups, valuesOf } from '../execution/to-rdd.js';

type Batches = RDD<ColumnBatch>;

/** Planner settings that keep planning job-free (they override the session's for this plan only). */
const LAZY_PLANNING: Readonly<Record<string, string>> = {
  'spark.sql.adaptive.enabled': 'false',
  'spark.sql.autoBroadcastJoinThreshold': '-1',
  // global sorts below this estimate are planned as one-partition sorts instead of range exchanges (which sample)
  'spark.sql.adaptive.coalescePartitions.minPartitionSize': '1t',
};

/** The physical plan df.rdd runs: the session's plan with LAZY_PLANNING's settings. */
export function lazyPhysicalPlan(ctx: ExecutionContext, plan: LogicalPlan): PhysicalPlan {
  const conf = { get: (k: string): string | undefined => LAZY_PLANNING[k] ?? ctx.conf.get(k) };
  return physicalPlanOf({ sc: ctx.sc, conf }, plan);
}

/** The RDD of a physical plan, without running anything. */
export function syncLineage(rt: SqlRuntime, p: PhysicalPlan): Batches {
  const leaf = leafRdd(rt, p);
  if (leaf) return leaf;
  switch (p.kind) {
    case 'cached': {
      // the same persisted RDD the action path uses for this cache id, built here when no action built it yet
      let rdd = rt.cache?.get(p.cacheId);
      if (!rdd) {
        rdd = syncLineage(rt, p.input).cache();
        rt.cache?.set(p.cacheId, rdd);
      }
      return rdd;
    }
    case 'project': case 'filter': case 'hash_aggregate': case 'sort': case 'window': case 'limit': case 'expand': case 'generate':
      return operatorOver(syncLineage(rt, p.input), p);
    case 'union':
      return rt.sc.union(p.inputs.map((c) => syncLineage(rt, c)));
    case 'exchange':
      return shuffle(syncLineage(rt, p.input), p.partitioning).mapPartitions((it) => valuesOf(it));
    case 'broadcast_exchange':
      throw new TsSparkError('INTERNAL', 'a broadcast exchange is read by its join');
    case 'hash_join': case 'nested_loop_join': {
      if (p.left.kind !== 'exchange' || p.right.kind !== 'exchange') {
        throw new TsSparkError('UNSUPPORTED', 'df.rdd cannot build a broadcast join lazily (a BROADCAST hint?)', {
          hint: 'drop the hint, or collect() the DataFrame instead of going through df.rdd',
        });
      }
      const spec = joinSpecOf(p);
      const n = numOf(p.left.partitioning);
      const l = shuffle(syncLineage(rt, p.left.input), p.left.partitioning);
      const r = shuffle(syncLineage(rt, p.right.input), p.right.partitioning, n);
      // both sides are partitioned alike, so the cogroup reads their shuffles without another one
      const grouped = l.cogroup(r, n) as unknown as RDD<[number, [ColumnBatch[], ColumnBatch[]]]>;
      return grouped.mapPartitions((it) => joinGroups(spec, it));
    }
    default:
      throw new TsSparkError('INTERNAL', `unknown physical operator ${(p as { kind: string }).kind}`);
  }
}

/** A shuffle to the exchange's partitions; a range exchange (global sort) becomes one partition, sorted after. */
function shuffle(child: Batches, partitioning: Partitioning, n = numOf(partitioning)): RDD<[number, ColumnBatch]> {
  const part: Partitioning = partitioning.kind === 'range' ? { kind: 'single' } : partitioning;
  const keyed = child.mapPartitionsWithIndex((i, it) => partitionBatches(part, i, it)) as RDD<[number, ColumnBatch]>;
  return keyed.partitionBy(hashPartitioner(part.kind === 'single' ? 1 : n));
}

function numOf(p: Partitioning): number {
  return p.kind === 'single' || p.kind === 'range' ? 1 : p.numPartitions;
}
