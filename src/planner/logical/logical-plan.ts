// Logical plans: the analyzer's output and the optimizer's input. Every node's output is a list of attributes
// (schema-of.ts); expressions refer to inputs by attribute id.
import type { Attribute, Expression, NamedExpression, SortOrder } from '../expr/expression.js';
import type { StructType } from '../../sql/types/data-type.js';
import type { ColumnBatch } from '../../sql/batch/column-batch.js';

export type JoinType = 'inner' | 'cross' | 'left_outer' | 'right_outer' | 'full_outer' | 'left_semi' | 'left_anti';

/** What a file scan reads; the reader owns the format's options. */
export interface FileSource {
  readonly format: 'parquet' | 'json' | 'csv' | 'text';
  readonly paths: readonly string[];
  readonly options: Readonly<Record<string, string>>;
  /** The full schema of the files (given by the user or inferred at analysis time). */
  readonly schema: StructType;
}

export type LogicalPlan =
  | { readonly kind: 'file_scan'; readonly source: FileSource; readonly output: readonly Attribute[]; readonly filters: readonly Expression[] }
  | { readonly kind: 'local_relation'; readonly output: readonly Attribute[]; readonly batches: readonly ColumnBatch[] }
  | { readonly kind: 'range'; readonly start: number; readonly end: number; readonly step: number; readonly numPartitions?: number; readonly output: readonly [Attribute] }
  /** An RDD of rows (spark.createDataFrame(rdd)): elements are objects keyed by column name or arrays. */
  | { readonly kind: 'rdd_scan'; readonly rddId: number; readonly output: readonly Attribute[] }
  | { readonly kind: 'project'; readonly input: LogicalPlan; readonly items: readonly NamedExpression[] }
  | { readonly kind: 'filter'; readonly input: LogicalPlan; readonly condition: Expression }
  | { readonly kind: 'aggregate'; readonly input: LogicalPlan; readonly groupBy: readonly Expression[]; readonly items: readonly NamedExpression[] }
  | { readonly kind: 'join'; readonly left: LogicalPlan; readonly right: LogicalPlan; readonly type: JoinType; readonly condition?: Expression; readonly hint?: 'broadcast' }
  | { readonly kind: 'sort'; readonly input: LogicalPlan; readonly order: readonly SortOrder[]; readonly global: boolean }
  | { readonly kind: 'limit'; readonly input: LogicalPlan; readonly limit: number; readonly offset: number }
  | { readonly kind: 'union'; readonly inputs: readonly LogicalPlan[]; readonly output: readonly Attribute[] }
  | { readonly kind: 'intersect' | 'except'; readonly left: LogicalPlan; readonly right: LogicalPlan; readonly all: boolean }
  | { readonly kind: 'distinct'; readonly input: LogicalPlan }
  | { readonly kind: 'window'; readonly input: LogicalPlan; readonly items: readonly NamedExpression[] }
  /** Grouping sets: each projection produces one copy of every input row (Spark's Expand). */
  | { readonly kind: 'expand'; readonly input: LogicalPlan; readonly projections: readonly (readonly Expression[])[]; readonly output: readonly Attribute[] }
  /** explode/posexplode/inline: one output row per element. */
  | { readonly kind: 'generate'; readonly input: LogicalPlan; readonly generator: Expression; readonly outer: boolean; readonly position: boolean; readonly generatorOutput: readonly Attribute[] }
  | { readonly kind: 'repartition'; readonly input: LogicalPlan; readonly numPartitions?: number; readonly exprs: readonly Expression[]; readonly shuffle: boolean }
  /** A cached plan: reads the cached batches when present, else computes and caches. */
  | { readonly kind: 'cached'; readonly input: LogicalPlan; readonly cacheId: number };

export type { Attribute, Expression, NamedExpression, SortOrder };
