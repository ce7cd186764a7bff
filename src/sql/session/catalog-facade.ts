// spark.catalog: Spark's Catalog API over the session catalog (temp views).
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
  isCached(name: string): boolean { return this.spark.engine.isCached(this.spark.table(name).plan); }
  cacheTable(name: string): void { this.spark.table(name).cache(); }
  uncacheTable(name: string): void { this.spark.table(name).unpersist(); }
  clearCache(): void { this.spark.engine.clearCache(); }
}
