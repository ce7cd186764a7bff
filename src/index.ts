// The public API of tsspark: every export is named here (package.json `exports` hides the rest).
export { SparkContext, type SparkContextOptions } from './driver/context.js';
export { SparkConf } from './common/spark-conf.js';
export { RDD } from './rdd/rdd.js';
export { Broadcast } from './rdd/broadcast.js';
export { Accumulator, LongAccumulator } from './rdd/accumulator.js';
export { StorageLevel } from './rdd/storage-level.js';
export { StatCounterView as StatCounter } from './rdd/stat-counter.js';
export { hashPartitioner as HashPartitioner, type Partitioner } from './rdd/partitioner.js';
export { TsSparkError, type ErrorCode } from './common/errors.js';
export { SparkFiles } from './common/spark-files.js';
