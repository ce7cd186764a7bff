// Runs the same SQL on tsspark and on DuckDB (the oracle) over the same tables and compares the answers:
// unordered unless the query sorts, numbers within 1e-9 relative, dates/timestamps by instant.
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import * as ts from '../../../dist/index.js';

export interface OracleTable {
  readonly name: string;
  /** DDL column list, valid for both engines: "id INT, g STRING, x DOUBLE" (STRING becomes VARCHAR for DuckDB). */
  readonly schema: string;
  readonly rows: readonly (readonly unknown[])[];
}

export type OracleQuery = string | { readonly spark: string; readonly duckdb: string };

export class Oracle {
  private constructor(readonly spark: ts.SparkSession, private readonly duck: DuckDBConnection) {}

  static async create(tables: readonly OracleTable[]): Promise<Oracle> {
    const spark = ts.SparkSession.builder().master('local[2]').appName('sql-oracle').config('spark.ui.enabled', 'false').getOrCreate();
    spark.conf.set('spark.sql.shuffle.partitions', 4);
    const db = await DuckDBInstance.create(':memory:');
    const duck = await db.connect();
    for (const t of tables) {
      const names = t.schema.split(/,(?![^(]*\))/).map((c) => c.trim().split(/\s+/)[0]!);
      spark.createDataFrame(t.rows.map((r) => [...r]), t.schema).createOrReplaceTempView(t.name);
      await duck.run(`CREATE TABLE ${t.name} (${t.schema.replace(/\bSTRING\b/gi, 'VARCHAR')})`);
      if (t.rows.length > 0) {
        const values = t.rows.map((r) => `(${r.map(sqlLiteral).join(', ')})`).join(', ');
        await duck.run(`INSERT INTO ${t.name} (${names.join(', ')}) VALUES ${values}`);
      }
    }
    return new Oracle(spark, duck);
  }

  async compare(q: OracleQuery): Promise<{ ok: boolean; message: string }> {
    const sparkSql = typeof q === 'string' ? q : q.spark;
    const duckSql = typeof q === 'string' ? q : q.duckdb;
    let ours: unknown[][];
    try {
      const df = this.spark.sql(sparkSql);
      ours = await df.sparkSession.engine.collectValues(df.plan);
    } catch (e) {
      return { ok: false, message: `tsspark failed: ${(e as Error).message.split('\n')[0]}` };
    }
    const reader = await this.duck.runAndReadAll(duckSql);
    const theirs = reader.getRows().map((r) => r.map(fromDuck));
    const ordered = /\border\s+by\b/i.test(sparkSql.replace(/\([^()]*\)/g, ''));
    const a = ours.map(normalizeRow);
    const b = theirs.map(normalizeRow);
    if (!ordered) {
      a.sort(cmpRows);
      b.sort(cmpRows);
    }
    if (a.length !== b.length) return { ok: false, message: `row count ${a.length} vs DuckDB ${b.length}\nours: ${show(a)}\nduck: ${show(b)}` };
    for (let i = 0; i < a.length; i++) {
      if (!rowsEqual(a[i]!, b[i]!)) return { ok: false, message: `row ${i} differs\nours: ${show(a)}\nduck: ${show(b)}` };
    }
    return { ok: true, message: '' };
  }

  async close(): Promise<void> {
    this.duck.closeSync();
    await this.spark.stop();
  }
}

function sqlLiteral(v: unknown): string {
  if (v === null || v === undefined) return 'NULL';
  if (typeof v === 'string') return `'${v.replace(/'/g, "''")}'`;
  if (v instanceof Date) return `TIMESTAMP '${v.toISOString().replace('T', ' ').replace('Z', '')}'`;
  return String(v);
}

function fromDuck(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'object') {
    const s = String(v);
    if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return new Date(`${s}T00:00:00Z`);
    if (/^-?\d+(\.\d+)?$/.test(s)) return Number(s); // DECIMAL values
    if (/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}/.test(s)) return new Date(`${s.replace(' ', 'T')}Z`);
    return s;
  }
  return v;
}

type Norm = string | number | boolean | null;

function normalizeRow(r: readonly unknown[]): Norm[] {
  return r.map((v) => {
    if (v === null || v === undefined) return null;
    if (v instanceof Date) return `D${v.getTime()}`;
    if (typeof v === 'bigint') return Number(v);
    if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
    return JSON.stringify(v);
  });
}

function cmpRows(a: Norm[], b: Norm[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i] ?? null;
    const y = b[i] ?? null;
    if (x === y) continue;
    if (x === null) return -1;
    if (y === null) return 1;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    return String(x) < String(y) ? -1 : 1;
  }
  return a.length - b.length;
}

function rowsEqual(a: Norm[], b: Norm[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((x, i) => {
    const y = b[i] ?? null;
    if (typeof x === 'number' && typeof y === 'number') return x === y || Math.abs(x - y) <= 1e-9 * Math.max(Math.abs(x), Math.abs(y)) || (Number.isNaN(x) && Number.isNaN(y));
    if (typeof x === 'boolean' && typeof y === 'number') return Number(x) === y;
    return x === y;
  });
}

function show(rows: Norm[][]): string {
  const s = JSON.stringify(rows.slice(0, 8));
  return rows.length > 8 ? `${s}… (${rows.length} rows)` : s;
}
