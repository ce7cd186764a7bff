// spark.read: Spark's DataFrameReader (format, option(s), schema, load and the json/csv/parquet/text shortcuts).
import { TsSparkError } from '../../common/errors.js';
import type { StructType } from '../types/data-type.js';
import { DataFrame } from './dataframe.js';
import type { SparkSession } from './spark-session.js';

type Format = 'parquet' | 'json' | 'csv' | 'text';
/** Reader options by name (values as option()), plus `schema` (a StructType or DDL string) and `format`. */
export type ReaderOptions = { readonly schema?: StructType | string } & Readonly<Record<string, string | number | boolean | StructType | undefined>>;
const FORMATS: readonly Format[] = ['parquet', 'json', 'csv', 'text'];

export class DataFrameReader {
  private fmt: Format = 'parquet';
  private readonly opts: Record<string, string> = {};
  private userSchema?: StructType | string;

  constructor(private readonly spark: SparkSession) {}

  format(source: string): this {
    const f = source.toLowerCase() as Format;
    if (!FORMATS.includes(f)) throw new TsSparkError('ANALYSIS_ERROR', `[DATA_SOURCE_NOT_FOUND] Failed to find the data source: ${source}.`, { details: { errorClass: 'DATA_SOURCE_NOT_FOUND' } });
    this.fmt = f;
    return this;
  }
  option(key: string, value: string | number | boolean): this { this.opts[key] = String(value); return this; }
  options(o: Record<string, string | number | boolean>): this { for (const [k, v] of Object.entries(o)) this.option(k, v); return this; }
  schema(s: StructType | string): this { this.userSchema = s; return this; }

  /** load(path…), or with a trailing options object as PySpark's keywords: csv(p, { header: true, schema: 'a INT' }). */
  load(...args: Array<string | string[] | ReaderOptions>): DataFrame {
    const ps: string[] = [];
    for (const a of args) {
      if (typeof a === 'string') ps.push(a);
      else if (Array.isArray(a)) ps.push(...a);
      else this.applyOptions(a);
    }
    if (ps.length === 0 && this.opts.path) ps.push(this.opts.path);
    if (ps.length === 0) throw new TsSparkError('INVALID_ARGUMENT', 'load() needs a path');
    return new DataFrame(this.spark, this.spark.engine.fileScanPlan(this.fmt, ps, { ...this.opts }, this.userSchema));
  }

  json(...args: Array<string | string[] | ReaderOptions>): DataFrame { return this.format('json').load(...args); }
  csv(...args: Array<string | string[] | ReaderOptions>): DataFrame { return this.format('csv').load(...args); }
  parquet(...args: Array<string | string[] | ReaderOptions>): DataFrame { return this.format('parquet').load(...args); }
  text(...args: Array<string | string[] | ReaderOptions>): DataFrame { return this.format('text').load(...args); }

  private applyOptions(o: ReaderOptions): void {
    for (const [k, v] of Object.entries(o)) {
      if (v === undefined || v === null) continue;
      if (k === 'schema') this.schema(v as StructType | string);
      else if (k === 'format') this.format(String(v));
      else this.option(k, v as string | number | boolean);
    }
  }
  table(name: string): DataFrame { return this.spark.table(name); }
}
