// TPC-H Q11 (important stock identification) with the DataFrame API: the uncorrelated scalar subquery of
// HAVING as a one-row aggregate, cross-joined to the per-part values; the fraction is 0.0001 / SF (TPC-H 2.4.11.3).
import type { DataFrame, TpchFunctions, TpchTables } from '../session.js';

export function q11(t: TpchTables, F: TpchFunctions, sf = 1): DataFrame {
  const { col, lit, sum, desc } = F;
  const value = col('ps_supplycost').multiply(col('ps_availqty'));
  const germanStock = t.partsupp
    .join(t.supplier, col('ps_suppkey').equalTo(col('s_suppkey')))
    .join(t.nation.filter(col('n_name').equalTo('GERMANY')), col('s_nationkey').equalTo(col('n_nationkey')));
  const threshold = germanStock.agg(sum(value).multiply(lit(0.0001 / sf)).alias('threshold'));
  return germanStock
    .groupBy('ps_partkey')
    .agg(sum(value).alias('value'))
    .crossJoin(threshold)
    .filter(col('value').gt(col('threshold')))
    .select('ps_partkey', 'value')
    .orderBy(desc('value'));
}
