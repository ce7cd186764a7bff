// Spark's file commit protocol (FileOutputCommitter v1 shape): tasks write under
// `<dir>/_temporary/<job>/attempt-<task>-<attempt>/`, a task commit renames its attempt directory to
// `task-<task>` (the first attempt to commit wins), the job commit applies the save mode (overwrite clears
// the old files only now), moves every committed file into place and writes `_SUCCESS`; abort removes
// `_temporary`. WriteJob and TaskCommitMessage are plain data: they travel to executors and back.
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TsSparkError } from '../../../common/errors.js';
import { simpleString, type StructField, type StructType } from '../../types/data-type.js';
import { parquetTypeOf } from '../parquet/writer/parquet-types.js';
import { fileUri, toLocalPath } from '../file-listing.js';
import type { Options } from '../source-options.js';
import { parquetCompression, type WriteFormat } from './format-writers.js';

export type SaveMode = 'overwrite' | 'append' | 'ignore' | 'errorifexists';

export interface WriteJobSpec {
  readonly format: WriteFormat;
  readonly path: string;
  readonly mode: SaveMode;
  readonly options: Options;
  readonly partitionBy: readonly string[];
  /** Schema of the rows to write (partition columns included). */
  readonly schema: StructType;
}

export interface WriteJob extends WriteJobSpec {
  readonly dir: string;
  readonly jobId: string;
}

export interface TaskCommitMessage {
  readonly task: number;
  /** Files relative to the task directory (`year=2020/part-…json`). */
  readonly files: readonly string[];
  readonly rows: number;
}

const tempRoot = (job: WriteJob): string => path.join(job.dir, '_temporary', job.jobId);
export const attemptDir = (job: WriteJob, task: number, attempt: number): string => path.join(tempRoot(job), `attempt-${task}-${attempt}`);
const taskDir = (job: WriteJob, task: number): string => path.join(tempRoot(job), `task-${task}`);

/** Driver: checks the save mode; null means "ignore mode and the path exists: write nothing". */
export function setupWriteJob(spec: WriteJobSpec): WriteJob | null {
  const dir = path.resolve(toLocalPath(spec.path));
  const exists = fs.existsSync(dir);
  if (exists && spec.mode === 'errorifexists') {
    throw new TsSparkError('ANALYSIS_ERROR', `[PATH_ALREADY_EXISTS] Path ${fileUri(dir)} already exists. Set mode as "overwrite" to overwrite the existing path.`, {
      details: { path: dir },
    });
  }
  if (exists && spec.mode === 'ignore') return null;
  const names = new Set(spec.schema.fields.map((f) => f.name.toLowerCase()));
  for (const p of spec.partitionBy) {
    if (!names.has(p.toLowerCase())) throw new TsSparkError('ANALYSIS_ERROR', `Partition column \`${p}\` not found in schema ${JSON.stringify(spec.schema.fields.map((f) => f.name))}`);
  }
  if (spec.partitionBy.length > 0 && spec.partitionBy.length === spec.schema.fields.length) {
    throw new TsSparkError('ANALYSIS_ERROR', '[ALL_PARTITION_COLUMNS_NOT_ALLOWED] Cannot use all columns for partition columns.');
  }
  checkSchemaForFormat(spec);
  const job: WriteJob = { ...spec, dir, jobId: randomUUID() };
  fs.mkdirSync(tempRoot(job), { recursive: true });
  return job;
}

/**
 * Column types the format cannot write are refused on the driver, before any task runs (Spark's analysis-time
 * check): text takes exactly one string column, CSV no nested or binary columns, Parquet what its writer maps.
 * Partition columns are not written into the files and are not checked.
 */
function checkSchemaForFormat(spec: WriteJobSpec): void {
  const parts = new Set(spec.partitionBy.map((p) => p.toLowerCase()));
  const data = spec.schema.fields.filter((f) => !parts.has(f.name.toLowerCase()));
  const unsupported = (source: string, f: StructField): TsSparkError => new TsSparkError('ANALYSIS_ERROR',
    `[UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE] The ${source} datasource doesn't support the column \`${f.name}\` of the type "${simpleString(f.type).toUpperCase()}".`,
    { details: { errorClass: 'UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE', column: f.name } });
  switch (spec.format) {
    case 'text':
      if (data.length !== 1) throw new TsSparkError('ANALYSIS_ERROR', `Text data source supports only a single column, and you have ${data.length} columns.`);
      if (data[0]!.type.kind !== 'string') throw unsupported('Text', data[0]!);
      return;
    case 'csv': {
      const bad = data.find((f) => ['array', 'map', 'struct', 'binary'].includes(f.type.kind));
      if (bad) throw unsupported('CSV', bad);
      return;
    }
    case 'parquet':
      parquetCompression(spec.options);
      for (const f of data) parquetTypeOf(f.type, f.name);
      return;
    case 'json':
      return;
  }
}

/** Executor: makes a finished attempt the task's output; a second attempt of a committed task is discarded. */
export function commitTask(job: WriteJob, task: number, attempt: number): boolean {
  const from = attemptDir(job, task, attempt);
  try {
    fs.renameSync(from, taskDir(job, task));
    return true;
  } catch {
    fs.rmSync(from, { recursive: true, force: true });
    return false;
  }
}

/** Driver: applies the save mode and moves every committed task's files into the output directory. */
export function commitWriteJob(job: WriteJob, messages: readonly TaskCommitMessage[]): void {
  if (job.mode === 'overwrite' && fs.existsSync(job.dir)) {
    for (const name of fs.readdirSync(job.dir)) if (name !== '_temporary') fs.rmSync(path.join(job.dir, name), { recursive: true, force: true });
  }
  for (const m of messages) {
    for (const rel of m.files) {
      const target = path.join(job.dir, rel);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.renameSync(path.join(taskDir(job, m.task), rel), target);
    }
  }
  const tmp = path.join(job.dir, '_temporary');
  fs.rmSync(tempRoot(job), { recursive: true, force: true });
  try { if (fs.readdirSync(tmp).length === 0) fs.rmdirSync(tmp); } catch { /* another job still writes here */ }
  fs.writeFileSync(path.join(job.dir, '_SUCCESS'), '');
}

export function abortWriteJob(job: WriteJob): void {
  fs.rmSync(tempRoot(job), { recursive: true, force: true });
  const tmp = path.join(job.dir, '_temporary');
  try { if (fs.readdirSync(tmp).length === 0) fs.rmdirSync(tmp); } catch { /* ignore */ }
}
