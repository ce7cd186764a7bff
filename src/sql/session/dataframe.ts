// DataFrame: Spark's Dataset[Row] API over a logical plan. Transformations resolve through the analyzer and
// return new DataFrames synchronously; actions run the plan through the scheduler and return Promises.
import { DRIVER_ONLY } from '../../rdd/rdd-context.js';
import type { RDD } from '../../rdd/rdd.js';
import type { Table } from 'apache-arrow';
import { TsSparkError } from '../../common/errors.js';
import type { JoinType, LogicalPlan } from '../../planner/logical/logical-plan.js';
import { outputOf } from '../../planner/logical/index.js';
import type { GroupingElement, SelectItem } from '../parser/ast.js';
import { parseExpression } from '../parser/index.js';
import { simpleString, typeName, type StructType } from '../types/data-type.js';
import { colExpr, Column, splitName, type ColumnLike } from './column.js';
import { DataFrameNaFunctions } from './na-functions.js';
import { GroupedData } from './grouped-data.js';
import type { SparkSession } from './spark-session.js';
import { DataFrameWriter } from './dataframe-writer.js';
import { renderTreeString } from './print-schema.js';
import { parseSelectItem } from './select-expr.js';
import { formatExplain } from './explain-formatted.js';

export type Row = Record<string, unknown>;
export interface ShowOptions { readonly n?: number; readonly truncate?: boolean | number; readonly vertical?: boolean }
export type JoinHow = 'inner' | 'cross' | 'outer' | 'full' | 'fullouter' | 'full_outer' | 'left' | 'leftouter' | 'left_outer'
  | 'right' | 'rightouter' | 'right_outer' | 'semi' | 'leftsemi' | 'left_semi' | 'anti' | 'leftanti' | 'left_anti';

export class DataFrame {
  readonly [DRIVER_ONLY] = true;

  /** `description`: the SQL text for spark.sql() results (shown as the SQL execution in the UI). */
  constructor(readonly sparkSession: SparkSession, readonly plan: LogicalPlan, readonly description?: string) {}

  private get analyzer() { return this.sparkSession.analyzer; }
  private derive(plan: LogicalPlan): DataFrame { return new DataFrame(this.sparkSession, plan); }

  // ---- schema
  get schema(): StructType { return this.sparkSession.engine.schemaOf(this.plan); }
  get columns(): string[] { return this.schema.fields.map((f) => f.name); }
  get dtypes(): Array<[string, string]> { return this.schema.fields.map((f) => [f.name, simpleString(f.type)]); }
  printSchema(): void { process.stdout.write(this.schemaTreeString()); }
  /**
   * df.col(name) / df.apply(name): a column of this DataFrame, qualified by its alias or table name when it has one
   * (so a.col('id').equalTo(b.col('id')) tells aliased or distinct tables' columns apart); checked now, as Spark.
   */
  col(name: string): Column {
    if (name === '*') return new Column(colExpr('*'));
    const parts = splitName(name);
    const out = outputOf(this.plan);
    const a = parts.length === 1 ? out.find((x) => x.name.toLowerCase() === parts[0]!.toLowerCase()) : undefined;
    if (a?.qualifier !== undefined && a.qualifier.length > 0) return new Column({ kind: 'column', parts: [...a.qualifier, a.name] });
    if (a === undefined && parts.length === 1) {
      throw new TsSparkError('ANALYSIS_ERROR', `[UNRESOLVED_COLUMN.WITH_SUGGESTION] A column or function parameter with name \`${name}\` cannot be resolved. Did you mean one of the following? [${out.map((x) => `\`${x.name}\``).join(', ')}].`,
        { details: { errorClass: 'UNRESOLVED_COLUMN.WITH_SUGGESTION', candidates: out.map((x) => `\`${x.name}\``) } });
    }
    return new Column(colExpr(name));
  }
  apply(name: string): Column { return this.col(name); }
  schemaTreeString(): string { return renderTreeString(this.schema, typeName); }

  // ---- projections and filters
  select(...cols: Array<ColumnLike | ColumnLike[]>): DataFrame {
    return this.derive(this.analyzer.select(this.plan, cols.flat().map(selectItem)));
  }
  selectExpr(...exprs: string[]): DataFrame {
    return this.derive(this.analyzer.select(this.plan, exprs.flat().map(parseSelectItem)));
  }
  filter(condition: Column | string): DataFrame {
    return this.derive(this.analyzer.filter(this.plan, typeof condition === 'string' ? parseExpression(condition) : condition.expr));
  }
  where(condition: Column | string): DataFrame { return this.filter(condition); }
  withColumn(name: string, c: Column): DataFrame { return this.derive(this.analyzer.withColumns(this.plan, [name], [c.expr])); }
  withColumns(cols: Record<string, Column>): DataFrame {
    return this.derive(this.analyzer.withColumns(this.plan, Object.keys(cols), Object.values(cols).map((c) => c.expr)));
  }
  withColumnRenamed(existing: string, renamed: string): DataFrame { return this.derive(this.analyzer.withColumnRenamed(this.plan, existing, renamed)); }
  drop(...cols: Array<string | Column>): DataFrame {
    const names = cols.map((c) => (typeof c === 'string' ? c : c.expr.kind === 'column' ? c.expr.parts[c.expr.parts.length - 1]! : ''));
    return this.derive(this.analyzer.drop(this.plan, names.filter(Boolean)));
  }
  alias(name: string): DataFrame { return this.derive(this.analyzer.alias(this.plan, name)); }
  as(name: string): DataFrame { return this.alias(name); }
  toDF(...names: string[]): DataFrame {
    const cols = this.columns;
    if (names.length !== cols.length) throw new TsSparkError('ANALYSIS_ERROR', `The number of columns doesn't match. Old column names (${cols.length}): ${cols.join(', ')}; new column names (${names.length}): ${names.join(', ')}`);
    return this.select(...cols.map((c, i) => new Column(colExpr(c)).alias(names[i]!)));
  }

  // ---- aggregation
  groupBy(...cols: Array<ColumnLike | ColumnLike[]>): GroupedData {
    return new GroupedData(this, cols.flat().map((c): GroupingElement => ({ kind: 'expr', expr: colExpr(c) })));
  }
  groupby(...cols: Array<ColumnLike | ColumnLike[]>): GroupedData { return this.groupBy(...cols); }
  rollup(...cols: ColumnLike[]): GroupedData { return new GroupedData(this, [{ kind: 'rollup', items: cols.map(colExpr) }]); }
  cube(...cols: ColumnLike[]): GroupedData { return new GroupedData(this, [{ kind: 'cube', items: cols.map(colExpr) }]); }
  agg(...exprs: Array<Column | Record<string, string>>): DataFrame { return this.groupBy().agg(...exprs); }

  // ---- joins and set operations
  join(other: DataFrame, on?: string | string[] | Column, how: JoinHow = 'inner'): DataFrame {
    const type = joinType(how);
    const cond = on === undefined ? undefined : on instanceof Column ? on.expr : typeof on === 'string' ? [on] : on;
    return this.derive(this.analyzer.join(this.plan, other.plan, type, cond));
  }
  crossJoin(other: DataFrame): DataFrame { return this.derive(this.analyzer.join(this.plan, other.plan, 'cross', undefined)); }
  union(other: DataFrame): DataFrame { return this.derive(this.analyzer.setOp('union', this.plan, other.plan, true, false)); }
  unionAll(other: DataFrame): DataFrame { return this.union(other); }
  unionByName(other: DataFrame, allowMissingColumns = false): DataFrame {
    return this.derive(this.analyzer.setOp('union', this.plan, other.plan, true, true, allowMissingColumns));
  }
  intersect(other: DataFrame): DataFrame { return this.derive(this.analyzer.setOp('intersect', this.plan, other.plan, false, false)); }
  intersectAll(other: DataFrame): DataFrame { return this.derive(this.analyzer.setOp('intersect', this.plan, other.plan, true, false)); }
  exceptAll(other: DataFrame): DataFrame { return this.derive(this.analyzer.setOp('except', this.plan, other.plan, true, false)); }
  subtract(other: DataFrame): DataFrame { return this.derive(this.analyzer.setOp('except', this.plan, other.plan, false, false)); }
  distinct(): DataFrame { return this.derive(this.analyzer.distinct(this.plan)); }
  dropDuplicates(cols?: string[]): DataFrame { return this.derive(this.analyzer.dropDuplicates(this.plan, cols)); }
  drop_duplicates(cols?: string[]): DataFrame { return this.dropDuplicates(cols); }

  // ---- ordering and limits
  orderBy(...cols: Array<ColumnLike | ColumnLike[]>): DataFrame {
    return this.derive(this.analyzer.sort(this.plan, cols.flat().map((c) => (c instanceof Column ? c : new Column(colExpr(c))).toSortItem()), true));
  }
  sort(...cols: Array<ColumnLike | ColumnLike[]>): DataFrame { return this.orderBy(...cols); }
  sortWithinPartitions(...cols: ColumnLike[]): DataFrame {
    return this.derive(this.analyzer.sort(this.plan, cols.map((c) => (c instanceof Column ? c : new Column(colExpr(c))).toSortItem()), false));
  }
  limit(n: number): DataFrame { return this.derive(this.analyzer.limit(this.plan, n)); }
  offset(n: number): DataFrame { return this.derive(this.analyzer.limit(this.plan, -1, n)); }

  // ---- partitioning and caching
  repartition(numPartitions: number | ColumnLike, ...cols: ColumnLike[]): DataFrame {
    const n = typeof numPartitions === 'number' ? numPartitions : undefined;
    const names = (typeof numPartitions === 'number' ? cols : [numPartitions, ...cols]);
    return this.derive(repartitionPlan(this.plan, n, names, true));
  }
  coalesce(numPartitions: number): DataFrame { return this.derive(repartitionPlan(this.plan, numPartitions, [], false)); }
  cache(): this { this.sparkSession.engine.cache(this.plan); return this; }
  persist(): this { return this.cache(); }
  unpersist(): this { this.sparkSession.engine.uncache(this.plan); return this; }

  get na(): DataFrameNaFunctions { return new DataFrameNaFunctions(this); }
  fillna(value: Parameters<DataFrameNaFunctions['fill']>[0], subset?: string | readonly string[]): DataFrame { return this.na.fill(value, subset); }
  dropna(how: Parameters<DataFrameNaFunctions['drop']>[0] = 'any', thresh?: number, subset?: string | readonly string[]): DataFrame { return this.na.drop(how, thresh, subset); }
  describe(...cols: string[]): DataFrame { return this.derive(this.analyzer.describe(this.plan, cols.flat())); }
  createOrReplaceTempView(name: string): void { this.sparkSession.catalogImpl.createOrReplaceTempView(name, this.plan); }
  createTempView(name: string): void { this.sparkSession.catalogImpl.createTempView(name, this.plan); }

  // ---- actions
  async collect(): Promise<Row[]> { return this.sparkSession.engine.collectRows(this.plan, this.description); }
  async take(n: number): Promise<Row[]> { return this.limit(n).collect(); }
  async head(n?: number): Promise<Row[] | Row | undefined> { return n === undefined ? (await this.take(1))[0] : this.take(n); }
  async first(): Promise<Row | undefined> { return (await this.take(1))[0]; }
  async count(): Promise<number> { return this.sparkSession.engine.count(this.plan); }
  async isEmpty(): Promise<boolean> { return (await this.take(1)).length === 0; }
  async toArrow(): Promise<Table> { return this.sparkSession.engine.toArrow(this.plan); }
  /** show(n = 20, truncate = true, vertical = false), or show({ n, truncate, vertical }) as PySpark's keywords. */
  async show(n: number | ShowOptions = 20, truncate: boolean | number = true, vertical = false): Promise<void> {
    process.stdout.write(await this.showString(n, truncate, vertical));
  }
  showString(n: number | ShowOptions = 20, truncate: boolean | number = true, vertical = false): Promise<string> {
    const o: ShowOptions = typeof n === 'object' ? n : { n, truncate, vertical };
    return this.sparkSession.engine.showString(this.plan, o.n ?? 20, o.truncate ?? true, o.vertical ?? false, this.description);
  }
  explain(mode: boolean | 'simple' | 'extended' | 'formatted' | 'codegen' | 'cost' = 'simple'): void {
    const m = mode === true ? 'extended' : mode === false ? 'simple' : mode;
    const text = m === 'formatted' ? formatExplain(this.sparkSession.engine.explain(this.plan, 'simple')) : this.sparkSession.engine.explain(this.plan, m);
    process.stdout.write(`${text}\n`);
  }
  get write(): DataFrameWriter { return new DataFrameWriter(this); }
  /** Spark's Dataset.rdd: the rows as an RDD, built lazily (nothing runs until an action on it). */
  get rdd(): RDD<Row> { return this.sparkSession.engine.toRdd(this.plan); }
  toString(): string { return `DataFrame[${this.dtypes.map(([n, t]) => `${n}: ${t}`).join(', ')}]`; }
}

function selectItem(c: ColumnLike): SelectItem {
  const expr = colExpr(c);
  if (expr.kind === 'alias') return { expr: expr.expr, alias: expr.name };
  return { expr };
}

function joinType(how: JoinHow): JoinType {
  switch (how.toLowerCase()) {
    case 'inner': return 'inner';
    case 'cross': return 'cross';
    case 'outer': case 'full': case 'fullouter': case 'full_outer': return 'full_outer';
    case 'left': case 'leftouter': case 'left_outer': return 'left_outer';
    case 'right': case 'rightouter': case 'right_outer': return 'right_outer';
    case 'semi': case 'leftsemi': case 'left_semi': return 'left_semi';
    case 'anti': case 'leftanti': case 'left_anti': return 'left_anti';
    default:
      throw new TsSparkError('INVALID_ARGUMENT', `Unsupported join type '${how}'. Supported join types include: 'inner', 'outer', 'full', 'fullouter', 'full_outer', 'leftouter', 'left', 'left_outer', 'rightouter', 'right', 'right_outer', 'leftsemi', 'left_semi', 'semi', 'leftanti', 'left_anti', 'anti', 'cross'.`);
  }
}

/** repartition(n, cols…) / coalesce(n): columns are named (as Spark's repartition(col…) over existing columns). */
function repartitionPlan(plan: LogicalPlan, n: number | undefined, cols: readonly ColumnLike[], shuffle: boolean): LogicalPlan {
  const out = outputOf(plan);
  const exprs = cols.map((c) => {
    const name = typeof c === 'string' ? c : c.expr.kind === 'column' ? c.expr.parts[c.expr.parts.length - 1]! : '';
    const a = out.find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (!a) throw new TsSparkError('ANALYSIS_ERROR', `[UNRESOLVED_COLUMN.WITH_SUGGESTION] A column or function parameter with name \`${name}\` cannot be resolved. Did you mean one of the following? [${out.map((x) => `\`${x.name}\``).join(', ')}].`);
    return a;
  });
  return { kind: 'repartition', input: plan, ...(n === undefined ? {} : { numPartitions: n }), exprs, shuffle };
}
