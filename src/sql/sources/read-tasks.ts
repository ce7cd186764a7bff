// Planning and running file reads: inferSchema (format schema + partition columns), readPartitions (files cut
// into splits by size — line-splittable formats at any byte, Parquet by row group, multiLine whole files —
// packed into partitions like Spark's FilePartition.getFilePartitions) and readSplit (executor side, sync).
import { TsSparkError } from '../../common/errors.js';
import type { Expression } from '../../planner/expr/expression.js';
import type { FileSource } from '../../planner/logical/logical-plan.js';
import type { Column, ColumnBatch } from '../batch/column-batch.js';
import { T, type StructType } from '../types/data-type.js';
import { constantColumn } from './column-builder.js';
import { inferCsvSchema, readCsvSplit } from './csv/csv-source.js';
import { listFiles, type ListedFile } from './file-listing.js';
import { filtersToStats } from './filter-to-stats.js';
import { inferJsonSchema, readJsonSplit } from './json/json-source.js';
import { parquetRowGroups, parquetSchema, readParquetSplit } from './parquet-scan.js';
import { rowGroupMayMatch } from './parquet/index.js';
import { inferPartitionSchema, partitionValue } from './partition-values.js';
import { corruptColumnName, opt, optBool, type Options } from './source-options.js';
import { readTextSplit, TEXT_SCHEMA } from './text-source.js';

export type FileFormat = FileSource['format'];

export interface FileSplit {
  readonly path: string;
  readonly start: number;
  readonly length: number;
  /** Parquet: the row groups this split reads. */
  readonly rowGroups?: readonly number[];
  /** Physical values of the partition columns, in partitionSchema order. */
  readonly partitionValues: readonly unknown[];
}

/** One partition of a file scan: plain data, shipped to an executor. */
export interface ReadTask {
  readonly format: FileFormat;
  readonly options: Options;
  /** Columns stored in the files. */
  readonly dataSchema: StructType;
  /** Columns from `col=value` directories. */
  readonly partitionSchema: StructType;
  readonly splits: readonly FileSplit[];
}

export interface ReadPlanningConf {
  /** spark.sql.files.maxPartitionBytes (128 MiB). */
  readonly maxPartitionBytes?: number;
  /** spark.sql.files.openCostInBytes (4 MiB). */
  readonly openCostInBytes?: number;
  /** Default parallelism: small inputs are cut so every core gets work. */
  readonly parallelism?: number;
}

const formatName = (f: FileFormat): string => (f === 'json' ? 'JSON' : f === 'csv' ? 'CSV' : f === 'parquet' ? 'Parquet' : 'Text');

function dataSchemaOf(format: FileFormat, files: readonly ListedFile[], options: Options): StructType {
  switch (format) {
    case 'json': return inferJsonSchema(files, options);
    case 'csv': return inferCsvSchema(files, options);
    case 'text': return TEXT_SCHEMA;
    case 'parquet': {
      if (!optBool(options, 'mergeSchema', false)) return parquetSchema(files[0]!.path);
      const fields = new Map<string, StructType['fields'][number]>();
      for (const f of files) for (const x of parquetSchema(f.path).fields) if (!fields.has(x.name)) fields.set(x.name, x);
      return T.struct([...fields.values()]);
    }
  }
}

/** The full schema of the files at `paths`: data columns, then partition columns. */
export function inferSchema(format: FileFormat, paths: readonly string[], options: Options): StructType {
  const files = listFiles(paths);
  if (format !== 'text' && files.filter((f) => f.size > 0).length === 0) {
    throw new TsSparkError('ANALYSIS_ERROR', `[UNABLE_TO_INFER_SCHEMA] Unable to infer schema for ${formatName(format)}. It must be specified manually.`);
  }
  const nonEmpty = format === 'text' ? files : files.filter((f) => f.size > 0);
  const data = dataSchemaOf(format, nonEmpty, options);
  const part = inferPartitionSchema(files);
  const names = new Set(data.fields.map((f) => f.name.toLowerCase()));
  return T.struct([...data.fields, ...part.fields.filter((f) => !names.has(f.name.toLowerCase()))]);
}

function splitSchemas(source: FileSource, files: readonly ListedFile[]): { data: StructType; part: StructType } {
  const part = inferPartitionSchema(files, source.schema);
  const partNames = new Set(part.fields.map((f) => f.name.toLowerCase()));
  const data = T.struct(source.schema.fields.filter((f) => !partNames.has(f.name.toLowerCase())));
  return { data, part };
}

function splittable(format: FileFormat, options: Options): boolean {
  if (format === 'parquet') return false;
  if (format === 'text') return !optBool(options, 'wholetext', false);
  return !optBool(options, 'multiLine', false);
}

export function readPartitions(source: FileSource, _columns: readonly string[], filters: readonly Expression[], conf: ReadPlanningConf = {}): ReadTask[] {
  const files = listFiles(source.paths).filter((f) => f.size > 0);
  const { data, part } = splitSchemas(source, files);
  const tz = opt(source.options, 'timeZone') ?? 'UTC';
  const predicate = filtersToStats(filters, source.schema);
  const maxBytes = conf.maxPartitionBytes ?? Number(opt(source.options, 'maxPartitionBytes') ?? 128 * 1024 * 1024);
  const openCost = conf.openCostInBytes ?? 4 * 1024 * 1024;
  const total = files.reduce((s, f) => s + f.size + openCost, 0);
  const perCore = total / Math.max(1, conf.parallelism ?? 2);
  const maxSplit = Math.max(1, Math.floor(Math.min(maxBytes, Math.max(openCost, perCore))));
  const splits: FileSplit[] = [];
  for (const f of files) {
    const pv = part.fields.map((pf) => partitionValue(f.partition.find(([k]) => k.toLowerCase() === pf.name.toLowerCase())?.[1], pf.type, tz));
    if (predicate && part.fields.length > 0) {
      // prune partition directories: each directory is a "row group" whose min = max = its value
      const stats = { numRows: 1, columns: part.fields.map((pf, i) => ({ name: pf.name, min: pv[i], max: pv[i], nullCount: pv[i] === null ? 1 : 0 })) };
      if (!rowGroupMayMatch(stats, predicate)) continue;
    }
    if (source.format === 'parquet') {
      const groups = parquetRowGroups(f.path, predicate);
      // split a file's row groups by their share of the file size
      const perGroup = f.size / Math.max(1, groups.reduce((s, g) => s + g.rows, 0));
      let cur: number[] = [], curBytes = 0;
      for (const g of groups) {
        cur.push(g.index); curBytes += g.rows * perGroup;
        if (curBytes >= maxSplit) { splits.push({ path: f.path, start: 0, length: curBytes, rowGroups: cur, partitionValues: pv }); cur = []; curBytes = 0; }
      }
      if (cur.length > 0) splits.push({ path: f.path, start: 0, length: curBytes, rowGroups: cur, partitionValues: pv });
    } else if (splittable(source.format, source.options)) {
      for (let s = 0; s < f.size; s += maxSplit) splits.push({ path: f.path, start: s, length: Math.min(maxSplit, f.size - s), partitionValues: pv });
    } else splits.push({ path: f.path, start: 0, length: f.size, partitionValues: pv });
  }
  splits.sort((a, b) => b.length - a.length);
  const tasks: ReadTask[] = [];
  let cur: FileSplit[] = [], size = 0;
  const close = (): void => {
    if (cur.length > 0) tasks.push({ format: source.format, options: source.options, dataSchema: data, partitionSchema: part, splits: cur });
    cur = []; size = 0;
  };
  for (const s of splits) {
    if (size + s.length > maxSplit) close();
    size += s.length + openCost;
    cur.push(s);
  }
  close();
  return tasks;
}

function* readFileSplit(task: ReadTask, split: FileSplit, columns: readonly string[]): Generator<ColumnBatch> {
  const { path, start, length } = split;
  switch (task.format) {
    case 'parquet': yield* readParquetSplit(path, split.rowGroups ?? [], columns, task.dataSchema); return;
    case 'text': yield* readTextSplit(path, start, length, task.options); return;
    case 'csv': {
      const batches = readCsvSplit(path, start, length, task.dataSchema, task.options);
      for (const b of batches) yield project(b, task.dataSchema, columns);
      return;
    }
    case 'json': {
      // JSON matches fields by name, so only the wanted ones (and the corrupt-record column) are converted
      const corrupt = corruptColumnName(task.options);
      const wanted = T.struct(task.dataSchema.fields.filter((f) => columns.includes(f.name) || f.name === corrupt));
      for (const b of readJsonSplit(path, start, length, wanted, task.options)) yield project(b, wanted, columns);
      return;
    }
  }
}

function project(b: ColumnBatch, schema: StructType, columns: readonly string[]): ColumnBatch {
  const idx = columns.map((c) => schema.fields.findIndex((f) => f.name === c));
  return { numRows: b.numRows, columns: idx.map((i) => b.columns[i]!) };
}

/**
 * Reads one partition (executor side): batches with exactly `columns` (data or partition column names), in
 * that order. Filters were used for pruning when planning; rows are not filtered here.
 */
export function* readSplit(task: ReadTask, columns: readonly string[], _filters: readonly Expression[] = []): Generator<ColumnBatch> {
  const partIdx = new Map(task.partitionSchema.fields.map((f, i) => [f.name, i]));
  const dataCols = columns.filter((c) => !partIdx.has(c));
  if (task.format === 'text' && dataCols.length === 0 && columns.length > 0) dataCols.push('value');
  for (const split of task.splits) {
    for (const b of readFileSplit(task, split, dataCols)) {
      const out: Column[] = columns.map((c) => {
        const pi = partIdx.get(c);
        if (pi !== undefined) return constantColumn(task.partitionSchema.fields[pi]!.type, split.partitionValues[pi], b.numRows);
        return b.columns[dataCols.indexOf(c)]!;
      });
      yield { numRows: b.numRows, columns: out };
    }
  }
}
