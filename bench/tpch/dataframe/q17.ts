// TPC-H Q17 (small-quantity-order revenue) with the DataFrame API: the correlated avg() subquery as a
// per-part aggregate over the selected parts' lines, joined back.
import type { DataFrame, TpchFunctions, TpchTables } from '../session.js';

export function q17(t: TpchTables, F: TpchFunctions): DataFrame {
  const { col, lit, sum, avg } = F;
  const lines = t.part
    .filter(col('p_brand').equalTo('Brand#23').and(col('p_container').equalTo('MED BOX')))
    .join(t.lineitem, col('l_partkey').equalTo(col('p_partkey')));
  const smallQty = lines.groupBy(col('l_partkey').alias('avg_partkey')).agg(lit(0.2).multiply(avg('l_quantity')).alias('small_qty'));
  return lines
    .join(smallQty, col('l_partkey').equalTo(col('avg_partkey')))
    .filter(col('l_quantity').lt(col('small_qty')))
    .agg(sum('l_extendedprice').divide(7).alias('avg_yearly'));
}
