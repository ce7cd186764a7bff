// The session's bridge from DataFrames to execution: runs logical plans through the SQL executor (as jobs on the
// core scheduler), turns result batches into rows, Arrow tables and show() text, plans file scans and writes,
// and keeps the DataFrame cache.
import type { Table } from 'apache-arrow';
import { TsSparkError } from '../../common/errors.js';
import type { LogicalPlan } from '../../planner/logical/logical-plan.js';
import { displayPlan, newExprId, outputOf, planChildren, schemaOf, withPlanChildren } from '../../planner/logical/index.js';
import type { Attribute } from '../../planner/expr/expression.js';
import { valueToJs } from '../../planner/expr/index.js';
import type { RDD } from '../../rdd/rdd.js';
import type { ColumnBatch } from '../batch/column-batch.js';
import { rawValueAt } from '../batch/column-batch.js';
import { explainPlans, physicalPlanOf, type ExecutionContext, type ExplainMode } from '../execution/index.js';
import { toRdd } from '../execution/to-rdd.js';
import { ExecutionMetrics, type MetricsHook } from '../execution/execution-metrics.js';
import { metricsFor } from '../execution/sql-metrics.js';
import { sqlPlanGraph, type SqlPlanGraph } from '../execution/sql-plan-graph.js';
import { displayPhysical, parseBytes } from '../../planner/physical/index.js';
import { parseTableSchema } from '../parser/index.js';
import { showString } from '../show/index.js';
import { inferSchema } from '../sources/index.js';
import { commitWriteJob, setupWriteJob, writeTask, type SaveMode } from '../sources/index.js';
import type { StructType } from '../types/data-type.js';
import { batchesToArrow } from './arrow-out.js';
import { dataToPlan } from './data-to-plan.js';
import { planKey } from './plan-key.js';
import { evaluateScalarSubqueries, hasScalarSubqueries } from './scalar-subqueries.js';
import { lazyPhysicalPlan, syncLineage } from './sync-lineage.js';
import { structFromSchemaAst } from './schema-from-ast.js';
import type { SparkSession } from './spark-session.js';
import type { Row } from './dataframe.js';

export interface WriteRequest {
  readonly format: 'parquet' | 'json' | 'csv' | 'text';
  readonly path: string;
  readonly mode: SaveMode;
  readonly options: Readonly<Record<string, string>>;
  readonly partitionBy: readonly string[];
}

let nextExecutionId = 0;

export class SqlEngine {
  /** RDDs behind createDataFrame(rdd) plans, and persisted RDDs of cached DataFrames (by cache id). */
  private readonly sqlRdds = new Map<number, RDD<ColumnBatch>>();
  private readonly cacheRdds = new Map<number, RDD<ColumnBatch>>();

  constructor(private readonly spark: SparkSession) {}

  get context(): ExecutionContext {
    return { sc: this.spark.sparkContext as unknown as ExecutionContext['sc'], conf: this.spark.conf };
  }

  schemaOf(plan: LogicalPlan): StructType { return schemaOf(plan); }

  /** Runs a plan and returns its result batches (on the driver). */
  async run(plan: LogicalPlan, description = 'DataFrame action'): Promise<ColumnBatch[]> {
    return this.tracked(plan, description, async (hook) => (await this.batchesRdd(plan, hook)).collect());
  }

  /**
   * Runs `work` as one SQL execution for the UI: sql-execution-start with the physical plan and its graph, then
   * -end with the jobs started meanwhile (a job belongs to the execution running when it started). The plan `work`
   * hands to the hook reports operator metrics (ExecutionMetrics) until just before -end.
   */
  private async tracked<R>(plan: LogicalPlan, description: string, work: (hook: MetricsHook) => Promise<R>): Promise<R> {
    const bus = this.spark.sparkContext.statusBus;
    const executionId = nextExecutionId++;
    let physical = '';
    let graph: SqlPlanGraph | undefined;
    try {
      const p = physicalPlanOf(this.context, this.withCache(plan));
      physical = displayPhysical(p);
      graph = sqlPlanGraph(p);
    } catch {
      // planning errors surface from `work` itself
    }
    bus.post({ kind: 'sql-execution-start', executionId, description, physicalPlan: physical, time: Date.now(), ...(graph ? { graph } : {}) });
    const jobIds: number[] = [];
    const stop = bus.subscribe((e) => { if (e.kind === 'job-start') jobIds.push(e.jobId as number); });
    const metrics = new ExecutionMetrics(bus, this.context.sc, executionId, physical);
    const end = (error?: string): void => {
      metrics.close();
      bus.post({ kind: 'sql-execution-end', executionId, jobIds, time: Date.now(), ...(error !== undefined ? { error } : {}) });
    };
    // the join build sides this execution broadcast are destroyed when it ends (executors drop their copies)
    const runtimes: Array<{ broadcasts?: Array<{ destroy(): void }> }> = [];
    const hook: MetricsHook = (rt, executed) => { runtimes.push(rt as { broadcasts?: Array<{ destroy(): void }> }); metrics.hook(rt, executed); };
    const release = (): void => { for (const rt of runtimes) for (const b of rt.broadcasts?.splice(0) ?? []) b.destroy(); };
    try {
      const r = await work(hook);
      release();
      end();
      return r;
    } catch (e) {
      release();
      end((e as Error).message);
      throw e;
    } finally {
      stop();
    }
  }

  /** Rows of raw physical values (decimals unscaled, dates as days…), e.g. scalar subquery results. */
  async physicalRows(plan: LogicalPlan): Promise<unknown[][]> {
    const out: unknown[][] = [];
    for (const b of await this.run(plan)) {
      for (let i = 0; i < b.numRows; i++) out.push(b.columns.map((c) => rawValueAt(c, i)));
    }
    return out;
  }

  private async batchesRdd(plan: LogicalPlan, hook?: MetricsHook): Promise<RDD<ColumnBatch>> {
    const ready = await evaluateScalarSubqueries(this.withCache(plan), (p) => this.physicalRows(p));
    const physical = physicalPlanOf(this.context, ready);
    const rt = this.runtime();
    hook?.(rt, physical);
    const root = (await toRdd(rt, physical)) as RDD<ColumnBatch>;
    metricsFor(rt)?.lineage(root);
    return root;
  }

  async collectRows(plan: LogicalPlan, description?: string): Promise<Row[]> {
    const attrs = outputOf(plan);
    const batches = await this.run(plan, description);
    const rows: Row[] = [];
    for (const b of batches) {
      for (let i = 0; i < b.numRows; i++) {
        const row: Row = {};
        attrs.forEach((a, c) => { row[a.name] = valueToJs(rawValueAt(b.columns[c]!, i), a.type); });
        rows.push(row);
      }
    }
    return rows;
  }

  /** Rows as arrays of user-facing values, in column order (duplicate column names kept apart). */
  async collectValues(plan: LogicalPlan, description?: string): Promise<unknown[][]> {
    const attrs = outputOf(plan);
    const out: unknown[][] = [];
    for (const b of await this.run(plan, description)) {
      for (let i = 0; i < b.numRows; i++) out.push(attrs.map((a, c) => valueToJs(rawValueAt(b.columns[c]!, i), a.type)));
    }
    return out;
  }

  async count(plan: LogicalPlan): Promise<number> {
    const counted = this.spark.analyzer.aggregate(plan, [], [{ expr: { kind: 'function', name: ['count'], args: [{ kind: 'number', type: 'int', text: '1' }], distinct: false }, alias: 'count' }]);
    const [row] = await this.collectValues(counted);
    return Number(row?.[0] ?? 0);
  }

  async showString(plan: LogicalPlan, n: number, truncate: boolean | number, vertical: boolean, description?: string): Promise<string> {
    const limited = this.spark.analyzer.limit(plan, Math.max(0, n) + 1);
    const rows = await this.collectValues(limited, description);
    const zone = this.spark.conf.get('spark.sql.session.timeZone');
    return showString(schemaOf(plan), rows, n, truncate, vertical, rows.length > n, zone ? { timeZone: zone } : {});
  }

  explain(plan: LogicalPlan, mode: ExplainMode): string {
    return explainPlans(this.context, this.withCache(plan), mode, displayPlan);
  }

  async toArrow(plan: LogicalPlan): Promise<Table> {
    return batchesToArrow(schemaOf(plan), await this.run(plan));
  }

  /**
   * df.rdd: an RDD of rows (objects keyed by column name), built synchronously and lazily as Spark's Dataset.rdd —
   * planned job-free (sync-lineage.ts), so nothing runs until an action on the RDD.
   */
  toRdd(plan: LogicalPlan): RDD<Row> {
    if (hasScalarSubqueries(plan)) {
      throw new TsSparkError('UNSUPPORTED', 'df.rdd cannot build a plan with uncorrelated scalar subqueries lazily (they run as jobs first)', {
        hint: 'collect() the DataFrame, or join with the subquery instead',
      });
    }
    const attrs = outputOf(plan).map((a) => ({ name: a.name, type: a.type }));
    const batches = syncLineage(this.runtime(), lazyPhysicalPlan(this.context, this.withCache(plan)));
    return batches.flatMap((b) => {
      const rows: Row[] = [];
      for (let i = 0; i < b.numRows; i++) {
        const row: Row = {};
        attrs.forEach((a, c) => { row[a.name] = valueToJs(rawValueAt(b.columns[c]!, i), a.type); });
        rows.push(row);
      }
      return rows;
    });
  }

  // ---- building plans
  createPlan(data: unknown, schema?: StructType | string | readonly string[]): LogicalPlan {
    const struct = typeof schema === 'string' ? structFromSchemaAst(parseTableSchema(schema)) : schema;
    return dataToPlan(data, struct, (rdd) => this.sqlRdds.set(rdd.id, rdd));
  }

  fileScanPlan(format: 'parquet' | 'json' | 'csv' | 'text', paths: readonly string[], options: Record<string, string>, userSchema?: StructType | string): LogicalPlan {
    const schema = userSchema === undefined ? inferSchema(format, paths, options)
      : typeof userSchema === 'string' ? structFromSchemaAst(parseTableSchema(userSchema)) : userSchema;
    const output: Attribute[] = schema.fields.map((f) => ({ kind: 'attr', id: newExprId(), name: f.name, type: f.type, nullable: f.nullable }));
    return { kind: 'file_scan', source: { format, paths, options, schema }, output, filters: [] };
  }

  /** df.write…save(): every partition writes its part files on the executors, then the job commits. */
  async write(plan: LogicalPlan, req: WriteRequest): Promise<void> {
    const job = setupWriteJob({ format: req.format, path: req.path, mode: req.mode, options: req.options, partitionBy: req.partitionBy, schema: schemaOf(plan) });
    if (!job) return;
    const messages = await this.tracked(plan, `save ${req.format} ${req.path}`, async (hook) =>
      (await this.batchesRdd(plan, hook)).mapPartitionsWithIndex((i, it) => [writeTask(job, i, it)]).collect());
    commitWriteJob(job, messages);
  }

  // ---- caching
  /**
   * Cached plans by canonical key (planKey: ids normalised), so every reference to a cached view or table — each
   * with fresh ids — reads the same persisted partitions. An entry's index is its cache id; uncached entries stay
   * as holes so the other ids keep pointing at their RDDs.
   */
  private readonly cachedKeys: (string | undefined)[] = [];

  cache(plan: LogicalPlan): void {
    const key = planKey(plan);
    if (!this.cachedKeys.includes(key)) this.cachedKeys.push(key);
  }
  uncache(plan: LogicalPlan): void {
    const i = this.cachedKeys.indexOf(planKey(plan));
    if (i < 0) return;
    this.cachedKeys[i] = undefined;
    this.cacheRdds.get(i)?.unpersist();
    this.cacheRdds.delete(i);
  }
  isCached(plan: LogicalPlan): boolean { return this.cachedKeys.includes(planKey(plan)); }
  clearCache(): void {
    this.cachedKeys.fill(undefined);
    for (const r of this.cacheRdds.values()) r.unpersist();
    this.cacheRdds.clear();
  }

  /** Marks cached sub-plans so the executor computes them once (cached node ids index the cache). */
  private withCache(plan: LogicalPlan): LogicalPlan {
    if (!this.cachedKeys.some((k) => k !== undefined)) return plan;
    const sub = (p: LogicalPlan): LogicalPlan => {
      if (p.kind === 'cached') return p;
      const id = this.cachedKeys.indexOf(planKey(p));
      if (id >= 0) return { kind: 'cached', input: p, cacheId: id };
      const kids = planChildren(p);
      return kids.length > 0 ? withPlanChildren(p, kids.map(sub)) : p;
    };
    return sub(plan);
  }

  private runtime() {
    return {
      sc: this.context.sc,
      adaptive: (this.spark.conf.get('spark.sql.adaptive.enabled') ?? 'true') !== 'false',
      advisoryBytes: parseBytes(this.spark.conf.get('spark.sql.adaptive.advisoryPartitionSizeInBytes') ?? '64m'),
      minPartitionBytes: parseBytes(this.spark.conf.get('spark.sql.adaptive.coalescePartitions.minPartitionSize') ?? '1m'),
      parallelismFirst: (this.spark.conf.get('spark.sql.adaptive.coalescePartitions.parallelismFirst') ?? 'true') !== 'false',
      broadcastBytes: parseBytes(this.spark.conf.get('spark.sql.adaptive.autoBroadcastJoinThreshold') ?? this.spark.conf.get('spark.sql.autoBroadcastJoinThreshold') ?? '10m'),
      filesMaxPartitionBytes: parseBytes(this.spark.conf.get('spark.sql.files.maxPartitionBytes') ?? '128m'),
      filesOpenCostInBytes: parseBytes(this.spark.conf.get('spark.sql.files.openCostInBytes') ?? '4m'),
      rdds: this.sqlRdds,
      cache: this.cacheRdds,
      broadcasts: [] as Array<{ destroy(): void }>,
    };
  }
}

export function assertNever(x: never): never {
  throw new TsSparkError('INTERNAL', `unexpected ${String(x)}`);
}
