// The eight TPC-H tables as Spark schemas: keys bigint, counts int, money decimal(15,2) (or double by flag),
// dates date, text string. Also the table sizes per scale factor (clause 4.2.5).
import type { DataType, StructType } from '../../../src/sql/types/data-type.js';

export const TABLES = ['region', 'nation', 'supplier', 'customer', 'part', 'partsupp', 'orders', 'lineitem'] as const;
export type TpchTable = (typeof TABLES)[number];

type Ty = 'key' | 'int' | 'money' | 'date' | 'str';
const COLS: Record<TpchTable, ReadonlyArray<readonly [string, Ty]>> = {
  region: [['r_regionkey', 'key'], ['r_name', 'str'], ['r_comment', 'str']],
  nation: [['n_nationkey', 'key'], ['n_name', 'str'], ['n_regionkey', 'key'], ['n_comment', 'str']],
  supplier: [['s_suppkey', 'key'], ['s_name', 'str'], ['s_address', 'str'], ['s_nationkey', 'key'], ['s_phone', 'str'], ['s_acctbal', 'money'], ['s_comment', 'str']],
  customer: [['c_custkey', 'key'], ['c_name', 'str'], ['c_address', 'str'], ['c_nationkey', 'key'], ['c_phone', 'str'], ['c_acctbal', 'money'], ['c_mktsegment', 'str'], ['c_comment', 'str']],
  part: [['p_partkey', 'key'], ['p_name', 'str'], ['p_mfgr', 'str'], ['p_brand', 'str'], ['p_type', 'str'], ['p_size', 'int'], ['p_container', 'str'], ['p_retailprice', 'money'], ['p_comment', 'str']],
  partsupp: [['ps_partkey', 'key'], ['ps_suppkey', 'key'], ['ps_availqty', 'int'], ['ps_supplycost', 'money'], ['ps_comment', 'str']],
  orders: [['o_orderkey', 'key'], ['o_custkey', 'key'], ['o_orderstatus', 'str'], ['o_totalprice', 'money'], ['o_orderdate', 'date'], ['o_orderpriority', 'str'], ['o_clerk', 'str'], ['o_shippriority', 'int'], ['o_comment', 'str']],
  lineitem: [['l_orderkey', 'key'], ['l_partkey', 'key'], ['l_suppkey', 'key'], ['l_linenumber', 'int'], ['l_quantity', 'money'], ['l_extendedprice', 'money'], ['l_discount', 'money'], ['l_tax', 'money'], ['l_returnflag', 'str'], ['l_linestatus', 'str'], ['l_shipdate', 'date'], ['l_commitdate', 'date'], ['l_receiptdate', 'date'], ['l_shipinstruct', 'str'], ['l_shipmode', 'str'], ['l_comment', 'str']],
};

export function tpchSchema(table: TpchTable, decimal: boolean): StructType {
  const ty = (t: Ty): DataType => {
    switch (t) {
      case 'key': return { kind: 'long' };
      case 'int': return { kind: 'int' };
      case 'money': return decimal ? { kind: 'decimal', precision: 15, scale: 2 } : { kind: 'double' };
      case 'date': return { kind: 'date' };
      case 'str': return { kind: 'string' };
    }
  };
  return { kind: 'struct', fields: COLS[table].map(([name, t]) => ({ name, type: ty(t), nullable: false })) };
}

export const SF_BASE = { supplier: 10_000, customer: 150_000, part: 200_000, orders: 1_500_000 } as const;

/** Generation units of a table: rows, except partsupp (parts, 4 rows each) and lineitem (orders, 1-7 rows each). */
export function unitsOf(table: TpchTable, sf: number): number {
  switch (table) {
    case 'region': return 5;
    case 'nation': return 25;
    case 'supplier': return Math.floor(SF_BASE.supplier * sf);
    case 'customer': return Math.floor(SF_BASE.customer * sf);
    case 'part': case 'partsupp': return Math.floor(SF_BASE.part * sf);
    case 'orders': case 'lineitem': return Math.floor(SF_BASE.orders * sf);
  }
}
