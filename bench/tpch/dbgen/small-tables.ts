// region, nation, supplier and customer generation (clause 4.2.3), one chunk of units at a time.
import type { ColumnBatch } from '../../../src/sql/batch/column-batch.js';
import { forUnits } from './blocks.js';
import { dict, longs, money, pad9, phone, strs } from './columns.js';
import { NATIONS, REGIONS, SEGMENTS } from './distributions.js';
import { Rng } from './prng.js';
import { SF_BASE } from './schemas.js';
import { text, vstring } from './text-pool.js';

export function regionBatch(seed: number): ColumnBatch {
  const keys = new Float64Array(5), names: string[] = [], comments: string[] = [];
  forUnits(seed, 'region', 0, 5, (u, r) => { keys[u] = u; names.push(REGIONS[u]!); comments.push(text(r, 31, 115)); });
  return { numRows: 5, columns: [longs(keys, 5), strs(names), strs(comments)] };
}

export function nationBatch(seed: number): ColumnBatch {
  const keys = new Float64Array(25), regions = new Float64Array(25), names: string[] = [], comments: string[] = [];
  forUnits(seed, 'nation', 0, 25, (u, r) => {
    keys[u] = u; names.push(NATIONS[u]![0]); regions[u] = NATIONS[u]![1]; comments.push(text(r, 31, 114));
  });
  return { numRows: 25, columns: [longs(keys, 25), strs(names), longs(regions, 25), strs(comments)] };
}

/** Supplier keys whose comment carries "Customer…Complaints" (1) or "Customer…Recommends" (2): SF×5 each. */
function betterBusinessBureau(seed: number, suppkey: number): number {
  const h = new Rng(seed, 77, suppkey).next() % SF_BASE.supplier; // 5 in 10,000 each: SF×5 expected
  return h < 5 ? 1 : h < 10 ? 2 : 0;
}

function withBbb(r: Rng, base: string, word: string): string {
  const l = base.length; // ≥ 25
  const gap = r.int(0, l - 8 - word.length);
  const pos = r.int(0, l - 8 - word.length - gap);
  return base.slice(0, pos) + 'Customer' + base.slice(pos + 8, pos + 8 + gap) + word + base.slice(pos + 8 + gap + word.length);
}

export function supplierBatch(seed: number, lo: number, hi: number, decimal: boolean): ColumnBatch {
  const n = hi - lo;
  const keys = new Float64Array(n), nations = new Float64Array(n), bal = new Float64Array(n);
  const names: string[] = [], addrs: string[] = [], phones: string[] = [], comments: string[] = [];
  forUnits(seed, 'supplier', lo, hi, (u, r) => {
    const i = u - lo, key = u + 1;
    keys[i] = key;
    names.push(`Supplier#${pad9(key)}`);
    addrs.push(vstring(r, 10, 40));
    const nation = r.int(0, 24);
    nations[i] = nation;
    phones.push(phone(nation, r.int(100, 999), r.int(100, 999), r.int(1000, 9999)));
    bal[i] = r.int(-99_999, 999_999);
    let c = text(r, 25, 100);
    const bbb = betterBusinessBureau(seed, key);
    if (bbb !== 0) c = withBbb(r, c, bbb === 1 ? 'Complaints' : 'Recommends');
    comments.push(c);
  });
  return { numRows: n, columns: [longs(keys, n), strs(names), strs(addrs), longs(nations, n), strs(phones), money(bal, n, decimal), strs(comments)] };
}

export function customerBatch(seed: number, lo: number, hi: number, decimal: boolean): ColumnBatch {
  const n = hi - lo;
  const keys = new Float64Array(n), nations = new Float64Array(n), bal = new Float64Array(n), seg = new Int32Array(n);
  const names: string[] = [], addrs: string[] = [], phones: string[] = [], comments: string[] = [];
  forUnits(seed, 'customer', lo, hi, (u, r) => {
    const i = u - lo, key = u + 1;
    keys[i] = key;
    names.push(`Customer#${pad9(key)}`);
    addrs.push(vstring(r, 10, 40));
    const nation = r.int(0, 24);
    nations[i] = nation;
    phones.push(phone(nation, r.int(100, 999), r.int(100, 999), r.int(1000, 9999)));
    bal[i] = r.int(-99_999, 999_999);
    seg[i] = r.pickIndex(SEGMENTS.length);
    comments.push(text(r, 29, 116));
  });
  return { numRows: n, columns: [longs(keys, n), strs(names), strs(addrs), longs(nations, n), strs(phones), money(bal, n, decimal), dict(seg, n, SEGMENTS), strs(comments)] };
}
