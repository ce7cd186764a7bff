// What computing a partition needs from the executor that runs it: parallelized slices, shuffle input,
// the block store for cached partitions, and the task's metrics. Implemented by the executor's task runner.

export interface TaskMetrics {
  recordsRead: number;
  bytesRead: number;
  shuffleRecordsRead: number;
  shuffleBytesRead: number;
  shuffleRemoteBytesRead: number;
  shuffleFetchWaitMs: number;
  shuffleRecordsWritten: number;
  shuffleBytesWritten: number;
  shuffleWriteTimeMs: number;
  memoryBytesSpilled: number;
  diskBytesSpilled: number;
  resultSize: number;
  recordsWritten: number;
  bytesWritten: number;
}

export function newTaskMetrics(): TaskMetrics {
  return {
    recordsRead: 0, bytesRead: 0, shuffleRecordsRead: 0, shuffleBytesRead: 0, shuffleRemoteBytesRead: 0, shuffleFetchWaitMs: 0,
    shuffleRecordsWritten: 0, shuffleBytesWritten: 0, shuffleWriteTimeMs: 0, memoryBytesSpilled: 0, diskBytesSpilled: 0,
    resultSize: 0, recordsWritten: 0, bytesWritten: 0,
  };
}

export interface TaskEnv {
  readonly stageId: number;
  readonly partitionId: number;
  readonly attemptNumber: number;
  readonly metrics: TaskMetrics;
  /** RDD ids persisted by the driver when the task was built. */
  readonly persisted: ReadonlySet<number>;
  /** The elements of parallelize node `rddId`, partition `partition` (shipped with the task). */
  parallelSlice(rddId: number, partition: number): readonly unknown[];
  /** Batches of records for one reduce partition of a shuffle, from every map output. */
  readShuffle(shuffleId: number, reducePartition: number): Iterable<unknown[]>;
  getCached(rddId: number, partition: number): readonly unknown[][] | undefined;
  putCached(rddId: number, partition: number, batches: readonly unknown[][]): void;
  /** Bytes a task may buffer before spilling (executor memory × fraction / slots). */
  readonly memoryLimitBytes: number;
  /** Where this task may write spill files (the executor's local directory). */
  readonly localDir: string;
}

let current: TaskEnv | undefined;

/** The env of the task running on this thread (a task worker thread runs one task at a time), for code that is not handed it (SQL operators' spill budget and metrics). */
export function currentTaskEnv(): TaskEnv | undefined {
  return current;
}

export function setCurrentTaskEnv(env: TaskEnv | undefined): void {
  current = env;
}
