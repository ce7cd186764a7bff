// The JSON data source: schema inference over (a sample of) the records and reading one split into
// ColumnBatches, with Spark's parse modes. JSON Lines by default (splittable), or `multiLine` (one JSON
// value per file: an object or an array of objects). Top-level arrays on a line give one row per object.
import { TsSparkError } from '../../../common/errors.js';
import type { ColumnBatch } from '../../batch/column-batch.js';
import { T, type StructType } from '../../types/data-type.js';
import { ColumnBuilder } from '../column-builder.js';
import { fileUri, type ListedFile } from '../file-listing.js';
import { readLines, readWholeFile } from '../line-reader.js';
import { corruptColumnName, malformedRecordError, opt, optBool, optNumber, parseMode, type Options } from '../source-options.js';
import { BadJsonValue, convertJson, type JsonConvertOptions } from './json-convert.js';
import { canonicalize, inferJsonText, MalformedJson, mergeTypes, withCorruptField } from './json-infer.js';

const BATCH_ROWS = 8192;

function* documents(file: string, start: number, length: number, multiLine: boolean): Generator<{ text: string; line: number }> {
  if (multiLine) {
    if (start === 0) yield { text: readWholeFile(file, 'JSON'), line: 1 };
    return;
  }
  for (const l of readLines(file, start, length, 'JSON')) {
    if (l.text.trim() !== '') yield { text: l.text, line: l.number };
  }
}

/** Deterministic sampler for samplingRatio (Spark samples randomly; a fixed seed keeps plans reproducible). */
function sampler(ratio: number): () => boolean {
  if (ratio >= 1) return () => true;
  let seed = 42;
  return () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff < ratio;
  };
}

export function inferJsonSchema(files: readonly ListedFile[], options: Options): StructType {
  const multiLine = optBool(options, 'multiLine', false);
  const mode = parseMode(options);
  const corrupt = corruptColumnName(options);
  const ratio = optNumber(options, 'samplingRatio', 1);
  if (!(ratio > 0)) throw new TsSparkError('INVALID_ARGUMENT', `samplingRatio (${ratio}) should be greater than 0`);
  const take = sampler(ratio);
  let st: StructType = T.struct([]);
  let sawCorrupt = false;
  let sampled = 0;
  // A sample that misses every document (small inputs) falls back to reading them all, not to an empty schema.
  for (let pass = 0; pass < 2 && sampled === 0; pass++) for (const f of files) {
    for (const doc of documents(f.path, 0, f.size, multiLine)) {
      if (pass === 0 && !take()) continue;
      sampled++;
      let t;
      try {
        t = inferJsonText(doc.text);
      } catch (e) {
        if (!(e instanceof MalformedJson)) throw e;
        if (mode === 'FAILFAST') throw malformedRecordError(fileUri(f.path), doc.line, doc.text, e);
        if (mode === 'PERMISSIVE') sawCorrupt = true;
        continue;
      }
      const rows = t.kind === 'array' ? [t.element] : [t];
      for (const r of rows) {
        if (r.kind === 'struct') st = mergeTypes(st, r) as StructType;
        else if (r.kind !== 'null') {
          if (mode === 'FAILFAST') throw malformedRecordError(fileUri(f.path), doc.line, doc.text);
          if (mode === 'PERMISSIVE') sawCorrupt = true;
        }
      }
    }
  }
  const out = canonicalize(st) as StructType;
  return sawCorrupt ? withCorruptField(out, corrupt) : out;
}

export function convertOptions(options: Options): JsonConvertOptions {
  return { timeZone: opt(options, 'timeZone') ?? 'UTC', dateFormat: opt(options, 'dateFormat'), timestampFormat: opt(options, 'timestampFormat') };
}

/** Reads the byte range of one file as batches of the `schema` columns (the file's data schema). */
export function* readJsonSplit(file: string, start: number, length: number, schema: StructType, options: Options): Generator<ColumnBatch> {
  const multiLine = optBool(options, 'multiLine', false);
  const mode = parseMode(options);
  const corrupt = corruptColumnName(options);
  const conv = convertOptions(options);
  const corruptIdx = schema.fields.findIndex((f) => f.name === corrupt && f.type.kind === 'string');
  const fields = schema.fields;
  let builders = fields.map((f) => new ColumnBuilder(f.type, BATCH_ROWS));
  const flush = (): ColumnBatch => {
    const b = { numRows: builders[0]?.length ?? rows, columns: builders.map((x) => x.finish()) };
    builders = fields.map((f) => new ColumnBuilder(f.type, BATCH_ROWS));
    rows = 0;
    return b;
  };
  let rows = 0;
  const values: unknown[] = new Array(fields.length);
  const emitBad = (text: string, line: number, cause: unknown): void => {
    if (mode === 'FAILFAST') throw malformedRecordError(fileUri(file), line, text, cause);
    if (mode === 'DROPMALFORMED') return;
    for (let i = 0; i < fields.length; i++) builders[i]!.append(i === corruptIdx ? text : null);
    rows++;
  };
  for (const doc of documents(file, start, length, multiLine)) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(doc.text);
    } catch (e) {
      emitBad(doc.text, doc.line, e);
      if (rows >= BATCH_ROWS) yield flush();
      continue;
    }
    const records = Array.isArray(parsed) ? parsed : [parsed];
    for (const rec of records) {
      if (rows >= BATCH_ROWS) yield flush();
      if (rec === null || typeof rec !== 'object' || Array.isArray(rec)) { emitBad(doc.text, doc.line, undefined); continue; }
      const obj = rec as Record<string, unknown>;
      let badField: unknown;
      for (let i = 0; i < fields.length; i++) {
        if (i === corruptIdx) { values[i] = null; continue; }
        const f = fields[i]!;
        try {
          values[i] = convertJson(obj[f.name], f.type, conv);
        } catch (e) {
          if (!(e instanceof BadJsonValue)) throw e;
          values[i] = null;
          badField = e;
        }
      }
      if (badField !== undefined) {
        if (mode === 'FAILFAST') throw malformedRecordError(fileUri(file), doc.line, doc.text, badField);
        if (mode === 'DROPMALFORMED') continue;
        if (corruptIdx >= 0) values[corruptIdx] = doc.text;
      }
      for (let i = 0; i < fields.length; i++) builders[i]!.append(values[i]);
      rows++;
      if (rows >= BATCH_ROWS) yield flush();
    }
    if (rows >= BATCH_ROWS) yield flush();
  }
  if (rows > 0) yield flush();
}

export function assertJsonSchema(schema: StructType): void {
  if (schema.fields.length === 0) throw new TsSparkError('ANALYSIS_ERROR', 'Unable to infer schema for JSON. It must be specified manually.');
}
