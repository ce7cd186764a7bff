// Resolved expressions: what the analyzer produces from SQL/DataFrame expressions, typed, with attributes named
// by unique ids (Spark's exprId). The physical planner binds `attr` to input ordinals (`bound`) before execution.
// Scalar functions and operators are all `call`s by Spark function name ('add', 'equal_to', 'upper', …);
// their signatures and implementations live in the function registry (src/sql/functions).
import type { LogicalPlan } from '../logical/logical-plan.js';
import type { DataType } from '../../sql/types/data-type.js';

export type ExprId = number;

export interface Attribute {
  readonly kind: 'attr';
  readonly id: ExprId;
  readonly name: string;
  readonly type: DataType;
  readonly nullable: boolean;
  /** Table alias / relation name the attribute can be qualified with (t.col). */
  readonly qualifier?: readonly string[];
}

export type SortDirection = 'asc' | 'desc';
export type NullOrdering = 'nulls_first' | 'nulls_last';

export interface SortOrder {
  readonly expr: Expression;
  readonly direction: SortDirection;
  readonly nulls: NullOrdering;
}

export type AggregateFunctionName =
  | 'count' | 'sum' | 'avg' | 'min' | 'max' | 'first' | 'last' | 'collect_list' | 'collect_set'
  | 'stddev_samp' | 'stddev_pop' | 'var_samp' | 'var_pop' | 'approx_count_distinct' | 'bool_and' | 'bool_or'
  | 'any_value' | 'count_if' | 'max_by' | 'min_by' | 'grouping' | 'grouping_id';

export type WindowFunctionName = 'row_number' | 'rank' | 'dense_rank' | 'percent_rank' | 'cume_dist' | 'ntile' | 'lag' | 'lead' | 'nth_value' | 'first_value' | 'last_value';

export type FrameBoundary =
  | { readonly kind: 'unbounded_preceding' }
  | { readonly kind: 'unbounded_following' }
  | { readonly kind: 'current_row' }
  | { readonly kind: 'offset'; readonly value: number }; // negative = preceding

export interface WindowFrame {
  readonly type: 'rows' | 'range';
  readonly lower: FrameBoundary;
  readonly upper: FrameBoundary;
}

export interface WindowSpecification {
  readonly partitionBy: readonly Expression[];
  readonly orderBy: readonly SortOrder[];
  readonly frame: WindowFrame;
}

export type Expression =
  | Attribute
  /** An input column by ordinal (after binding). */
  | { readonly kind: 'bound'; readonly ordinal: number; readonly type: DataType; readonly nullable: boolean; readonly name: string }
  /** Literal in physical representation (see column-batch.ts): decimals unscaled, dates as days, timestamps in µs. */
  | { readonly kind: 'literal'; readonly value: unknown; readonly type: DataType }
  /** `ansi`: ANSI evaluation (errors instead of NULL on overflow / division by zero); `timeZone`: the session time
   *  zone id for functions that read local date-time fields (Spark's TimeZoneAwareExpression); both set by resolveFunction. */
  | { readonly kind: 'call'; readonly fn: string; readonly args: readonly Expression[]; readonly type: DataType; readonly nullable: boolean;
      readonly ansi?: boolean; readonly timeZone?: string }
  | { readonly kind: 'cast'; readonly expr: Expression; readonly type: DataType; readonly mode: 'cast' | 'try' | 'ansi'; readonly timeZone?: string }
  | { readonly kind: 'case'; readonly branches: ReadonlyArray<readonly [Expression, Expression]>; readonly else?: Expression; readonly type: DataType }
  | { readonly kind: 'in'; readonly expr: Expression; readonly list: readonly Expression[]; readonly negated: boolean }
  | { readonly kind: 'is_null'; readonly expr: Expression; readonly negated: boolean }
  | { readonly kind: 'and' | 'or'; readonly left: Expression; readonly right: Expression }
  | { readonly kind: 'not'; readonly expr: Expression }
  | { readonly kind: 'coalesce'; readonly args: readonly Expression[]; readonly type: DataType }
  | { readonly kind: 'alias'; readonly expr: Expression; readonly name: string; readonly id: ExprId }
  | { readonly kind: 'aggregate'; readonly fn: AggregateFunctionName; readonly args: readonly Expression[]; readonly distinct: boolean; readonly filter?: Expression; readonly ignoreNulls?: boolean; readonly type: DataType }
  | { readonly kind: 'window'; readonly fn: WindowFunctionName | { readonly aggregate: Expression }; readonly args: readonly Expression[]; readonly spec: WindowSpecification; readonly type: DataType }
  | { readonly kind: 'scalar_subquery'; readonly plan: LogicalPlan; readonly type: DataType; readonly outer: readonly Attribute[] }
  | { readonly kind: 'exists'; readonly plan: LogicalPlan; readonly outer: readonly Attribute[] }
  | { readonly kind: 'in_subquery'; readonly expr: readonly Expression[]; readonly plan: LogicalPlan; readonly outer: readonly Attribute[] }
  | { readonly kind: 'lambda'; readonly params: readonly Attribute[]; readonly body: Expression; readonly type: DataType }
  | { readonly kind: 'outer_ref'; readonly attr: Attribute };

/** A projection item: an expression with the output attribute it defines. */
export interface NamedExpression {
  readonly expr: Expression;
  readonly attr: Attribute;
}
