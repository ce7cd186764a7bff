// What the SQL layer needs of the SparkContext (which lives above it, in src/driver): the RDD context plus conf
// and lifecycle. The concrete SparkContext satisfies it; the session obtains one through common/active-context.
import type { SparkConf } from '../../common/spark-conf.js';
import type { RddContext } from '../../rdd/rdd-context.js';
import type { RDD } from '../../rdd/rdd.js';
import type { StatusBus } from '../../common/status-bus-port.js';

export interface SessionContext extends RddContext {
  readonly conf: SparkConf;
  readonly isStopped: boolean;
  readonly master: string;
  readonly appName: string;
  readonly statusBus: StatusBus;
  stop(): Promise<void>;
  parallelize<T>(data: Iterable<T>, numSlices?: number): RDD<T>;
  broadcast<T>(value: T): { readonly value: T; readonly id: number };
}
