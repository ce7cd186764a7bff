// TPC-H Q8 (national market share) with the DataFrame API: customer nations in AMERICA and the supplier
// nation as two renamed projections of nation.
import type { DataFrame, TpchFunctions, TpchTables } from '../session.js';

export function q8(t: TpchTables, F: TpchFunctions): DataFrame {
  const { col, lit, sum, when, year } = F;
  const americaNations = t.region
    .filter(col('r_name').equalTo('AMERICA'))
    .join(t.nation, col('n_regionkey').equalTo(col('r_regionkey')))
    .select(col('n_nationkey').alias('cust_nationkey'));
  const suppNation = t.nation.select(col('n_nationkey').alias('supp_nationkey'), col('n_name').alias('nation'));
  const orders = t.orders.filter(col('o_orderdate').between(lit('1995-01-01').cast('date'), lit('1996-12-31').cast('date')));
  return t.part
    .filter(col('p_type').equalTo('ECONOMY ANODIZED STEEL'))
    .join(t.lineitem, col('l_partkey').equalTo(col('p_partkey')))
    .join(t.supplier, col('s_suppkey').equalTo(col('l_suppkey')))
    .join(orders, col('o_orderkey').equalTo(col('l_orderkey')))
    .join(t.customer, col('c_custkey').equalTo(col('o_custkey')))
    .join(americaNations, col('c_nationkey').equalTo(col('cust_nationkey')))
    .join(suppNation, col('s_nationkey').equalTo(col('supp_nationkey')))
    .select(
      year('o_orderdate').alias('o_year'),
      col('l_extendedprice').multiply(lit(1).minus(col('l_discount'))).alias('volume'),
      col('nation'),
    )
    .groupBy('o_year')
    .agg(sum(when(col('nation').equalTo('BRAZIL'), col('volume')).otherwise(0)).divide(sum('volume')).alias('mkt_share'))
    .orderBy('o_year');
}
