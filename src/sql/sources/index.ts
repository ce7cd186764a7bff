// Public API of the file data sources: schema inference, read planning (partitions of file splits) and
// executor-side reading into ColumnBatches; writers with Spark's commit protocol.
export { inferSchema, readPartitions, readSplit } from './read-tasks.js';
export type { FileFormat, FileSplit, ReadTask, ReadPlanningConf } from './read-tasks.js';
export { listFiles, fileUri, toLocalPath, escapePathName, unescapePathName } from './file-listing.js';
export type { ListedFile } from './file-listing.js';
export { filtersToStats } from './filter-to-stats.js';
export type { Options, ParseMode } from './source-options.js';
