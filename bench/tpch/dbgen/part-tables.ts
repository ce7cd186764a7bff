// part and partsupp generation (clause 4.2.3): names from 5 distinct colors, the retail price formula and
// partsupp's supplier formula.
import type { ColumnBatch } from '../../../src/sql/batch/column-batch.js';
import { forUnits } from './blocks.js';
import { dict, ints, longs, money, strs } from './columns.js';
import { COLORS, CONTAINER_S1, CONTAINER_S2, TYPE_S1, TYPE_S2, TYPE_S3 } from './distributions.js';
import { SF_BASE } from './schemas.js';
import { text } from './text-pool.js';

/** P_RETAILPRICE in cents: (90000 + ((key/10) mod 20001) + 100 × (key mod 1000)). */
export function retailPriceCents(partkey: number): number {
  return 90000 + (Math.floor(partkey / 10) % 20001) + 100 * (partkey % 1000);
}

/** PS_SUPPKEY of the i-th (0..3) supplier of a part: (partkey + i × (S/4 + (partkey−1)/S)) mod S + 1. */
export function partSupplier(partkey: number, i: number, suppliers: number): number {
  return ((partkey + i * (Math.floor(suppliers / 4) + Math.floor((partkey - 1) / suppliers))) % suppliers) + 1;
}

const TYPES = TYPE_S1.flatMap((a) => TYPE_S2.flatMap((b) => TYPE_S3.map((c) => `${a} ${b} ${c}`)));
const CONTAINERS = CONTAINER_S1.flatMap((a) => CONTAINER_S2.map((b) => `${a} ${b}`));
const MFGRS = [1, 2, 3, 4, 5].map((m) => `Manufacturer#${m}`);
const BRANDS = [1, 2, 3, 4, 5].flatMap((m) => [1, 2, 3, 4, 5].map((k) => `Brand#${m}${k}`));

export function partBatch(seed: number, lo: number, hi: number, decimal: boolean): ColumnBatch {
  const n = hi - lo;
  const keys = new Float64Array(n), price = new Float64Array(n), size = new Int32Array(n);
  const mfgr = new Int32Array(n), brand = new Int32Array(n), type = new Int32Array(n), cont = new Int32Array(n);
  const names: string[] = [], comments: string[] = [];
  const picked = new Int32Array(5);
  forUnits(seed, 'part', lo, hi, (u, r) => {
    const i = u - lo, key = u + 1;
    keys[i] = key;
    let name = '';
    for (let k = 0; k < 5; k++) {
      let c: number;
      do c = r.pickIndex(COLORS.length); while (picked.subarray(0, k).includes(c));
      picked[k] = c;
      name += (k === 0 ? '' : ' ') + COLORS[c]!;
    }
    names.push(name);
    const m = r.int(1, 5);
    mfgr[i] = m - 1;
    brand[i] = (m - 1) * 5 + r.int(1, 5) - 1;
    type[i] = r.pickIndex(TYPES.length);
    size[i] = r.int(1, 50);
    cont[i] = r.pickIndex(CONTAINERS.length);
    price[i] = retailPriceCents(key);
    comments.push(text(r, 5, 22));
  });
  return {
    numRows: n,
    columns: [longs(keys, n), strs(names), dict(mfgr, n, MFGRS), dict(brand, n, BRANDS), dict(type, n, TYPES), ints(size, n), dict(cont, n, CONTAINERS), money(price, n, decimal), strs(comments)],
  };
}

export function partsuppBatch(seed: number, sf: number, lo: number, hi: number, decimal: boolean): ColumnBatch {
  const n = (hi - lo) * 4, suppliers = Math.floor(SF_BASE.supplier * sf);
  const pk = new Float64Array(n), sk = new Float64Array(n), qty = new Int32Array(n), cost = new Float64Array(n);
  const comments: string[] = [];
  forUnits(seed, 'partsupp', lo, hi, (u, r) => {
    const key = u + 1;
    for (let s = 0; s < 4; s++) {
      const i = (u - lo) * 4 + s;
      pk[i] = key;
      sk[i] = partSupplier(key, s, suppliers);
      qty[i] = r.int(1, 9999);
      cost[i] = r.int(100, 100_000);
      comments.push(text(r, 49, 198));
    }
  });
  return { numRows: n, columns: [longs(pk, n), longs(sk, n), ints(qty, n), money(cost, n, decimal), strs(comments)] };
}
