// TPC-H Q12 (shipping modes and order priority) with the DataFrame API.
import type { DataFrame, TpchFunctions, TpchTables } from '../session.js';

export function q12(t: TpchTables, F: TpchFunctions): DataFrame {
  const { col, lit, sum, when } = F;
  const high = col('o_orderpriority').equalTo('1-URGENT').or(col('o_orderpriority').equalTo('2-HIGH'));
  const lines = t.lineitem.filter(
    col('l_shipmode').isin('MAIL', 'SHIP')
      .and(col('l_commitdate').lt(col('l_receiptdate')))
      .and(col('l_shipdate').lt(col('l_commitdate')))
      .and(col('l_receiptdate').geq(lit('1994-01-01').cast('date')))
      .and(col('l_receiptdate').lt(lit('1995-01-01').cast('date'))),
  );
  return t.orders
    .join(lines, col('o_orderkey').equalTo(col('l_orderkey')))
    .groupBy('l_shipmode')
    .agg(
      sum(when(high, 1).otherwise(0)).alias('high_line_count'),
      sum(when(high, 0).otherwise(1)).alias('low_line_count'),
    )
    .orderBy('l_shipmode');
}
