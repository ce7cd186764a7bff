// TPC-H Q20 (potential part promotion) with the DataFrame API: the nested IN subqueries as left semi joins,
// the correlated sum() as a per-(part, supplier) aggregate joined back.
import type { DataFrame, TpchFunctions, TpchTables } from '../session.js';

export function q20(t: TpchTables, F: TpchFunctions): DataFrame {
  const { col, lit, sum } = F;
  const shipped = t.lineitem
    .filter(col('l_shipdate').geq(lit('1994-01-01').cast('date')).and(col('l_shipdate').lt(lit('1995-01-01').cast('date'))))
    .groupBy(col('l_partkey').alias('shipped_partkey'), col('l_suppkey').alias('shipped_suppkey'))
    .agg(lit(0.5).multiply(sum('l_quantity')).alias('half_qty'));
  const excess = t.partsupp
    .join(t.part.filter(col('p_name').like('forest%')), col('ps_partkey').equalTo(col('p_partkey')), 'left_semi')
    .join(shipped, col('ps_partkey').equalTo(col('shipped_partkey')).and(col('ps_suppkey').equalTo(col('shipped_suppkey'))))
    .filter(col('ps_availqty').gt(col('half_qty')));
  return t.supplier
    .join(t.nation.filter(col('n_name').equalTo('CANADA')), col('s_nationkey').equalTo(col('n_nationkey')))
    .join(excess, col('s_suppkey').equalTo(col('ps_suppkey')), 'left_semi')
    .select('s_name', 's_address')
    .orderBy('s_name');
}
