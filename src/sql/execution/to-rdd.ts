// Driver side: turns a physical plan into an RDD of ColumnBatches. Operators become mapPartitions closures that
// capture only plain-data operator nodes (inputs stripped) and call executor entry points; exchanges become RDD
// shuffles of [partition id, batch] pairs (cogroups for shuffled joins), coalesced adaptively after the map stage
// ran (spark.sql.adaptive.*); broadcast sides are collected on the driver and shipped as broadcast variables.
import { TsSparkError } from '../../common/errors.js';
import { hashPartitioner } from '../../rdd/partitioner.js';
import type { RDD } from '../../rdd/rdd.js';
import type { Partitioning, PhysicalPlan } from '../../planner/physical/physical-plan.js';
import type { ColumnBatch } from '../batch/column-batch.js';
import { broadcastable, runMapStage, smallBuildSide } from './adaptive-join.js';
import { existenceSide } from './distinct-keys.js';
import { partitionBatches } from './exchange-map.js';
import { hashJoin, type JoinSpec } from './hash-join.js';
import { rangeExchange } from './range-exchange.js';
import { joinSpecOf, leafRdd, operatorOver } from './plan-rdd-parts.js';
import { metricsFor } from './sql-metrics.js';
import type { SqlRuntime } from './runtime.js';

type Batches = RDD<ColumnBatch>;
type Keyed = RDD<[number, ColumnBatch]>;

async function adaptiveCount(rt: SqlRuntime, shuffled: RDD<unknown>, sizes: ReadonlyArray<{ value: unknown }>, n: number): Promise<number> {
  if (!rt.adaptive || n <= 1) return n;
  await runMapStage(rt, shuffled);
  return coalescedCount(rt, sizes, n);
}

/** How many partitions the finished map stage(s) that reported `sizes` are read as. */
function coalescedCount(rt: SqlRuntime, sizes: ReadonlyArray<{ value: unknown }>, n: number): number {
  if (!rt.adaptive || n <= 1) return n;
  const totals = new Float64Array(n);
  for (const acc of sizes) for (const arr of acc.value as number[][]) arr.forEach((b, i) => { totals[i]! += b; });
  const total = totals.reduce((s, b) => s + b, 0);
  // Spark's ShufflePartitionsUtil with coalescePartitions.parallelismFirst (default true): the target size is
  // capped so every core gets a partition, but never below coalescePartitions.minPartitionSize (1 MB)
  const minParts = rt.parallelismFirst === false ? 1 : Math.max(1, rt.sc.defaultParallelism);
  const target = Math.max(rt.minPartitionBytes ?? 1024 * 1024, Math.min(rt.advisoryBytes, Math.ceil(total / minParts)));
  return Math.max(1, Math.min(n, Math.ceil(total / target)));
}

function keyedSide(rt: SqlRuntime, child: Batches, partitioning: Partitioning, sizes: unknown): Keyed {
  return child.mapPartitionsWithIndex((i, it) => partitionBatches(partitioning, i, it, sizes as { add(x: unknown): void })) as Keyed;
}

function numOf(p: Partitioning): number {
  return p.kind === 'single' ? 1 : p.numPartitions;
}

/** A broadcast variable for a join's build side, destroyed with the execution that made it (rt.broadcasts). */
function broadcastOf<T>(rt: SqlRuntime, value: T): { readonly value: T } {
  const b = rt.sc.broadcast(value);
  rt.broadcasts?.push(b);
  return b;
}

/** Every operator's RDD, metered for the SQL tab when the session attached metrics to this runtime. */
export async function toRdd(rt: SqlRuntime, p: PhysicalPlan): Promise<Batches> {
  const rdd = await operatorRdd(rt, p);
  return metricsFor(rt)?.meter(p, rdd) ?? rdd;
}

async function operatorRdd(rt: SqlRuntime, p: PhysicalPlan): Promise<Batches> {
  const sc = rt.sc;
  const leaf = leafRdd(rt, p);
  if (leaf) return leaf;
  switch (p.kind) {
    case 'cached': {
      // one persisted RDD per cached DataFrame and session: later queries read its cached partitions
      let rdd = rt.cache?.get(p.cacheId);
      if (!rdd) {
        // a cached plan outlives this execution (recomputing a lost partition needs its broadcasts): the
        // broadcasts made for it are taken off the list released at the end of the execution
        const mark = rt.broadcasts?.length ?? 0;
        rdd = (await toRdd(rt, p.input)).cache();
        rt.broadcasts?.splice(mark);
        rt.cache?.set(p.cacheId, rdd);
      }
      return rdd;
    }
    case 'project': case 'filter': case 'hash_aggregate': case 'sort': case 'window': case 'limit': case 'expand': case 'generate': {
      return operatorOver(await toRdd(rt, p.input), p);
    }
    case 'union': {
      const kids = await Promise.all(p.inputs.map((c) => toRdd(rt, c)));
      return sc.union(kids);
    }
    case 'exchange': {
      const child = await toRdd(rt, p.input);
      if (p.partitioning.kind === 'range') return rangeExchange(rt, child, p.partitioning, adaptiveCount, p.output.length);
      const n = numOf(p.partitioning);
      const sizes = sc.collectionAccumulator<number[]>();
      const shuffled = keyedSide(rt, child, p.partitioning, sizes).partitionBy(hashPartitioner(n));
      const m = p.partitioning.kind === 'hash' && p.origin !== 'repartition_by_num' ? await adaptiveCount(rt, shuffled, [sizes], n) : n;
      const read = m < n ? shuffled.coalesce(m) : shuffled;
      return read.mapPartitions((it) => valuesOf(it));
    }
    case 'broadcast_exchange':
      throw new TsSparkError('INTERNAL', 'a broadcast exchange is read by its join');
    case 'hash_join': case 'nested_loop_join': {
      const spec = joinSpecOf(p);
      const bcast = p.left.kind === 'broadcast_exchange' ? 'left' : p.right.kind === 'broadcast_exchange' ? 'right' : undefined;
      if (bcast) {
        const buildPlan = (bcast === 'left' ? p.left : p.right) as Extract<PhysicalPlan, { kind: 'broadcast_exchange' }>;
        // the build side travels once per executor as a broadcast variable, not inside every task's closure
        const buildRdd = await toRdd(rt, buildPlan.input);
        const build = broadcastOf(rt, await existenceSide(spec, bcast, buildRdd).collect());
        const stream = await toRdd(rt, bcast === 'left' ? p.right : p.left);
        const s: JoinSpec = { ...spec, buildSide: bcast };
        return stream.mapPartitions((it) => hashJoin(s, it, build.value));
      }
      if (p.left.kind !== 'exchange' || p.right.kind !== 'exchange') throw new TsSparkError('INTERNAL', 'a shuffled join needs exchanges on both sides');
      const n = numOf(p.left.partitioning);
      const part = hashPartitioner(n);
      const lSizes = sc.collectionAccumulator<number[]>();
      const rSizes = sc.collectionAccumulator<number[]>();
      const lIn = await toRdd(rt, p.left.input);
      const rAll = await toRdd(rt, p.right.input);
      const rIn = existenceSide(spec, spec.buildSide, rAll);
      const l = keyedSide(rt, lIn, p.left.partitioning, lSizes).partitionBy(part);
      const r = keyedSide(rt, rIn, p.right.partitioning, rSizes).partitionBy(part);
      const buildLeft = spec.buildSide === 'left';
      if (broadcastable(spec.joinType, spec.buildSide)) {
        const small = await smallBuildSide(rt, buildLeft ? l : r, buildLeft ? lSizes : rSizes);
        if (small) {
          const build = broadcastOf(rt, small);
          return (buildLeft ? rIn : lIn).mapPartitions((it) => hashJoin(spec, it, build.value));
        }
        if (spec.joinType === 'inner' || spec.joinType === 'cross') {
          // the estimate picked the wrong side: the other side measured small is broadcast, and the side already
          // shuffled is read where its map stage left it
          const other = await smallBuildSide(rt, buildLeft ? r : l, buildLeft ? rSizes : lSizes);
          if (other) {
            const build = broadcastOf(rt, other);
            const flipped: JoinSpec = { ...spec, buildSide: buildLeft ? 'right' : 'left' };
            const side = buildLeft ? l : r;
            const m = coalescedCount(rt, [buildLeft ? lSizes : rSizes], n);
            return (m < n ? side.coalesce(m) : side).mapPartitions((it) => hashJoin(flipped, valuesOf(it), build.value));
          }
        }
      }
      // both sides are partitioned alike, so the cogroup reads their shuffles without another one
      const grouped = l.cogroup(r, n) as unknown as RDD<[number, [ColumnBatch[], ColumnBatch[]]]>;
      const m = await adaptiveCount(rt, grouped as RDD<unknown>, [lSizes, rSizes], n);
      const read = m < n ? grouped.coalesce(m) : grouped;
      return read.mapPartitions((it) => joinGroups(spec, it));
    }
    default:
      throw new TsSparkError('INTERNAL', `unknown physical operator ${(p as { kind: string }).kind}`);
  }
}

export function* valuesOf(it: Iterable<[number, ColumnBatch]>): Iterable<ColumnBatch> {
  for (const [, b] of it) yield b;
}

export function* joinGroups(spec: JoinSpec, it: Iterable<[number, [ColumnBatch[], ColumnBatch[]]]>): Iterable<ColumnBatch> {
  for (const [, [ls, rs]] of it) {
    const buildLeft = spec.buildSide === 'left';
    // the cogrouped arrays are this task's own: a join that spills may empty them once their rows are on disk
    yield* hashJoin(spec, buildLeft ? rs : ls, buildLeft ? ls : rs, true);
  }
}
