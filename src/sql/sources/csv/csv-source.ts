// The CSV data source: header handling, schema inference (all strings unless inferSchema), and reading one
// split into ColumnBatches with Spark's null handling, type conversion and parse modes. Line-splittable
// unless multiLine (then one task per file).
import type { ColumnBatch } from '../../batch/column-batch.js';
import { T, type DataType, type StructType } from '../../types/data-type.js';
import { ColumnBuilder } from '../column-builder.js';
import { parseDate, parseTimestamp } from '../datetime-parse.js';
import { fileUri, type ListedFile } from '../file-listing.js';
import { readLines, readWholeFile } from '../line-reader.js';
import { corruptColumnName, malformedRecordError, opt, optBool, parseMode, type Options } from '../source-options.js';
import { inferCsvField, isCsvDouble, isCsvInt, isCsvLong, type CsvInferOptions } from './csv-infer.js';
import { csvRecords, parseCsvRecord, type CsvSyntax } from './csv-tokenize.js';

const BATCH_ROWS = 8192;

export function csvSyntax(options: Options): CsvSyntax {
  const sep = opt(options, 'sep') ?? opt(options, 'delimiter') ?? ',';
  return { sep: sep === '\\t' ? '\t' : sep, quote: opt(options, 'quote') ?? '"', escape: opt(options, 'escape') ?? '\\' };
}

interface Rec { fields: string[]; raw: string; line: number; first: boolean }

function* records(file: string, start: number, length: number, options: Options): Generator<Rec> {
  const syn = csvSyntax(options);
  if (optBool(options, 'multiLine', false)) {
    if (start !== 0) return;
    let first = true;
    for (const { record, line } of csvRecords(readWholeFile(file, 'CSV'), syn)) {
      yield { fields: record.fields, raw: record.raw, line, first };
      first = false;
    }
    return;
  }
  let first = start === 0;
  for (const l of readLines(file, start, length, 'CSV')) {
    if (l.text === '') continue;
    yield { fields: parseCsvRecord(l.text, 0, syn, false).fields, raw: l.text, line: l.number, first };
    first = false;
  }
}

function inferOptions(options: Options): CsvInferOptions {
  return {
    nullValue: opt(options, 'nullValue') ?? '',
    dateFormat: opt(options, 'dateFormat'),
    timestampFormat: opt(options, 'timestampFormat'),
    timeZone: opt(options, 'timeZone') ?? 'UTC',
    prefersDate: optBool(options, 'prefersDate', true),
  };
}

/** CSVUtils.makeSafeHeader: empty names → _c<i>, duplicates (case-insensitive) get their index appended. */
function safeHeader(row: readonly string[], nullValue: string): string[] {
  const lower = row.map((n) => n.toLowerCase());
  const dup = new Set(lower.filter((n, i) => lower.indexOf(n) !== i));
  return row.map((v, i) => (v === '' || v === nullValue ? `_c${i}` : dup.has(v.toLowerCase()) ? `${v}${i}` : v));
}

export function inferCsvSchema(files: readonly ListedFile[], options: Options): StructType {
  const header = optBool(options, 'header', false);
  const infer = optBool(options, 'inferSchema', false);
  const io = inferOptions(options);
  let names: string[] | undefined;
  let types: DataType[] = [];
  for (const f of files) {
    for (const r of records(f.path, 0, f.size, options)) {
      if (names === undefined) {
        names = header ? safeHeader(r.fields, io.nullValue) : r.fields.map((_v, i) => `_c${i}`);
        types = names.map(() => T.null);
        if (header) continue;
      } else if (header && r.first) continue;
      if (!infer) break;
      for (let i = 0; i < types.length; i++) types[i] = inferCsvField(types[i]!, r.fields[i] ?? null, io);
    }
    if (!infer && names !== undefined) break;
  }
  return T.struct((names ?? []).map((name, i) => ({ name, type: infer && types[i]!.kind !== 'null' ? types[i]! : T.string, nullable: true })));
}

class BadCsvValue extends Error {}

function convert(s: string, t: DataType, io: CsvInferOptions): unknown {
  if (s === io.nullValue) return null;
  switch (t.kind) {
    case 'string': return s;
    case 'byte': case 'short': case 'int': {
      if (!isCsvInt(s)) throw new BadCsvValue(s);
      const n = Number(s);
      const lim = t.kind === 'byte' ? 127 : t.kind === 'short' ? 32767 : 2147483647;
      if (n > lim || n < -lim - 1) throw new BadCsvValue(s);
      return n;
    }
    case 'long': if (!isCsvLong(s)) throw new BadCsvValue(s); return Number(s);
    case 'float': case 'double': {
      if (!isCsvDouble(s)) throw new BadCsvValue(s);
      const v = /^[+-]?Inf(inity)?$/.test(s) ? (s.startsWith('-') ? -Infinity : Infinity) : s === 'NaN' ? NaN : Number(s.trim().replace(/[dDfF]$/, ''));
      return t.kind === 'float' ? Math.fround(v) : v;
    }
    case 'decimal': {
      if (!/^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/.test(s)) throw new BadCsvValue(s);
      const u = Math.round(Number(s) * 10 ** t.scale);
      if (Math.abs(u) >= 10 ** t.precision) throw new BadCsvValue(s);
      return u;
    }
    case 'boolean': {
      const l = s.toLowerCase();
      if (l === 'true') return true;
      if (l === 'false') return false;
      throw new BadCsvValue(s);
    }
    case 'date': {
      const d = parseDate(s, io.dateFormat);
      if (d === null) throw new BadCsvValue(s);
      return d;
    }
    case 'timestamp': case 'timestamp_ntz': {
      const us = parseTimestamp(s, t.kind === 'timestamp' ? io.timeZone : 'UTC', io.timestampFormat);
      if (us === null) throw new BadCsvValue(s);
      return us;
    }
    default: throw new BadCsvValue(`CSV cannot hold ${t.kind}`);
  }
}

/** Reads one byte range of a CSV file as batches of `schema` (the file's data columns, by position). */
export function* readCsvSplit(file: string, start: number, length: number, schema: StructType, options: Options): Generator<ColumnBatch> {
  const header = optBool(options, 'header', false);
  const mode = parseMode(options);
  const io = inferOptions(options);
  const corruptIdx = schema.fields.findIndex((f) => f.name === corruptColumnName(options) && f.type.kind === 'string');
  const fields = schema.fields;
  let builders = fields.map((f) => new ColumnBuilder(f.type, BATCH_ROWS));
  let rows = 0;
  const values: unknown[] = new Array(fields.length);
  for (const r of records(file, start, length, options)) {
    if (header && r.first) continue;
    let bad: unknown;
    let pos = 0;
    for (let i = 0; i < fields.length; i++) {
      if (i === corruptIdx) { values[i] = null; continue; }
      const text = r.fields[pos++];
      if (text === undefined) { values[i] = null; continue; }
      try {
        values[i] = convert(text, fields[i]!.type, io);
      } catch (e) {
        if (!(e instanceof BadCsvValue)) throw e;
        values[i] = null;
        bad = e;
      }
    }
    if (bad !== undefined) {
      if (mode === 'FAILFAST') throw malformedRecordError(fileUri(file), r.line, r.raw, bad);
      if (mode === 'DROPMALFORMED') continue;
      if (corruptIdx >= 0) values[corruptIdx] = r.raw;
    }
    for (let i = 0; i < fields.length; i++) builders[i]!.append(values[i]);
    if (++rows >= BATCH_ROWS) {
      yield { numRows: rows, columns: builders.map((b) => b.finish()) };
      builders = fields.map((f) => new ColumnBuilder(f.type, BATCH_ROWS));
      rows = 0;
    }
  }
  if (rows > 0) yield { numRows: rows, columns: builders.map((b) => b.finish()) };
}
