// SparkConf: string key/values with typed getters through the registry. Precedence is applied by whoever builds it:
// code > --conf / CLI flags > conf/tsspark-defaults.conf > registry defaults.
import { CONF_REGISTRY } from './config-registry.js';
import { parseBool, parseBytes, parseDuration } from './conf-values.js';
import { TsSparkError } from './errors.js';

export class SparkConf {
  private readonly values = new Map<string, string>();

  constructor(initial?: Iterable<readonly [string, string]> | Readonly<Record<string, string | number | boolean>>) {
    if (initial) this.setAll(initial);
  }

  set(key: string, value: string | number | boolean): this {
    this.values.set(key, String(value));
    return this;
  }

  setIfMissing(key: string, value: string | number | boolean): this {
    if (!this.values.has(key)) this.values.set(key, String(value));
    return this;
  }

  setAll(entries: Iterable<readonly [string, string]> | Readonly<Record<string, string | number | boolean>>): this {
    const it = Symbol.iterator in entries ? (entries as Iterable<readonly [string, string]>) : Object.entries(entries);
    for (const [k, v] of it) this.set(k, v as string);
    return this;
  }

  setMaster(m: string): this { return this.set('spark.master', m); }
  setAppName(n: string): this { return this.set('spark.app.name', n); }

  has(key: string): boolean { return this.values.has(key); }

  /** The value set, else the registry default, else `fallback`. */
  get(key: string, fallback?: string): string | undefined {
    return this.values.get(key) ?? CONF_REGISTRY.get(key)?.default ?? fallback;
  }

  getString(key: string): string {
    const v = this.get(key);
    if (v === undefined) throw new TsSparkError('INVALID_CONFIG', `${key} is not set`);
    return v;
  }

  getInt(key: string, fallback?: number): number {
    const v = this.get(key);
    if (v === undefined) {
      if (fallback === undefined) throw new TsSparkError('INVALID_CONFIG', `${key} is not set`);
      return fallback;
    }
    const n = Number(v);
    if (!Number.isInteger(n)) throw new TsSparkError('INVALID_CONFIG', `${key}: expected an integer, got '${v}'`);
    return n;
  }

  getDouble(key: string, fallback?: number): number {
    const v = this.get(key);
    if (v === undefined) return fallback ?? NaN;
    const n = Number(v);
    if (Number.isNaN(n)) throw new TsSparkError('INVALID_CONFIG', `${key}: expected a number, got '${v}'`);
    return n;
  }

  getBool(key: string, fallback = false): boolean {
    const v = this.get(key);
    return v === undefined ? fallback : parseBool(v, key);
  }

  getBytes(key: string, fallback?: number): number {
    const v = this.get(key);
    return v === undefined ? (fallback ?? 0) : parseBytes(v, key);
  }

  getDurationMs(key: string, fallback?: number): number {
    const v = this.get(key);
    return v === undefined ? (fallback ?? 0) : parseDuration(v, key);
  }

  /** Explicitly set entries, sorted by key. */
  getAll(): Array<[string, string]> {
    return [...this.values.entries()].sort((a, b) => a[0].localeCompare(b[0]));
  }

  clone(): SparkConf {
    return new SparkConf(this.values);
  }

  toRecord(): Record<string, string> {
    return Object.fromEntries(this.values);
  }
}
