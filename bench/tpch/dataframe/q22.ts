// TPC-H Q22 (global sales opportunity) with the DataFrame API: the scalar avg() as a one-row aggregate
// cross-joined, NOT EXISTS as a left anti join.
import type { DataFrame, TpchFunctions, TpchTables } from '../session.js';

export function q22(t: TpchTables, F: TpchFunctions): DataFrame {
  const { col, lit, avg, count, sum, substring } = F;
  const candidates = t.customer
    .select(substring('c_phone', 1, 2).alias('cntrycode'), col('c_acctbal'), col('c_custkey'))
    .filter(col('cntrycode').isin('13', '31', '23', '29', '30', '18', '17'));
  const avgBalance = candidates.filter(col('c_acctbal').gt(lit(0))).agg(avg('c_acctbal').alias('avg_acctbal'));
  return candidates
    .crossJoin(avgBalance)
    .filter(col('c_acctbal').gt(col('avg_acctbal')))
    .join(t.orders, col('o_custkey').equalTo(col('c_custkey')), 'left_anti')
    .groupBy('cntrycode')
    .agg(count('*').alias('numcust'), sum('c_acctbal').alias('totacctbal'))
    .orderBy('cntrycode');
}
