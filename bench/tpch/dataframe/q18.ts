// TPC-H Q18 (large volume customer) with the DataFrame API: IN (grouped subquery) as a left semi join.
import type { DataFrame, TpchFunctions, TpchTables } from '../session.js';

export function q18(t: TpchTables, F: TpchFunctions): DataFrame {
  const { col, sum, desc } = F;
  const bigOrders = t.lineitem
    .groupBy(col('l_orderkey').alias('big_orderkey'))
    .agg(sum('l_quantity').alias('big_qty'))
    .filter(col('big_qty').gt(300));
  return t.customer
    .join(t.orders, col('c_custkey').equalTo(col('o_custkey')))
    .join(bigOrders, col('o_orderkey').equalTo(col('big_orderkey')), 'left_semi')
    .join(t.lineitem, col('o_orderkey').equalTo(col('l_orderkey')))
    .groupBy('c_name', 'c_custkey', 'o_orderkey', 'o_orderdate', 'o_totalprice')
    .agg(sum('l_quantity').alias('sum_qty'))
    .orderBy(desc('o_totalprice'), col('o_orderdate'))
    .limit(100);
}
