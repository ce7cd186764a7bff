// Physical plans: plain-data operator trees (they ship inside RDD closures to executors). Expressions are BOUND to
// the input's column ordinals; `output` keeps the attributes for display and for binding parents. Exchanges mark
// where stages are cut.
import type { AggregateFunctionName, Attribute, Expression, SortOrder } from '../expr/expression.js';
import type { FileSource, JoinType } from '../logical/logical-plan.js';
import type { ColumnBatch } from '../../sql/batch/column-batch.js';
import type { DataType } from '../../sql/types/data-type.js';

/** One aggregate of a hash aggregate; args are bound to the aggregate's input (partial/complete mode). */
export interface AggSpec {
  readonly fn: AggregateFunctionName;
  readonly args: readonly Expression[];
  readonly distinct: boolean;
  readonly filter?: Expression;
  readonly ignoreNulls: boolean;
  readonly type: DataType;
  /** Display text, e.g. sum(v#2). */
  readonly text: string;
}

export type Partitioning =
  | { readonly kind: 'hash'; readonly keys: readonly Expression[]; readonly numPartitions: number }
  | { readonly kind: 'single' }
  | { readonly kind: 'round_robin'; readonly numPartitions: number }
  /** Global sort: bounds sampled from the input at run time (range-bounds.ts), then coalesced adaptively. */
  | { readonly kind: 'range'; readonly order: readonly SortOrder[]; readonly numPartitions: number };

/** A window function bound to the window operator's input. */
export interface WindowSpecBound {
  readonly fn: string;
  readonly aggregate?: AggSpec;
  readonly args: readonly Expression[];
  readonly frame: { readonly type: 'rows' | 'range'; readonly lower: number | null; readonly upper: number | null };
  readonly type: DataType;
}

interface Out { readonly output: readonly Attribute[] }

export type PhysicalPlan =
  | (Out & { readonly kind: 'local_scan'; readonly batches: readonly ColumnBatch[]; readonly numPartitions: number })
  /** An RDD of ColumnBatches registered by the session (createDataFrame(rdd)). */
  | (Out & { readonly kind: 'rdd_scan'; readonly rddId: number })
  /** A cached DataFrame: its input's RDD is persisted once per session and reused. */
  | (Out & { readonly kind: 'cached'; readonly input: PhysicalPlan; readonly cacheId: number })
  | (Out & { readonly kind: 'range_scan'; readonly start: number; readonly end: number; readonly step: number; readonly numPartitions: number })
  | (Out & { readonly kind: 'file_scan'; readonly source: FileSource; readonly columns: readonly string[]; readonly filters: readonly Expression[] })
  | (Out & { readonly kind: 'project'; readonly input: PhysicalPlan; readonly exprs: readonly Expression[] })
  | (Out & { readonly kind: 'filter'; readonly input: PhysicalPlan; readonly condition: Expression })
  | (Out & {
      readonly kind: 'hash_aggregate';
      readonly mode: 'partial' | 'final' | 'complete';
      readonly input: PhysicalPlan;
      /** partial/complete: grouping expressions over the input; final: the first keys.length input columns. */
      readonly keys: readonly Expression[];
      readonly aggs: readonly AggSpec[];
    })
  | (Out & {
      readonly kind: 'hash_join';
      readonly strategy: 'broadcast' | 'shuffled';
      readonly buildSide: 'left' | 'right';
      readonly joinType: JoinType;
      readonly left: PhysicalPlan;
      readonly right: PhysicalPlan;
      readonly leftKeys: readonly Expression[];
      readonly rightKeys: readonly Expression[];
      /** Residual condition over left columns ++ right columns. */
      readonly condition?: Expression;
      /** Keys compare null-safely (NULL matches NULL), as INTERSECT/EXCEPT need. */
      readonly nullSafe?: boolean;
    })
  | (Out & { readonly kind: 'nested_loop_join'; readonly joinType: JoinType; readonly left: PhysicalPlan; readonly right: PhysicalPlan; readonly condition?: Expression })
  | (Out & { readonly kind: 'sort'; readonly input: PhysicalPlan; readonly order: readonly SortOrder[]; readonly global: boolean })
  | (Out & { readonly kind: 'limit'; readonly input: PhysicalPlan; readonly limit: number; readonly offset: number; readonly global: boolean })
  | (Out & { readonly kind: 'union'; readonly inputs: readonly PhysicalPlan[] })
  | (Out & { readonly kind: 'expand'; readonly input: PhysicalPlan; readonly projections: readonly (readonly Expression[])[] })
  | (Out & { readonly kind: 'generate'; readonly input: PhysicalPlan; readonly generator: Expression; readonly outer: boolean; readonly position: boolean })
  | (Out & { readonly kind: 'window'; readonly input: PhysicalPlan; readonly partitionBy: readonly Expression[]; readonly orderBy: readonly SortOrder[]; readonly functions: readonly WindowSpecBound[] })
  | (Out & {
      readonly kind: 'exchange';
      readonly input: PhysicalPlan;
      readonly partitioning: Partitioning;
      /**
       * Spark's ShuffleOrigin (absent: ENSURE_REQUIREMENTS). REPARTITION_BY_NUM (repartition(n, …)) keeps its n
       * partitions; REPARTITION_BY_COL (repartition(cols) without n) may be coalesced adaptively.
       */
      readonly origin?: 'repartition_by_num' | 'repartition_by_col';
    })
  | (Out & { readonly kind: 'broadcast_exchange'; readonly input: PhysicalPlan });

export type PhysicalKind = PhysicalPlan['kind'];

export function physicalChildren(p: PhysicalPlan): readonly PhysicalPlan[] {
  switch (p.kind) {
    case 'local_scan': case 'range_scan': case 'file_scan': case 'rdd_scan': return [];
    case 'hash_join': case 'nested_loop_join': return [p.left, p.right];
    case 'union': return p.inputs;
    default: return [p.input];
  }
}
