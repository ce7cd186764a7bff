// KeyMap/canonicalKey equality and hashKey consistency: keys equal by value share one entry and one hash.
import { describe, expect, it } from 'vitest';
import { canonicalKey, KeyMap } from '../../src/rdd/key-map.js';
import { hashKey } from '../../src/rdd/partitioner.js';

const equalPairs: Array<[unknown, unknown]> = [
  [[1, 'a'], [1, 'a']],
  [new Date(5), new Date(5)],
  [{ a: 1, b: [2, 3] }, { b: [2, 3], a: 1 }],
  [{ id: 1n }, { id: 1n }],
  [new Map([[1, 'x'], [2, 'y']]), new Map([[2, 'y'], [1, 'x']])],
  [new Set(['p', 'q']), new Set(['q', 'p'])],
  [[{ d: new Date(1) }, null], [{ d: new Date(1) }, null]],
  [new Uint8Array([1, 2]), new Uint8Array([1, 2])],
];
const distinctKeys: unknown[] = [
  [1], ['1'], [1n], [true], ['true'], [null], [undefined], [[1]], [1, 2], [12], ['1,2'],
  { a: 1 }, { a: '1' }, { a: 1n }, new Map([[1, 2]]), new Map([[1, 3]]), new Map(), new Set([1]), new Set(), {},
  new Date(1), new Date(2), new Uint8Array([1]), new Int8Array([1]),
];

describe('canonicalKey', () => {
  it('is equal for keys equal by value, and their hashes agree', () => {
    for (const [a, b] of equalPairs) {
      expect(canonicalKey(a)).toBe(canonicalKey(b));
      expect(hashKey(a)).toBe(hashKey(b));
    }
  });

  it('separates keys of different values or types', () => {
    const names = distinctKeys.map(canonicalKey);
    expect(new Set(names).size).toBe(distinctKeys.length);
  });
});

describe('KeyMap', () => {
  it('merges equal keys and keeps the first key object', () => {
    const m = new KeyMap<number>();
    for (const [a, b] of equalPairs) {
      m.set(a, 1);
      m.set(b, (m.get(b) ?? 0) + 1);
    }
    for (const k of distinctKeys) m.set(k, 0);
    expect(m.size).toBe(equalPairs.length + distinctKeys.length);
    for (const [a] of equalPairs) expect(m.get(a)).toBe(2);
    m.set(0, 1);
    expect(m.get(-0)).toBe(1); // SameValueZero for primitives
    expect(m.has('0')).toBe(false);
  });
});
