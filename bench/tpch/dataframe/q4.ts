// TPC-H Q4 (order priority checking) with the DataFrame API: EXISTS as a left semi join.
import type { DataFrame, TpchFunctions, TpchTables } from '../session.js';

export function q4(t: TpchTables, F: TpchFunctions): DataFrame {
  const { col, lit, count } = F;
  const late = t.lineitem.filter(col('l_commitdate').lt(col('l_receiptdate')));
  return t.orders
    .filter(col('o_orderdate').geq(lit('1993-07-01').cast('date')).and(col('o_orderdate').lt(lit('1993-10-01').cast('date'))))
    .join(late, col('o_orderkey').equalTo(col('l_orderkey')), 'left_semi')
    .groupBy('o_orderpriority')
    .agg(count('*').alias('order_count'))
    .orderBy('o_orderpriority');
}
