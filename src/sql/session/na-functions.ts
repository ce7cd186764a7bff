// df.na: fill and drop of nulls, as Spark's DataFrameNaFunctions (PySpark's fillna/dropna forms included):
// fill(value, subset?), fill({ col: value, … }), drop(how?, thresh?, subset?), drop(subset) and drop(minNonNulls).
import { TsSparkError } from '../../common/errors.js';
import type { LogicalPlan } from '../../planner/logical/logical-plan.js';
import type { DataFrame } from './dataframe.js';

export type FillValue = string | number | boolean;

export class DataFrameNaFunctions {
  constructor(private readonly df: DataFrame) {}

  /** Replaces nulls by `value` in the columns of a matching type (all, or `subset`); a record fills per column. */
  fill(value: FillValue | Readonly<Record<string, FillValue>>, subset?: string | readonly string[]): DataFrame {
    const analyzer = this.df.sparkSession.analyzer;
    if (typeof value === 'object' && value !== null) {
      let plan = this.df.plan;
      for (const [name, v] of Object.entries(value)) plan = analyzer.fillNa(plan, checkFill(v), [name]);
      return this.derive(plan);
    }
    return this.derive(analyzer.fillNa(this.df.plan, checkFill(value), subsetOf(subset)));
  }

  /** drop(how = 'any', thresh?, subset?); also drop(subset) and drop(minNonNulls) as Scala's overloads. */
  drop(how: 'any' | 'all' | number | string[] = 'any', thresh?: number, subset?: string | readonly string[]): DataFrame {
    if (typeof how === 'number') return this.drop('any', how, subset);
    if (Array.isArray(how)) return this.drop('any', thresh, how);
    const h = String(how).toLowerCase();
    if (h !== 'any' && h !== 'all') throw new TsSparkError('INVALID_ARGUMENT', `how ('${String(how)}') should be 'any' or 'all'`);
    return this.derive(this.df.sparkSession.analyzer.dropNa(this.df.plan, h, thresh ?? undefined, subsetOf(subset)));
  }

  private derive(plan: LogicalPlan): DataFrame {
    return new (this.df.constructor as new (s: DataFrame['sparkSession'], p: LogicalPlan) => DataFrame)(this.df.sparkSession, plan);
  }
}

function subsetOf(subset: string | readonly string[] | undefined): readonly string[] | undefined {
  return typeof subset === 'string' ? [subset] : subset;
}

function checkFill(v: unknown): FillValue {
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  throw new TsSparkError('INVALID_ARGUMENT', `[NOT_BOOL_OR_DICT_OR_FLOAT_OR_INT_OR_STR] Argument \`value\` should be a bool, dict, float, int or str, got ${Object.prototype.toString.call(v).slice(8, -1)}.`);
}
