// TPC-H Q16 (parts/supplier relationship) with the DataFrame API: NOT IN over a non-null key as a left anti join.
import type { DataFrame, TpchFunctions, TpchTables } from '../session.js';

export function q16(t: TpchTables, F: TpchFunctions): DataFrame {
  const { col, countDistinct, desc } = F;
  const parts = t.part.filter(
    col('p_brand').notEqual('Brand#45')
      .and(col('p_type').like('MEDIUM POLISHED%').not())
      .and(col('p_size').isin(49, 14, 23, 45, 19, 3, 36, 9)),
  );
  const complained = t.supplier.filter(col('s_comment').like('%Customer%Complaints%')).select('s_suppkey');
  return t.partsupp
    .join(parts, col('p_partkey').equalTo(col('ps_partkey')))
    .join(complained, col('ps_suppkey').equalTo(col('s_suppkey')), 'left_anti')
    .groupBy('p_brand', 'p_type', 'p_size')
    .agg(countDistinct('ps_suppkey').alias('supplier_cnt'))
    .orderBy(desc('supplier_cnt'), col('p_brand'), col('p_type'), col('p_size'));
}
