// TPC-H Q21 (suppliers who kept orders waiting) with the DataFrame API: EXISTS / NOT EXISTS over other lines
// of the same order as left semi / left anti joins with a non-equi residual condition.
import type { DataFrame, TpchFunctions, TpchTables } from '../session.js';

export function q21(t: TpchTables, F: TpchFunctions): DataFrame {
  const { col, count, desc } = F;
  const late = col('l_receiptdate').gt(col('l_commitdate'));
  const otherLines = t.lineitem.select(col('l_orderkey').alias('l2_orderkey'), col('l_suppkey').alias('l2_suppkey'));
  const otherLateLines = t.lineitem.filter(late).select(col('l_orderkey').alias('l3_orderkey'), col('l_suppkey').alias('l3_suppkey'));
  return t.supplier
    .join(t.nation.filter(col('n_name').equalTo('SAUDI ARABIA')), col('s_nationkey').equalTo(col('n_nationkey')))
    .join(t.lineitem.filter(late), col('l_suppkey').equalTo(col('s_suppkey')))
    .join(t.orders.filter(col('o_orderstatus').equalTo('F')), col('o_orderkey').equalTo(col('l_orderkey')))
    .join(otherLines, col('l2_orderkey').equalTo(col('l_orderkey')).and(col('l2_suppkey').notEqual(col('l_suppkey'))), 'left_semi')
    .join(otherLateLines, col('l3_orderkey').equalTo(col('l_orderkey')).and(col('l3_suppkey').notEqual(col('l_suppkey'))), 'left_anti')
    .groupBy('s_name')
    .agg(count('*').alias('numwait'))
    .orderBy(desc('numwait'), col('s_name'))
    .limit(100);
}
