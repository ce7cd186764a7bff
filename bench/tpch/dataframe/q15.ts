// TPC-H Q15 (top supplier) with the DataFrame API: the revenue view as a DataFrame, its max() as a one-row
// aggregate joined back on equality.
import type { DataFrame, TpchFunctions, TpchTables } from '../session.js';

export function q15(t: TpchTables, F: TpchFunctions): DataFrame {
  const { col, lit, sum, max } = F;
  const revenue = t.lineitem
    .filter(col('l_shipdate').geq(lit('1996-01-01').cast('date')).and(col('l_shipdate').lt(lit('1996-04-01').cast('date'))))
    .groupBy(col('l_suppkey').alias('supplier_no'))
    .agg(sum(col('l_extendedprice').multiply(lit(1).minus(col('l_discount')))).alias('total_revenue'));
  const top = revenue.agg(max('total_revenue').alias('max_revenue'));
  return t.supplier
    .join(revenue, col('s_suppkey').equalTo(col('supplier_no')))
    .join(top, col('total_revenue').equalTo(col('max_revenue')))
    .select('s_suppkey', 's_name', 's_address', 's_phone', 'total_revenue')
    .orderBy('s_suppkey');
}
