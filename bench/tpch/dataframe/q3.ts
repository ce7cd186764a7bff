// TPC-H Q3 (shipping priority) with the DataFrame API.
import type { DataFrame, TpchFunctions, TpchTables } from '../session.js';

export function q3(t: TpchTables, F: TpchFunctions): DataFrame {
  const { col, lit, sum, desc } = F;
  const day = lit('1995-03-15').cast('date');
  const customer = t.customer.filter(col('c_mktsegment').equalTo('BUILDING'));
  const orders = t.orders.filter(col('o_orderdate').lt(day));
  const lineitem = t.lineitem.filter(col('l_shipdate').gt(day));
  return customer
    .join(orders, col('c_custkey').equalTo(col('o_custkey')))
    .join(lineitem, col('l_orderkey').equalTo(col('o_orderkey')))
    .groupBy('l_orderkey', 'o_orderdate', 'o_shippriority')
    .agg(sum(col('l_extendedprice').multiply(lit(1).minus(col('l_discount')))).alias('revenue'))
    .select('l_orderkey', 'revenue', 'o_orderdate', 'o_shippriority')
    .orderBy(desc('revenue'), col('o_orderdate'))
    .limit(10);
}
