// One-process convenience over the commit protocol: setup, a single task, commit (abort on failure).
import type { ColumnBatch } from '../../batch/column-batch.js';
import type { StructType } from '../../types/data-type.js';
import type { Options } from '../source-options.js';
import { abortWriteJob, commitWriteJob, setupWriteJob, type SaveMode } from './commit-protocol.js';
import type { WriteFormat } from './format-writers.js';
import { writeTask } from './write-task.js';

export interface WriteBatchesOptions {
  readonly mode?: SaveMode;
  readonly partitionBy?: readonly string[];
  /** Format options (header, sep, compression, timeZone, dateFormat, timestampFormat…). */
  readonly options?: Options;
}

/** Writes batches as one task; returns the number of rows written (0 when mode=ignore skipped the write). */
export function writeBatches(format: WriteFormat, dir: string, batches: Iterable<ColumnBatch>, schema: StructType, opts: WriteBatchesOptions = {}): number {
  const job = setupWriteJob({ format, path: dir, mode: opts.mode ?? 'errorifexists', options: opts.options ?? {}, partitionBy: opts.partitionBy ?? [], schema });
  if (!job) return 0;
  try {
    const msg = writeTask(job, 0, batches);
    commitWriteJob(job, [msg]);
    return msg.rows;
  } catch (e) {
    abortWriteJob(job);
    throw e;
  }
}
