// spark.conf: the session's runtime SQL configuration, backed by the SparkContext's conf (Spark's RuntimeConfig).
import { TsSparkError } from '../../common/errors.js';
import type { SparkConf } from '../../common/spark-conf.js';

const SQL_DEFAULTS: Record<string, string> = {
  'spark.sql.shuffle.partitions': '200',
  'spark.sql.ansi.enabled': 'false',
  'spark.sql.caseSensitive': 'false',
  'spark.sql.autoBroadcastJoinThreshold': '10485760',
  'spark.sql.adaptive.enabled': 'true',
  'spark.sql.adaptive.coalescePartitions.enabled': 'true',
  'spark.sql.adaptive.advisoryPartitionSizeInBytes': '64m',
  'spark.sql.session.timeZone': Intl.DateTimeFormat().resolvedOptions().timeZone,
};

export class RuntimeConfig {
  private readonly session = new Map<string, string>();

  constructor(private readonly base: SparkConf) {}

  /** The value set for `key`, else `fallback` when given (as Spark's conf.get(key, default)), else the SQL default. */
  get(key: string, fallback?: string): string | undefined {
    return this.session.get(key) ?? (this.base.has(key) ? this.base.get(key) : undefined) ?? fallback ?? SQL_DEFAULTS[key];
  }

  set(key: string, value: string | number | boolean): void {
    if (key === 'spark.master' || key === 'spark.app.name') throw new TsSparkError('ANALYSIS_ERROR', `[CANNOT_MODIFY_CONFIG] Cannot modify the value of the Spark config: "${key}".`);
    this.session.set(key, String(value));
  }

  unset(key: string): void { this.session.delete(key); }

  isModifiable(key: string): boolean { return key.startsWith('spark.sql.'); }

  getAll(): Record<string, string> {
    return { ...SQL_DEFAULTS, ...this.base.toRecord(), ...Object.fromEntries(this.session) };
  }
}
