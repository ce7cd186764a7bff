// spark.catalog: Spark's Catalog API over the session catalog (temp views).
import type { LogicalPlan } from '../../planner/logical/logical-plan.js';
import { splitName } from './column.js';
import type { SparkSession } from './spark-session.js';

export interface TableInfo {
  readonly name: string;
  readonly catalog: string | null;
  readonly namespace: string[] | null;
  readonly description: string | null;
  readonly tableType: string;
  readonly isTemporary: boolean;
}

export class CatalogFacade {
  constructor(private readonly spark: SparkSession) {}

  listTables(): TableInfo[] {
    return this.spark.catalogImpl.listTables().map((t) => ({ name: t.name, catalog: null, namespace: null, description: null, tableType: 'TEMPORARY', isTemporary: true }));
  }
  tableExists(name: string): boolean { return this.spark.catalogImpl.tableExists(name); }
  dropTempView(name: string): boolean { return this.spark.catalogImpl.dropTempView(name); }
  currentDatabase(): string { return 'default'; }
  /** The cache is keyed by the view's own plan, which every reference to the view (SQL or spark.table) contains. */
  isCached(name: string): boolean { return this.spark.engine.isCached(this.viewPlan(name)); }
  cacheTable(name: string): void { this.spark.engine.cache(this.viewPlan(name)); }
  uncacheTable(name: string): void { this.spark.engine.uncache(this.viewPlan(name)); }
  clearCache(): void { this.spark.engine.clearCache(); }

  private viewPlan(name: string): LogicalPlan {
    const parts = splitName(name);
    const plan = parts.length === 1 ? this.spark.catalogImpl.getTempView(parts[0]!) : undefined;
    if (plan === undefined) throw this.spark.catalogImpl.tableNotFound(parts);
    return plan;
  }
}
