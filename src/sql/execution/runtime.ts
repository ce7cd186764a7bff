// What SQL execution needs from the driver's SparkContext (structurally, so src/sql does not import src/driver):
// RDD building, jobs, accumulators; plus the adaptive-execution settings.
import type { Accumulator } from '../../rdd/accumulator.js';
import type { Broadcast } from '../../rdd/broadcast.js';
import type { RddContext } from '../../rdd/rdd-context.js';
import type { RDD } from '../../rdd/rdd.js';
import type { ColumnBatch } from '../batch/column-batch.js';

export interface SqlSparkContext extends RddContext {
  parallelize<T>(data: Iterable<T>, numSlices?: number): RDD<T>;
  union<T>(rdds: ReadonlyArray<RDD<T>>): RDD<T>;
  collectionAccumulator<T>(name?: string): Accumulator<T[]>;
  broadcast<T>(value: T): Broadcast<T>;
}

export interface SqlRuntime {
  readonly sc: SqlSparkContext;
  readonly adaptive: boolean;
  readonly advisoryBytes: number;
  /** spark.sql.adaptive.coalescePartitions.minPartitionSize (default 1 MB). */
  readonly minPartitionBytes?: number;
  /** spark.sql.adaptive.coalescePartitions.parallelismFirst (default true). */
  readonly parallelismFirst?: boolean;
  /** spark.sql.adaptive.autoBroadcastJoinThreshold in bytes (-1: never convert shuffled joins to broadcasts). */
  readonly broadcastBytes?: number;
  /** spark.sql.files.maxPartitionBytes in bytes (default 128 MiB): the largest split of a file scan. */
  readonly filesMaxPartitionBytes?: number;
  /** spark.sql.files.openCostInBytes in bytes (default 4 MiB): the estimated cost of opening a file when packing splits. */
  readonly filesOpenCostInBytes?: number;
  /** Broadcast variables this execution created; the session destroys them when the execution ends. */
  readonly broadcasts?: Array<{ destroy(): void }>;
  /** RDDs of ColumnBatches behind rdd_scan nodes (createDataFrame(rdd)). */
  readonly rdds?: ReadonlyMap<number, RDD<ColumnBatch>>;
  /** Persisted RDDs of cached DataFrames, by cache id (session-scoped). */
  readonly cache?: Map<number, RDD<ColumnBatch>>;
}
