// spark.read: Spark's DataFrameReader (format, option(s), schema, load and the json/csv/parquet/text shortcuts).
import { TsSparkError } from '../../common/errors.js';
import type { StructType } from '../types/data-type.js';
import { DataFrame } from './dataframe.js';
import type { SparkSession } from './spark-session.js';

type Format = 'parquet' | 'json' | 'csv' | 'text';
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

  load(...paths: Array<string | string[]>): DataFrame {
    const ps = paths.flat();
    if (ps.length === 0 && this.opts.path) ps.push(this.opts.path);
    if (ps.length === 0) throw new TsSparkError('INVALID_ARGUMENT', 'load() needs a path');
    return new DataFrame(this.spark, this.spark.engine.fileScanPlan(this.fmt, ps, { ...this.opts }, this.userSchema));
  }

  json(...paths: Array<string | string[]>): DataFrame { return this.format('json').load(...paths); }
  csv(...paths: Array<string | string[]>): DataFrame { return this.format('csv').load(...paths); }
  parquet(...paths: Array<string | string[]>): DataFrame { return this.format('parquet').load(...paths); }
  text(...paths: Array<string | string[]>): DataFrame { return this.format('text').load(...paths); }
  table(name: string): DataFrame { return this.spark.table(name); }
}
