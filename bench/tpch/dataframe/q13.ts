// TPC-H Q13 (customer distribution) with the DataFrame API: a left outer join, then two aggregations.
import type { DataFrame, TpchFunctions, TpchTables } from '../session.js';

export function q13(t: TpchTables, F: TpchFunctions): DataFrame {
  const { col, count, desc } = F;
  const orders = t.orders.filter(col('o_comment').like('%special%requests%').not());
  return t.customer
    .join(orders, col('c_custkey').equalTo(col('o_custkey')), 'left_outer')
    .groupBy('c_custkey')
    .agg(count('o_orderkey').alias('c_count'))
    .groupBy('c_count')
    .agg(count('*').alias('custdist'))
    .orderBy(desc('custdist'), desc('c_count'));
}
