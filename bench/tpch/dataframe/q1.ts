// TPC-H Q1 (pricing summary report) with the DataFrame API.
import type { DataFrame, TpchFunctions, TpchTables } from '../session.js';

export function q1(t: TpchTables, F: TpchFunctions): DataFrame {
  const { col, lit, sum, avg, count } = F;
  const disc = col('l_extendedprice').multiply(lit(1).minus(col('l_discount')));
  return t.lineitem
    .filter(col('l_shipdate').leq(lit('1998-09-02').cast('date')))
    .groupBy('l_returnflag', 'l_linestatus')
    .agg(
      sum('l_quantity').alias('sum_qty'),
      sum('l_extendedprice').alias('sum_base_price'),
      sum(disc).alias('sum_disc_price'),
      sum(disc.multiply(lit(1).plus(col('l_tax')))).alias('sum_charge'),
      avg('l_quantity').alias('avg_qty'),
      avg('l_extendedprice').alias('avg_price'),
      avg('l_discount').alias('avg_disc'),
      count('*').alias('count_order'),
    )
    .orderBy('l_returnflag', 'l_linestatus');
}
