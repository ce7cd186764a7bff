// TPC-H Q6 (forecasting revenue change) with the DataFrame API.
import type { DataFrame, TpchFunctions, TpchTables } from '../session.js';

export function q6(t: TpchTables, F: TpchFunctions): DataFrame {
  const { col, lit, sum } = F;
  return t.lineitem
    .filter(
      col('l_shipdate').geq(lit('1994-01-01').cast('date'))
        .and(col('l_shipdate').lt(lit('1995-01-01').cast('date')))
        .and(col('l_discount').between(0.05, 0.07))
        .and(col('l_quantity').lt(24)),
    )
    .agg(sum(col('l_extendedprice').multiply(col('l_discount'))).alias('revenue'));
}
