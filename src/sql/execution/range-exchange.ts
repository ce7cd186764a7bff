// Driver side of a range exchange (global sort): one sampling job over the input, range bounds on the driver,
// then the shuffle to bounds + 1 partitions, coalesced adaptively into contiguous (still ordered) ranges.
import type { RDD } from '../../rdd/rdd.js';
import { hashPartitioner } from '../../rdd/partitioner.js';
import type { Partitioning } from '../../planner/physical/physical-plan.js';
import type { ColumnBatch } from '../batch/column-batch.js';
import { determineBounds, rangePartitionBatches, sampleSortKeys, samplesPerPartition } from './range-bounds.js';
import type { SqlRuntime } from './runtime.js';

type RangePartitioning = Extract<Partitioning, { kind: 'range' }>;

/** to-rdd's adaptive partition count after a shuffle's map stage (spark.sql.adaptive.*). */
export type AdaptiveCount = (rt: SqlRuntime, shuffled: RDD<unknown>, sizes: ReadonlyArray<{ value: unknown }>, n: number) => Promise<number>;

export async function rangeExchange(rt: SqlRuntime, child: RDD<ColumnBatch>, part: RangePartitioning, adaptive: AdaptiveCount, width: number): Promise<RDD<ColumnBatch>> {
  const order = part.order;
  const per = samplesPerPartition(part.numPartitions, child.getNumPartitions());
  const samples = await child.mapPartitionsWithIndex((i, it) => sampleSortKeys(order, per, i, it)).collect();
  // the sampling job counted the rows: a small input (the usual ORDER BY over an aggregate) is sorted in one
  // partition, read where it lies, instead of paying for a range shuffle
  const rows = samples.reduce((s, x) => s + x.count, 0);
  if (rt.adaptive && rows * 8 * Math.max(1, width) <= (rt.minPartitionBytes ?? 1024 * 1024)) return child.coalesce(1);
  const bounds = determineBounds(order, samples, part.numPartitions);
  const n = bounds.length + 1;
  const sizes = rt.sc.collectionAccumulator<number[]>();
  const shuffled = child.mapPartitionsWithIndex((_i, it) => rangePartitionBatches(order, bounds, it, sizes)).partitionBy(hashPartitioner(n));
  const m = await adaptive(rt, shuffled as RDD<unknown>, [sizes], n);
  const read = m < n ? shuffled.coalesce(m) : shuffled;
  return read.mapPartitions((it) => batchesOf(it));
}

export function* batchesOf(it: Iterable<[number, ColumnBatch]>): Iterable<ColumnBatch> {
  for (const [, b] of it) yield b;
}
