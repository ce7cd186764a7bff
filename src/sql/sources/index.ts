// Public API of the file data sources: schema inference, read planning (partitions of file splits) and
// executor-side reading into ColumnBatches; writers with Spark's commit protocol.
export { inferSchema, readPartitions, readSplit } from './read-tasks.js';
export type { FileFormat, FileSplit, ReadTask, ReadPlanningConf } from './read-tasks.js';
export { listFiles, fileUri, toLocalPath, escapePathName, unescapePathName } from './file-listing.js';
export type { ListedFile } from './file-listing.js';
export { filtersToStats } from './filter-to-stats.js';
export type { Options, ParseMode } from './source-options.js';
export { writeBatches, type WriteBatchesOptions } from './write/write-batches.js';
export { setupWriteJob, commitTask, commitWriteJob, abortWriteJob } from './write/commit-protocol.js';
export type { SaveMode, WriteJob, WriteJobSpec, TaskCommitMessage } from './write/commit-protocol.js';
export { writeTask } from './write/write-task.js';
export type { WriteFormat } from './write/format-writers.js';
