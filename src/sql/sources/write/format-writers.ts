// One output file per (task, partition directory): writers for json (one object per line, nulls omitted),
// csv (optional header, quoting only when needed), text (one string column) and parquet (the columnar writer
// in parquet/writer). Each takes rows of a batch by index and writes on close.
import * as fs from 'node:fs';
import { TsSparkError } from '../../../common/errors.js';
import { rawValueAt, type Column, type ColumnBatch } from '../../batch/column-batch.js';
import type { StructType } from '../../types/data-type.js';
import { writeParquetFile, type ParquetCompression } from '../parquet/writer/index.js';
import { opt, optBool, type Options } from '../source-options.js';
import { jsonValue, scalarText, type TextFormatOptions } from './value-text.js';

export interface FormatWriter {
  /** Appends rows `rows` (all rows when null) of a batch whose columns follow the writer's schema. */
  write(batch: ColumnBatch, rows: Int32Array | null): void;
  close(): number;
}

export type WriteFormat = 'json' | 'csv' | 'text' | 'parquet';

export function fileExtension(format: WriteFormat, options: Options): string {
  switch (format) {
    case 'json': return 'json';
    case 'csv': return 'csv';
    case 'text': return 'txt';
    case 'parquet': {
      const c = parquetCompression(options);
      return c === 'none' ? 'parquet' : c === 'gzip' ? 'gz.parquet' : 'snappy.parquet';
    }
  }
}

function textOptions(options: Options): TextFormatOptions {
  return { timeZone: opt(options, 'timeZone') ?? 'UTC', dateFormat: opt(options, 'dateFormat'), timestampFormat: opt(options, 'timestampFormat') };
}

class LineWriter implements FormatWriter {
  private readonly lines: string[] = [];
  private count = 0;
  constructor(private readonly path: string, private readonly line: (b: ColumnBatch, i: number) => string, header?: string) {
    if (header !== undefined) this.lines.push(header);
    fs.writeFileSync(path, '');
  }
  write(batch: ColumnBatch, rows: Int32Array | null): void {
    const n = rows ? rows.length : batch.numRows;
    for (let k = 0; k < n; k++) this.lines.push(this.line(batch, rows ? rows[k]! : k));
    this.count += n;
    if (this.lines.length >= 8192) this.flush();
  }
  private flush(): void {
    if (this.lines.length === 0) return;
    fs.appendFileSync(this.path, this.lines.join('\n') + '\n');
    this.lines.length = 0;
  }
  close(): number { this.flush(); return this.count; }
}

function csvField(s: string, sep: string, quote: string, escape: string, quoteAll: boolean): string {
  if (s === '') return `${quote}${quote}`; // Spark writes empty strings quoted so they read back as ""
  const needs = quoteAll || s.includes(sep) || s.includes(quote) || s.includes('\n') || s.includes('\r');
  if (!needs) return s;
  return quote + s.split(quote).join(escape + quote) + quote;
}

export function openFormatWriter(format: WriteFormat, path: string, schema: StructType, options: Options): FormatWriter {
  const o = textOptions(options);
  switch (format) {
    case 'json':
      return new LineWriter(path, (b, i) => {
        const parts: string[] = [];
        schema.fields.forEach((f, c) => {
          const v = rawValueAt(b.columns[c]!, i);
          if (v !== null) parts.push(`${JSON.stringify(f.name)}:${jsonValue(v, f.type, o)}`);
        });
        return `{${parts.join(',')}}`;
      });
    case 'csv': {
      const sep = opt(options, 'sep') ?? opt(options, 'delimiter') ?? ',';
      const quote = opt(options, 'quote') ?? '"', escape = opt(options, 'escape') ?? '\\';
      const nullValue = opt(options, 'nullValue') ?? '';
      const quoteAll = optBool(options, 'quoteAll', false);
      const header = optBool(options, 'header', false) ? schema.fields.map((f) => csvField(f.name, sep, quote, escape, quoteAll)).join(sep) : undefined;
      for (const f of schema.fields) {
        if (['array', 'map', 'struct', 'binary'].includes(f.type.kind)) {
          throw new TsSparkError('ANALYSIS_ERROR', `[UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE] The CSV datasource doesn't support the column \`${f.name}\` of the type "${f.type.kind.toUpperCase()}".`);
        }
      }
      // Spark's CSV writer trims values by default (ignoreLeading/TrailingWhiteSpace are true for writing)
      const trimL = optBool(options, 'ignoreLeadingWhiteSpace', true), trimR = optBool(options, 'ignoreTrailingWhiteSpace', true);
      return new LineWriter(path, (b, i) => schema.fields.map((f, c) => {
        const v = rawValueAt(b.columns[c]!, i);
        if (v === null) return nullValue;
        let t = scalarText(v, f.type, o)!;
        if (trimL) t = t.trimStart();
        if (trimR) t = t.trimEnd();
        return csvField(t, sep, quote, escape, quoteAll);
      }).join(sep), header);
    }
    case 'text': {
      if (schema.fields.length !== 1) {
        throw new TsSparkError('ANALYSIS_ERROR', `Text data source supports only a single column, and you have ${schema.fields.length} columns.`);
      }
      if (schema.fields[0]!.type.kind !== 'string') {
        throw new TsSparkError('ANALYSIS_ERROR', `[UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE] The Text datasource doesn't support the column \`${schema.fields[0]!.name}\` of the type "${schema.fields[0]!.type.kind.toUpperCase()}".`);
      }
      return new LineWriter(path, (b, i) => (rawValueAt(b.columns[0]!, i) as string | null) ?? '');
    }
    case 'parquet': {
      const batches: ColumnBatch[] = [];
      const compression = parquetCompression(options);
      return {
        write(batch, rows) { batches.push(rows ? takeRows(batch, rows) : batch); },
        close() {
          return writeParquetFile(path, schema, batches, { compression }).rows;
        },
      };
    }
  }
}

function takeColumn(c: Column, rows: Int32Array): Column {
  const n = rows.length;
  let valid: Uint8Array | null = null;
  if (c.valid) { valid = new Uint8Array(n); for (let i = 0; i < n; i++) valid[i] = c.valid[rows[i]!]!; }
  switch (c.kind) {
    case 'bool': { const v = new Uint8Array(n); for (let i = 0; i < n; i++) v[i] = c.values[rows[i]!]!; return { kind: 'bool', values: v, valid }; }
    case 'i32': { const v = new Int32Array(n); for (let i = 0; i < n; i++) v[i] = c.values[rows[i]!]!; return { kind: 'i32', values: v, valid }; }
    case 'f64': { const v = new Float64Array(n); for (let i = 0; i < n; i++) v[i] = c.values[rows[i]!]!; return { kind: 'f64', values: v, valid }; }
    case 'dict': { const v = new Int32Array(n); for (let i = 0; i < n; i++) v[i] = c.ids[rows[i]!]!; return { kind: 'dict', ids: v, dictionary: c.dictionary, valid }; }
    case 'str': return { kind: 'str', values: Array.from(rows, (r) => c.values[r]!), valid };
    case 'obj': return { kind: 'obj', values: Array.from(rows, (r) => c.values[r]), valid };
  }
}

export function takeRows(b: ColumnBatch, rows: Int32Array): ColumnBatch {
  return { numRows: rows.length, columns: b.columns.map((c) => takeColumn(c, rows)) };
}

/** The parquet `compression` option (Spark's names; spark.sql.parquet.compression.codec's default snappy). */
export function parquetCompression(options: Options): ParquetCompression {
  const c = (opt(options, 'compression') ?? opt(options, 'codec') ?? 'snappy').toLowerCase();
  if (c === 'none' || c === 'uncompressed') return 'none';
  if (c === 'snappy' || c === 'gzip') return c;
  throw new TsSparkError('INVALID_ARGUMENT', `Codec [${c}] is not available. Available codecs are uncompressed, none, snappy, gzip.`);
}
