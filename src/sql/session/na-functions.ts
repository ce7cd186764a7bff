// df.na: fill and drop of nulls, as Spark's DataFrameNaFunctions.
import type { DataFrame } from './dataframe.js';

export class DataFrameNaFunctions {
  constructor(private readonly df: DataFrame) {}

  fill(value: string | number | boolean, subset?: string[]): DataFrame {
    return new (this.df.constructor as new (s: DataFrame['sparkSession'], p: DataFrame['plan']) => DataFrame)(
      this.df.sparkSession, this.df.sparkSession.analyzer.fillNa(this.df.plan, value, subset));
  }

  drop(how: 'any' | 'all' = 'any', thresh?: number, subset?: string[]): DataFrame {
    return new (this.df.constructor as new (s: DataFrame['sparkSession'], p: DataFrame['plan']) => DataFrame)(
      this.df.sparkSession, this.df.sparkSession.analyzer.dropNa(this.df.plan, how, thresh, subset));
  }
}
