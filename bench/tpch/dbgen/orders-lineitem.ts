// orders and lineitem generation (clause 4.2.3): sparse order keys, customers not divisible by 3, 1-7 lines per
// order with prices from the part formula, return flag / line status from CURRENTDATE, and the order's status and
// total price derived from its lines. Both tables come from one pass over a range of orders.
import type { ColumnBatch } from '../../../src/sql/batch/column-batch.js';
import { forUnits } from './blocks.js';
import { CURRENTDATE, dict, ENDDATE, ints, longs, money, pad9, STARTDATE, strs } from './columns.js';
import { INSTRUCTIONS, MODES, PRIORITIES } from './distributions.js';
import { partSupplier, retailPriceCents } from './part-tables.js';
import { SF_BASE } from './schemas.js';
import { text } from './text-pool.js';

/** Sparse keys: of every 32 consecutive keys only the first 8 are used. */
export const orderKey = (index: number): number => Math.floor(index / 8) * 32 + (index % 8) + 1;

const FLAGS = ['R', 'A', 'N'];
const STATUS = ['F', 'O', 'P'];

export function ordersLineitemBatches(seed: number, sf: number, lo: number, hi: number, decimal: boolean): { orders: ColumnBatch; lineitem: ColumnBatch } {
  const n = hi - lo, cap = n * 7;
  const customers = Math.floor(SF_BASE.customer * sf), parts = Math.floor(SF_BASE.part * sf);
  const suppliers = Math.floor(SF_BASE.supplier * sf), clerks = Math.max(1, Math.floor(1000 * sf));
  const oKey = new Float64Array(n), oCust = new Float64Array(n), oTotal = new Float64Array(n), oDate = new Int32Array(n);
  const oStatus = new Int32Array(n), oPrio = new Int32Array(n), oShip = new Int32Array(n);
  const oClerk: string[] = [], oComment: string[] = [];
  const lKey = new Float64Array(cap), lPart = new Float64Array(cap), lSupp = new Float64Array(cap), lLine = new Int32Array(cap);
  const lQty = new Float64Array(cap), lPrice = new Float64Array(cap), lDisc = new Float64Array(cap), lTax = new Float64Array(cap);
  const lFlag = new Int32Array(cap), lStatus = new Int32Array(cap), lShip = new Int32Array(cap), lCommit = new Int32Array(cap);
  const lReceipt = new Int32Array(cap), lInstr = new Int32Array(cap), lMode = new Int32Array(cap);
  const lComment: string[] = [];
  let m = 0;
  forUnits(seed, 'orders', lo, hi, (u, r) => {
    const i = u - lo, key = orderKey(u);
    oKey[i] = key;
    let cust: number;
    do cust = r.int(1, customers); while (cust % 3 === 0 && customers > 2);
    oCust[i] = cust;
    const date = r.int(STARTDATE, ENDDATE - 151);
    oDate[i] = date;
    oPrio[i] = r.pickIndex(PRIORITIES.length);
    oClerk.push(`Clerk#${pad9(r.int(1, clerks))}`);
    oComment.push(text(r, 19, 78));
    const lines = r.int(1, 7);
    let total = 0, shipped = 0;
    for (let k = 1; k <= lines; k++, m++) {
      lKey[m] = key;
      const pk = r.int(1, parts);
      lPart[m] = pk;
      lSupp[m] = partSupplier(pk, r.int(0, 3), suppliers);
      lLine[m] = k;
      const q = r.int(1, 50), d = r.int(0, 10), t = r.int(0, 8);
      const ep = q * retailPriceCents(pk);
      lQty[m] = q * 100; lPrice[m] = ep; lDisc[m] = d; lTax[m] = t;
      total += Math.round((ep * (100 - d) * (100 + t)) / 10000);
      const ship = date + r.int(1, 121), receipt = ship + r.int(1, 30);
      lShip[m] = ship; lCommit[m] = date + r.int(30, 90); lReceipt[m] = receipt;
      lFlag[m] = receipt <= CURRENTDATE ? r.int(0, 1) : 2;
      const st = ship > CURRENTDATE ? 1 : 0; // O : F
      lStatus[m] = st;
      shipped += 1 - st;
      lInstr[m] = r.pickIndex(INSTRUCTIONS.length);
      lMode[m] = r.pickIndex(MODES.length);
      lComment.push(text(r, 10, 43));
    }
    oStatus[i] = shipped === lines ? 0 : shipped === 0 ? 1 : 2;
    oTotal[i] = total;
  });
  // discount and tax are generated in hundredths: as decimal(15,2) that is the unscaled value already
  const orders: ColumnBatch = {
    numRows: n,
    columns: [longs(oKey, n), longs(oCust, n), dict(oStatus, n, STATUS), money(oTotal, n, decimal), ints(oDate, n), dict(oPrio, n, PRIORITIES), strs(oClerk), ints(oShip, n), strs(oComment)],
  };
  const lineitem: ColumnBatch = {
    numRows: m,
    columns: [
      longs(lKey, m), longs(lPart, m), longs(lSupp, m), ints(lLine, m), money(lQty, m, decimal), money(lPrice, m, decimal),
      money(lDisc, m, decimal), money(lTax, m, decimal), dict(lFlag, m, FLAGS), dict(lStatus, m, STATUS.slice(0, 2)),
      ints(lShip, m), ints(lCommit, m), ints(lReceipt, m), dict(lInstr, m, INSTRUCTIONS), dict(lMode, m, MODES), strs(lComment),
    ],
  };
  return { orders, lineitem };
}
