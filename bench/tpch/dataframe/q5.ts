// TPC-H Q5 (local supplier volume) with the DataFrame API.
import type { DataFrame, TpchFunctions, TpchTables } from '../session.js';

export function q5(t: TpchTables, F: TpchFunctions): DataFrame {
  const { col, lit, sum, desc } = F;
  const orders = t.orders.filter(col('o_orderdate').geq(lit('1994-01-01').cast('date')).and(col('o_orderdate').lt(lit('1995-01-01').cast('date'))));
  return t.region
    .filter(col('r_name').equalTo('ASIA'))
    .join(t.nation, col('n_regionkey').equalTo(col('r_regionkey')))
    .join(t.supplier, col('s_nationkey').equalTo(col('n_nationkey')))
    .join(t.lineitem, col('l_suppkey').equalTo(col('s_suppkey')))
    .join(orders, col('o_orderkey').equalTo(col('l_orderkey')))
    .join(t.customer, col('c_custkey').equalTo(col('o_custkey')).and(col('c_nationkey').equalTo(col('s_nationkey'))))
    .groupBy('n_name')
    .agg(sum(col('l_extendedprice').multiply(lit(1).minus(col('l_discount')))).alias('revenue'))
    .orderBy(desc('revenue'));
}
