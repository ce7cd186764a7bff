// Typed-array kernels behind hash aggregation and exchanges: group ids over numeric key codes (NULL and NaN keys,
// table growth), string keys through the interner, and the counting-sort partition split.
import { describe, expect, it } from 'vitest';
import type { ColumnBatch } from '../../../src/sql/batch/column-batch.js';
import { T } from '../../../src/sql/types/data-type.js';
import { GroupTable } from '../../../src/sql/execution/group-table.js';
import { decodeKey, encodeKey, KeyInterner } from '../../../src/sql/execution/key-codes.js';
import { partitionBatches } from '../../../src/sql/execution/exchange-map.js';
import { valueAt } from '../../../src/sql/execution/batch-ops.js';

describe('GroupTable', () => {
  it('assigns dense ids, NULL apart from 0, NaN equal to NaN, across growth', () => {
    const t = new GroupTable(1);
    const n = 5000;
    const codes = new Float64Array(n), nulls = new Uint8Array(n), out = new Int32Array(n);
    for (let i = 0; i < n; i++) codes[i] = i % 1000;
    codes[1] = NaN; codes[2] = NaN; nulls[3] = 1; codes[3] = 0;
    t.assign([codes], [nulls], n, out);
    expect(out[0]).toBe(0);
    expect(out[1]).toBe(out[2]);
    expect(out[3]).not.toBe(out[0]);
    expect(out[1000]).toBe(out[0]);
    expect(t.size).toBe(1000 + 2); // 0..999 plus NaN plus NULL
  });

  it('groups two keys by the pair', () => {
    const t = new GroupTable(2);
    const a = Float64Array.from([1, 1, 2, 2, 1]), b = Float64Array.from([1, 2, 1, 2, 1]);
    const z = new Uint8Array(5), out = new Int32Array(5);
    t.assign([a, b], [z, z], 5, out);
    expect([...out]).toEqual([0, 1, 2, 3, 0]);
  });
});

describe('key codes', () => {
  it('interns dictionary and plain strings to the same ids and decodes them back', () => {
    const it = new KeyInterner();
    const codes = new Float64Array(3), nulls = new Uint8Array(3);
    encodeKey({ kind: 'dict', ids: Int32Array.from([1, 0, 1]), dictionary: ['x', 'y'], valid: Uint8Array.from([1, 1, 0]) }, 3, it, codes, nulls);
    expect([...nulls]).toEqual([0, 0, 1]);
    const codes2 = new Float64Array(2), nulls2 = new Uint8Array(2);
    encodeKey({ kind: 'str', values: ['x', null], valid: null }, 2, it, codes2, nulls2);
    expect(codes2[0]).toBe(codes[1]);
    expect(nulls2[1]).toBe(1);
    const col = decodeKey(T.string, codes, nulls, 3, it);
    expect([0, 1, 2].map((i) => valueAt(col, i))).toEqual(['y', 'x', null]);
  });
});

describe('exchange split', () => {
  it('routes every row once, equal keys to the same partition', () => {
    const n = 10000;
    const keys = new Int32Array(n), vals = new Float64Array(n);
    for (let i = 0; i < n; i++) { keys[i] = i % 37; vals[i] = i; }
    const batch: ColumnBatch = { numRows: n, columns: [{ kind: 'i32', values: keys, valid: null }, { kind: 'f64', values: vals, valid: null }] };
    const parts = [...partitionBatches({ kind: 'hash', keys: [{ kind: 'bound', ordinal: 0, type: T.int, nullable: false, name: 'k' }], numPartitions: 8 }, 0, [batch])];
    const seen = new Float64Array(n);
    const home = new Map<number, number>();
    for (const [q, b] of parts) {
      for (let r = 0; r < b.numRows; r++) {
        const k = valueAt(b.columns[0]!, r) as number, v = valueAt(b.columns[1]!, r) as number;
        seen[v]! += 1;
        expect(v % 37).toBe(k);
        if (!home.has(k)) home.set(k, q);
        expect(home.get(k)).toBe(q);
      }
    }
    expect(seen.every((x) => x === 1)).toBe(true);
  });
});

describe('GroupTable.assignSmall', () => {
  it('matches the hashed assignment for small interned codes, NULLs included, across radix changes', () => {
    const a = Float64Array.from([0, 1, 2, 0, 1, 2, 0]), b = Float64Array.from([1, 0, 1, 1, 0, 0, 0]);
    const na = Uint8Array.from([0, 0, 0, 0, 0, 0, 1]), nb = new Uint8Array(7);
    const hashed = new GroupTable(2), small = new GroupTable(2);
    const o1 = new Int32Array(7), o2 = new Int32Array(7);
    hashed.assign([a, b], [na, nb], 7, o1);
    expect(small.assignSmall([a, b], [na, nb], 7, o2, [3, 2])).toBe(true);
    expect([...o2]).toEqual([...o1]);
    // the interner grew: radices change, earlier groups keep their ids
    const a2 = Float64Array.from([3, 0]), b2 = Float64Array.from([0, 1]), z = new Uint8Array(2), o3 = new Int32Array(2);
    expect(small.assignSmall([a2, b2], [z, z], 2, o3, [4, 2])).toBe(true);
    expect(o3[1]).toBe(o1[0]);
    expect(o3[0]).toBe(small.size - 1);
    expect(small.assignSmall([a2], [z], 2, o3, [1 << 20])).toBe(false);
  });
});
