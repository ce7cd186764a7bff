// TPC-H Q9 (product type profit measure) with the DataFrame API.
import type { DataFrame, TpchFunctions, TpchTables } from '../session.js';

export function q9(t: TpchTables, F: TpchFunctions): DataFrame {
  const { col, lit, sum, year, desc } = F;
  return t.part
    .filter(col('p_name').like('%green%'))
    .join(t.lineitem, col('l_partkey').equalTo(col('p_partkey')))
    .join(t.supplier, col('s_suppkey').equalTo(col('l_suppkey')))
    .join(t.partsupp, col('ps_suppkey').equalTo(col('l_suppkey')).and(col('ps_partkey').equalTo(col('l_partkey'))))
    .join(t.orders, col('o_orderkey').equalTo(col('l_orderkey')))
    .join(t.nation, col('s_nationkey').equalTo(col('n_nationkey')))
    .select(
      col('n_name').alias('nation'),
      year('o_orderdate').alias('o_year'),
      col('l_extendedprice').multiply(lit(1).minus(col('l_discount'))).minus(col('ps_supplycost').multiply(col('l_quantity'))).alias('amount'),
    )
    .groupBy('nation', 'o_year')
    .agg(sum('amount').alias('sum_profit'))
    .orderBy(col('nation'), desc('o_year'));
}
