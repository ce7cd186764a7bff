// TPC-H Q19 (discounted revenue) with the DataFrame API: the three brand/container/size/quantity cases as one
// disjunctive filter after the part join.
import type { DataFrame, TpchFunctions, TpchTables } from '../session.js';
import type { Column } from '../../../src/sql/session/column.js';

export function q19(t: TpchTables, F: TpchFunctions): DataFrame {
  const { col, lit, sum } = F;
  const bucket = (brand: string, containers: readonly string[], qty: number, maxSize: number): Column =>
    col('p_brand').equalTo(brand)
      .and(col('p_container').isin([...containers]))
      .and(col('l_quantity').geq(qty)).and(col('l_quantity').leq(qty + 10))
      .and(col('p_size').between(1, maxSize));
  return t.lineitem
    .filter(col('l_shipmode').isin('AIR', 'AIR REG').and(col('l_shipinstruct').equalTo('DELIVER IN PERSON')))
    .join(t.part, col('p_partkey').equalTo(col('l_partkey')))
    .filter(
      bucket('Brand#12', ['SM CASE', 'SM BOX', 'SM PACK', 'SM PKG'], 1, 5)
        .or(bucket('Brand#23', ['MED BAG', 'MED BOX', 'MED PKG', 'MED PACK'], 10, 10))
        .or(bucket('Brand#34', ['LG CASE', 'LG BOX', 'LG PACK', 'LG PKG'], 20, 15)),
    )
    .agg(sum(col('l_extendedprice').multiply(lit(1).minus(col('l_discount')))).alias('revenue'));
}
