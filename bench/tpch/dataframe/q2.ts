// TPC-H Q2 (minimum cost supplier) with the DataFrame API: the correlated min() subquery as a per-part
// aggregate over the European offers, joined back on (part, cost).
import type { DataFrame, TpchFunctions, TpchTables } from '../session.js';

export function q2(t: TpchTables, F: TpchFunctions): DataFrame {
  const { col, min, desc } = F;
  const europeOffers = t.region
    .filter(col('r_name').equalTo('EUROPE'))
    .join(t.nation, col('n_regionkey').equalTo(col('r_regionkey')))
    .join(t.supplier, col('s_nationkey').equalTo(col('n_nationkey')))
    .join(t.partsupp, col('ps_suppkey').equalTo(col('s_suppkey')));
  const minCost = europeOffers.groupBy(col('ps_partkey').alias('min_partkey')).agg(min('ps_supplycost').alias('min_supplycost'));
  return t.part
    .filter(col('p_size').equalTo(15).and(col('p_type').like('%BRASS')))
    .join(europeOffers, col('p_partkey').equalTo(col('ps_partkey')))
    .join(minCost, col('p_partkey').equalTo(col('min_partkey')).and(col('ps_supplycost').equalTo(col('min_supplycost'))))
    .select('s_acctbal', 's_name', 'n_name', 'p_partkey', 'p_mfgr', 's_address', 's_phone', 's_comment')
    .orderBy(desc('s_acctbal'), col('n_name'), col('s_name'), col('p_partkey'))
    .limit(100);
}
