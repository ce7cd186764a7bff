// What RDDs need from the driver (SparkContext implements it): ids, parallelism, running jobs, persistence.
// Lets src/rdd stay independent of src/driver (import direction: driver → rdd).
import type { RddId, ShuffleId } from '../common/ids.js';
import type { RddNode } from './rdd-node.js';
import type { PartitionSink } from './sink.js';
import type { StorageLevel } from './storage-level.js';

export const DRIVER_ONLY: unique symbol = Symbol.for('tsspark.driverOnly') as never;

export interface RddContext {
  newRddId(): RddId;
  newShuffleId(): ShuffleId;
  readonly defaultParallelism: number;
  /** Whether spark.default.parallelism was set explicitly (else shuffles keep their parents' partition count). */
  readonly defaultParallelismSet: boolean;
  /** Runs `sink` on the given partitions (all by default) and returns each partition's result in order. */
  runJob(node: RddNode, sink: PartitionSink, partitions?: readonly number[], description?: string): Promise<unknown[]>;
  persist(rddId: RddId, level: StorageLevel): void;
  unpersist(rddId: RddId): void;
  storageLevelOf(rddId: RddId): StorageLevel | undefined;
  readonly checkpointDir: string | undefined;
  /** Lineage rewrites decided after a job (checkpointing): rddId → replacement node. */
  replacementFor(rddId: RddId): RddNode | undefined;
  setReplacement(rddId: RddId, node: RddNode): void;
}
