// TPC-H Q7 (volume shipping) with the DataFrame API: the two nation roles as renamed projections of nation.
import type { DataFrame, TpchFunctions, TpchTables } from '../session.js';

export function q7(t: TpchTables, F: TpchFunctions): DataFrame {
  const { col, lit, sum, year } = F;
  const pair = ['FRANCE', 'GERMANY'];
  const suppNation = t.nation.filter(col('n_name').isin(pair)).select(col('n_nationkey').alias('supp_nationkey'), col('n_name').alias('supp_nation'));
  const custNation = t.nation.filter(col('n_name').isin(pair)).select(col('n_nationkey').alias('cust_nationkey'), col('n_name').alias('cust_nation'));
  return t.lineitem
    .filter(col('l_shipdate').between(lit('1995-01-01').cast('date'), lit('1996-12-31').cast('date')))
    .join(t.supplier, col('s_suppkey').equalTo(col('l_suppkey')))
    .join(t.orders, col('o_orderkey').equalTo(col('l_orderkey')))
    .join(t.customer, col('c_custkey').equalTo(col('o_custkey')))
    .join(suppNation, col('s_nationkey').equalTo(col('supp_nationkey')))
    .join(custNation, col('c_nationkey').equalTo(col('cust_nationkey')))
    .filter(
      col('supp_nation').equalTo('FRANCE').and(col('cust_nation').equalTo('GERMANY'))
        .or(col('supp_nation').equalTo('GERMANY').and(col('cust_nation').equalTo('FRANCE'))),
    )
    .select(
      col('supp_nation'), col('cust_nation'), year('l_shipdate').alias('l_year'),
      col('l_extendedprice').multiply(lit(1).minus(col('l_discount'))).alias('volume'),
    )
    .groupBy('supp_nation', 'cust_nation', 'l_year')
    .agg(sum('volume').alias('revenue'))
    .orderBy('supp_nation', 'cust_nation', 'l_year');
}
