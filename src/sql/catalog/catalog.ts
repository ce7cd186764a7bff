// The session catalog: temporary views (name -> analyzed plan, names case-insensitive as Spark stores them
// lower-cased), relation lookup for the analyzer, and file tables (parquet.`path`) with inferred schemas.
import type { FileSource, LogicalPlan } from '../../planner/logical/logical-plan.js';
import { reIdPlan } from '../../planner/logical/re-id.js';
import { newExprId } from '../../planner/logical/expr-ids.js';
import type { StructType } from '../types/data-type.js';
import { analysisError, quoteId, quoteParts, suggest, tableNotFound } from '../analyzer/errors.js';
import type { TsSparkError } from '../../common/errors.js';
import { inferFileSchema } from './source-adapter.js';

/** Spark's pyspark.sql.catalog.Table. */
export interface TableInfo {
  readonly name: string;
  readonly catalog: string | null;
  readonly namespace: readonly string[] | null;
  readonly database: string | null;
  readonly description: string | null;
  readonly tableType: 'TEMPORARY';
  readonly isTemporary: boolean;
}

export type InferSchema = (format: FileSource['format'], paths: readonly string[], options: Readonly<Record<string, string>>) => StructType;

const fileFormats: ReadonlySet<string> = new Set(['parquet', 'json', 'csv', 'text']);

export class Catalog {
  private readonly views = new Map<string, LogicalPlan>();
  private currentDb = 'default';
  private readonly inferSchema: InferSchema;

  constructor(options: { readonly inferSchema?: InferSchema } = {}) {
    this.inferSchema = options.inferSchema ?? inferFileSchema;
  }

  get currentDatabase(): string {
    return this.currentDb;
  }

  setCurrentDatabase(name: string): void {
    if (name.toLowerCase() !== 'default') {
      throw analysisError('SCHEMA_NOT_FOUND', '42704', { schemaName: quoteParts(['spark_catalog', name]) },
        `The schema ${quoteParts(['spark_catalog', name])} cannot be found. Verify the spelling and correctness of the schema and catalog.`);
    }
    this.currentDb = 'default';
  }

  createOrReplaceTempView(name: string, plan: LogicalPlan): void {
    this.views.set(name.toLowerCase(), plan);
  }

  /** Fails with TEMP_TABLE_OR_VIEW_ALREADY_EXISTS when the name is taken (df.createTempView). */
  createTempView(name: string, plan: LogicalPlan): void {
    if (this.views.has(name.toLowerCase())) {
      const relationName = quoteParts([name]);
      throw analysisError('TEMP_TABLE_OR_VIEW_ALREADY_EXISTS', '42P07', { relationName },
        `Cannot create the temporary view ${relationName} because it already exists.\n` +
        'Choose a different name, drop or replace the existing view,  or add the IF NOT EXISTS clause to tolerate pre-existing views.');
    }
    this.createOrReplaceTempView(name, plan);
  }

  /** true when a view was dropped. */
  dropTempView(name: string): boolean {
    return this.views.delete(name.toLowerCase());
  }

  tableExists(name: string): boolean {
    return this.views.has(name.toLowerCase());
  }

  /** The view's plan as stored (same ids every time); lookupRelation gives fresh ids. */
  getTempView(name: string): LogicalPlan | undefined {
    return this.views.get(name.toLowerCase());
  }

  listTables(): TableInfo[] {
    return [...this.views.keys()].sort().map((name) => ({
      name, catalog: null, namespace: [], database: null, description: null, tableType: 'TEMPORARY', isTemporary: true,
    }));
  }

  /** A relation by its (possibly qualified) name, with fresh expression ids so two references never share ids. */
  lookupRelation(nameParts: readonly string[]): LogicalPlan {
    const plan = nameParts.length === 1 ? this.views.get(nameParts[0]!.toLowerCase()) : undefined;
    if (!plan) throw this.tableNotFound(nameParts);
    return reIdPlan(plan);
  }

  /**
   * Spark 3.5's TABLE_OR_VIEW_NOT_FOUND, plus (tsspark's addition) the closest temp view names, as Spark suggests
   * columns: `Did you mean one of the following? [`people`]`, ordered by edit distance, at most five.
   */
  tableNotFound(nameParts: readonly string[]): TsSparkError {
    const err = tableNotFound(nameParts);
    const candidates = suggest(nameParts[nameParts.length - 1]!, [...this.views.keys()]).map(quoteId);
    if (candidates.length === 0) return err;
    const text = err.message.slice('[TABLE_OR_VIEW_NOT_FOUND] '.length);
    return analysisError('TABLE_OR_VIEW_NOT_FOUND', '42P01', { relationName: quoteParts(nameParts) },
      `${text}\nDid you mean one of the following? [${candidates.join(', ')}].`, { candidates });
  }

  isFileFormat(format: string): boolean {
    return fileFormats.has(format.toLowerCase());
  }

  /** parquet.`/path`: a file scan over the inferred schema. */
  resolveFileTable(format: string, path: string, options: Readonly<Record<string, string>> = {}): LogicalPlan {
    const fmt = format.toLowerCase();
    if (!fileFormats.has(fmt)) {
      throw analysisError('UNSUPPORTED_DATASOURCE_FOR_DIRECT_QUERY', '0A000', { dataSourceType: format },
        `Unsupported data source type for direct query on files: ${format}`);
    }
    const f = fmt as FileSource['format'];
    const schema = this.inferSchema(f, [path], options);
    const output = schema.fields.map((fl) => ({ kind: 'attr' as const, id: newExprId(), name: fl.name, type: fl.type, nullable: fl.nullable }));
    return { kind: 'file_scan', source: { format: f, paths: [path], options, schema }, output, filters: [] };
  }
}
