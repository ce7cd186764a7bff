// df.write: Spark's DataFrameWriter (mode, format, option(s), partitionBy, save and shortcuts). Files are
// written through a temporary directory and committed only when the job succeeds.
import { TsSparkError } from '../../common/errors.js';
import type { DataFrame } from './dataframe.js';

export type SaveMode = 'overwrite' | 'append' | 'ignore' | 'errorifexists';
/** Writer options by name, plus `mode`, `format` and `partitionBy` (PySpark's keyword arguments). */
export type WriterOptions = Readonly<Record<string, string | number | boolean | readonly string[] | undefined>>;

export class DataFrameWriter {
  private fmt: 'parquet' | 'json' | 'csv' | 'text' = 'parquet';
  private saveMode: SaveMode = 'errorifexists';
  private readonly opts: Record<string, string> = {};
  private partitionCols: string[] = [];

  constructor(private readonly df: DataFrame) {}

  mode(m: string): this {
    const s = m.toLowerCase();
    const mode = s === 'error' || s === 'default' ? 'errorifexists' : s;
    if (!['overwrite', 'append', 'ignore', 'errorifexists'].includes(mode)) {
      throw new TsSparkError('INVALID_ARGUMENT', `Unknown save mode: ${m}. Accepted save modes are 'overwrite', 'append', 'ignore', 'error', 'errorifexists', 'default'.`);
    }
    this.saveMode = mode as SaveMode;
    return this;
  }
  format(f: string): this {
    const fmt = f.toLowerCase();
    if (!['parquet', 'json', 'csv', 'text'].includes(fmt)) throw new TsSparkError('ANALYSIS_ERROR', `[DATA_SOURCE_NOT_FOUND] Failed to find the data source: ${f}.`);
    this.fmt = fmt as typeof this.fmt;
    return this;
  }
  option(key: string, value: string | number | boolean): this { this.opts[key] = String(value); return this; }
  options(o: Record<string, string | number | boolean>): this { for (const [k, v] of Object.entries(o)) this.option(k, v); return this; }
  partitionBy(...cols: Array<string | string[]>): this { this.partitionCols = cols.flat(); return this; }

  /** save(path?), or with an options object as PySpark's keywords: csv(p, { mode: 'overwrite', header: true }). */
  save(path?: string, options?: WriterOptions): Promise<void> {
    if (options) this.applyOptions(options);
    const p = path ?? this.opts.path;
    if (!p) throw new TsSparkError('INVALID_ARGUMENT', 'save() needs a path');
    return this.df.sparkSession.engine.write(this.df.plan, { format: this.fmt, path: p, mode: this.saveMode, options: { ...this.opts }, partitionBy: this.partitionCols });
  }
  json(path: string, options?: WriterOptions): Promise<void> { return this.format('json').save(path, options); }
  csv(path: string, options?: WriterOptions): Promise<void> { return this.format('csv').save(path, options); }
  parquet(path: string, options?: WriterOptions): Promise<void> { return this.format('parquet').save(path, options); }
  text(path: string, options?: WriterOptions): Promise<void> { return this.format('text').save(path, options); }

  private applyOptions(o: WriterOptions): void {
    for (const [k, v] of Object.entries(o)) {
      if (v === undefined || v === null) continue;
      if (k === 'mode') this.mode(String(v));
      else if (k === 'format') this.format(String(v));
      else if (k === 'partitionBy') this.partitionBy(...(Array.isArray(v) ? v.map(String) : [String(v)]));
      else this.option(k, v as string | number | boolean);
    }
  }
}
