// The TPC-H generator at SF 0.01: deterministic, independent of the partition count, and within the spec's key
// ranges, cardinalities and derivation rules (clause 4.2).
import { expect, it } from 'vitest';
import type { Column, ColumnBatch } from '../../src/sql/batch/column-batch.js';
import { generatePartition, orderKey, partSupplier, retailPriceCents, type TpchTable } from '../../bench/tpch/dbgen/index.js';

const SF = 0.01;
const gen = (t: TpchTable, parts = 2, seed?: number): ColumnBatch[] => {
  const out: ColumnBatch[] = [];
  for (let p = 0; p < parts; p++) out.push(...generatePartition(t, p, parts, { sf: SF, ...(seed === undefined ? {} : { seed }) }));
  return out;
};
const values = (bs: ColumnBatch[], c: number): unknown[] => bs.flatMap((b) => {
  const col: Column = b.columns[c]!;
  const n = b.numRows;
  switch (col.kind) {
    case 'dict': return Array.from(col.ids.subarray(0, n), (i) => col.dictionary[i]);
    case 'str': case 'obj': return col.values.slice(0, n) as unknown[];
    default: return Array.from(col.values.subarray(0, n));
  }
});
const rows = (bs: ColumnBatch[]): number => bs.reduce((a, b) => a + b.numRows, 0);

it('is deterministic for a seed and does not depend on the number of partitions', () => {
  for (const t of ['customer', 'lineitem', 'partsupp'] as const) {
    const a = gen(t, 1), b = gen(t, 3);
    for (let c = 0; c < a[0]!.columns.length; c++) expect(values(b, c)).toEqual(values(a, c));
  }
  expect(values(gen('orders', 2, 7), 8)).not.toEqual(values(gen('orders', 2), 8));
});

it('has the spec cardinalities and key ranges at SF 0.01', () => {
  expect(rows(gen('region'))).toBe(5);
  expect(rows(gen('nation'))).toBe(25);
  expect(rows(gen('supplier'))).toBe(100);
  expect(rows(gen('customer'))).toBe(1500);
  expect(rows(gen('part'))).toBe(2000);
  expect(rows(gen('partsupp'))).toBe(8000);
  const orders = gen('orders');
  expect(rows(orders)).toBe(15000);
  const okeys = values(orders, 0) as number[];
  expect(okeys[0]).toBe(1);
  expect(okeys.at(-1)).toBe(orderKey(14999));
  expect(okeys.every((k) => (k - 1) % 32 < 8)).toBe(true); // sparse: 8 of every 32 keys
  expect((values(orders, 1) as number[]).every((c) => c >= 1 && c <= 1500 && c % 3 !== 0)).toBe(true);
  const li = gen('lineitem');
  expect(rows(li)).toBeGreaterThan(55_000);
  expect(rows(li)).toBeLessThan(65_000);
});

it('derives lineitem and order fields by the spec rules', () => {
  const li = gen('lineitem'), orders = gen('orders');
  const [okey, pk, sk, , qty, price, disc, tax, flag, status, ship, commit, receipt] = Array.from({ length: 13 }, (_, c) => values(li, c) as number[]);
  const current = Date.UTC(1995, 5, 17) / 86_400_000;
  const statusByOrder = new Map<number, Set<string>>();
  for (let i = 0; i < okey!.length; i++) {
    expect(price![i]).toBe((qty![i]! / 100) * retailPriceCents(pk![i]!));
    expect([0, 1, 2, 3].map((k) => partSupplier(pk![i]!, k, 100))).toContain(sk![i]);
    expect(disc![i]).toBeGreaterThanOrEqual(0); expect(disc![i]).toBeLessThanOrEqual(10);
    expect(tax![i]).toBeLessThanOrEqual(8);
    expect(receipt![i]! - ship![i]!).toBeGreaterThanOrEqual(1);
    expect(String(flag![i])).toBe(receipt![i]! <= current ? (flag![i] === ('R' as unknown) ? 'R' : 'A') : 'N');
    expect(String(status![i])).toBe(ship![i]! > current ? 'O' : 'F');
    void commit;
    const s = statusByOrder.get(okey![i]!) ?? new Set<string>();
    s.add(String(status![i]));
    statusByOrder.set(okey![i]!, s);
  }
  const ok = values(orders, 0) as number[], ostatus = values(orders, 2) as string[];
  for (let i = 0; i < ok.length; i++) {
    const s = statusByOrder.get(ok[i]!)!;
    expect(ostatus[i]).toBe(s.size === 2 ? 'P' : [...s][0]);
  }
  // partsupp: the 4 suppliers of a part are distinct
  const ps = gen('partsupp');
  const psk = values(ps, 1) as number[];
  for (let i = 0; i < psk.length; i += 4) expect(new Set(psk.slice(i, i + 4)).size).toBe(4);
  // comment lengths within the spec's text[min, max]
  expect((values(li, 15) as string[]).every((c) => c.length >= 10 && c.length <= 43)).toBe(true);
  expect((values(orders, 8) as string[]).every((c) => c.length >= 19 && c.length <= 78)).toBe(true);
  expect((values(gen('supplier'), 4) as string[]).every((p) => /^\d\d-\d{3}-\d{3}-\d{4}$/.test(p))).toBe(true);
});
