// SparkSession: the entry point of the SQL/DataFrame API. Owns the SparkContext, the catalog of temp views, the
// SQL conf and the analyzer; spark.sql() parses, analyzes and either returns a DataFrame (queries) or runs a
// command (SET, CREATE VIEW, SHOW TABLES…) and returns its result as a DataFrame, as Spark does.
import { DRIVER_ONLY } from '../../rdd/rdd-context.js';
import { activeContexts, createContext } from '../../common/active-context.js';
import type { SessionContext } from './session-context.js';
import type { RDD } from '../../rdd/rdd.js';
import type { Table } from 'apache-arrow';
import { Analyzer } from '../analyzer/index.js';
import { Catalog as CatalogImpl } from '../catalog/index.js';
import { parseStatement } from '../parser/index.js';
import type { StructType } from '../types/data-type.js';
import { DataFrame } from './dataframe.js';
import { splitName } from './column.js';
import { newExprId } from '../../planner/logical/index.js';
import type { Attribute } from '../../planner/expr/expression.js';
import { T } from '../types/data-type.js';
import { DataFrameReader } from './dataframe-reader.js';
import { CatalogFacade } from './catalog-facade.js';
import { RuntimeConfig } from './runtime-config.js';
import { SqlEngine } from './sql-engine.js';
import { runCommand } from './run-command.js';

const sessions = new Set<SparkSession>();

export class SparkSessionBuilder {
  private readonly options = new Map<string, string>();

  master(m: string): this { this.options.set('spark.master', m); return this; }
  appName(n: string): this { this.options.set('spark.app.name', n); return this; }
  config(key: string, value: string | number | boolean): this { this.options.set(key, String(value)); return this; }
  enableHiveSupport(): this { return this; }

  getOrCreate(): SparkSession {
    const live = [...sessions].find((s) => !s.sparkContext.isStopped);
    if (live) {
      for (const [k, v] of this.options) if (!k.startsWith('spark.master') && !k.startsWith('spark.app.name')) live.conf.set(k, v);
      return live;
    }
    const existing = activeContexts().find((c) => 'parallelize' in c) as SessionContext | undefined;
    const sc = existing ?? (createContext(Object.fromEntries(this.options)) as unknown as SessionContext);
    const s = new SparkSession(sc);
    for (const [k, v] of this.options) if (k.startsWith('spark.sql.')) s.conf.set(k, v);
    sessions.add(s);
    return s;
  }
}

export class SparkSession {
  readonly [DRIVER_ONLY] = true;
  readonly conf: RuntimeConfig;
  readonly catalogImpl: CatalogImpl;
  readonly analyzer: Analyzer;
  readonly engine: SqlEngine;
  readonly catalog: CatalogFacade;

  constructor(readonly sparkContext: SessionContext) {
    this.conf = new RuntimeConfig(sparkContext.conf);
    this.catalogImpl = new CatalogImpl();
    this.analyzer = new Analyzer(this.catalogImpl, this.conf);
    this.engine = new SqlEngine(this);
    this.catalog = new CatalogFacade(this);
  }

  static builder(): SparkSessionBuilder { return new SparkSessionBuilder(); }
  static get active(): SparkSession | undefined { return [...sessions].find((s) => !s.sparkContext.isStopped); }

  get version(): string { return '3.5.0'; }
  get read(): DataFrameReader { return new DataFrameReader(this); }

  sql(sqlText: string): DataFrame {
    const stmt = parseStatement(sqlText);
    const analyzed = this.analyzer.analyzeStatement(stmt);
    if (analyzed.kind === 'query') return new DataFrame(this, analyzed.plan, sqlText.trim());
    return runCommand(this, analyzed);
  }

  /** The table or view `name`, its columns qualified by the table name as Spark's (spark.table('t').col('id') is t.id). */
  table(name: string): DataFrame {
    const parts = splitName(name);
    return new DataFrame(this, this.analyzer.alias(this.catalogImpl.lookupRelation(parts), parts[parts.length - 1]!));
  }

  range(start: number, end?: number, step = 1, numPartitions?: number): DataFrame {
    const id: Attribute = { kind: 'attr', id: newExprId(), name: 'id', type: T.long, nullable: false };
    return new DataFrame(this, { kind: 'range', start: end === undefined ? 0 : start, end: end ?? start, step, ...(numPartitions === undefined ? {} : { numPartitions }), output: [id] });
  }

  createDataFrame(data: readonly unknown[] | RDD<unknown> | Table, schema?: StructType | string | readonly string[]): DataFrame {
    return new DataFrame(this, this.engine.createPlan(data, schema));
  }

  newSession(): SparkSession {
    const s = new SparkSession(this.sparkContext);
    sessions.add(s);
    return s;
  }

  async stop(): Promise<void> {
    sessions.delete(this);
    await this.sparkContext.stop();
  }
}
