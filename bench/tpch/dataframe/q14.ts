// TPC-H Q14 (promotion effect) with the DataFrame API.
import type { DataFrame, TpchFunctions, TpchTables } from '../session.js';

export function q14(t: TpchTables, F: TpchFunctions): DataFrame {
  const { col, lit, sum, when } = F;
  const rev = col('l_extendedprice').multiply(lit(1).minus(col('l_discount')));
  return t.lineitem
    .filter(col('l_shipdate').geq(lit('1995-09-01').cast('date')).and(col('l_shipdate').lt(lit('1995-10-01').cast('date'))))
    .join(t.part, col('l_partkey').equalTo(col('p_partkey')))
    .agg(lit(100.0).multiply(sum(when(col('p_type').like('PROMO%'), rev).otherwise(0))).divide(sum(rev)).alias('promo_revenue'));
}
