import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ExternalSorter } from '../../src/shuffle/external-sorter.js';
import { listFiles, tempRoot } from './shuffle-fixtures.js';

type Pair = [number, number];
const byKey = (a: Pair, b: Pair): number => a[0] - b[0];

function pseudoRandomPairs(n: number, keys: number): Pair[] {
  let s = 7;
  return Array.from({ length: n }, (_, i) => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return [s % keys, i] as Pair;
  });
}

/** The expected result: a stable sort by key (Array.prototype.sort is stable). */
function stableSorted(pairs: Pair[]): Pair[] {
  return [...pairs].sort(byKey);
}

describe('ExternalSorter', () => {
  it('sorts in memory without spilling under a large limit', () => {
    const dir = tempRoot();
    const pairs = pseudoRandomPairs(5000, 100);
    const s = new ExternalSorter<Pair>({ compare: byKey, memoryLimitBytes: 1 << 30, spillDir: dir });
    s.insertAll(pairs);
    expect([...s.sorted()]).toEqual(stableSorted(pairs));
    expect(s.stats.spillCount).toBe(0);
    expect(listFiles(dir)).toEqual([]);
  });

  it('spills runs under a tiny limit, merges them stably and deletes the run files', () => {
    const dir = tempRoot();
    const pairs = pseudoRandomPairs(20_000, 50); // many equal keys: checks stability across runs
    for (const compress of [false, true]) {
      const s = new ExternalSorter<Pair>({ compare: byKey, memoryLimitBytes: 8_000, spillDir: dir, batchRecords: 100, compress });
      s.insertAll(pairs);
      expect(s.stats.spillCount).toBeGreaterThan(5);
      expect(listFiles(dir).length).toBe(s.stats.spillCount);
      expect([...s.sorted()]).toEqual(stableSorted(pairs));
      expect(listFiles(dir)).toEqual([]);
    }
  });

  it('handles empty input and a single record', () => {
    const dir = tempRoot();
    expect([...new ExternalSorter<Pair>({ compare: byKey, memoryLimitBytes: 0, spillDir: dir }).sorted()]).toEqual([]);
    const one = new ExternalSorter<Pair>({ compare: byKey, memoryLimitBytes: 0, spillDir: dir });
    one.insert([1, 1]);
    expect([...one.sorted()]).toEqual([[1, 1]]);
  });

  it('removes run files when closed early or when iteration stops early', () => {
    const dir = tempRoot();
    const s = new ExternalSorter<Pair>({ compare: byKey, memoryLimitBytes: 1000, spillDir: dir });
    s.insertAll(pseudoRandomPairs(3000, 10));
    expect(fs.readdirSync(dir).length).toBeGreaterThan(0);
    for (const first of s.sorted()) {
      expect(first[0]).toBe(0);
      break;
    }
    expect(listFiles(dir)).toEqual([]);
    expect(() => s.insert([1, 1])).toThrow(/after reading or closing/);

    const t = new ExternalSorter<Pair>({ compare: byKey, memoryLimitBytes: 1000, spillDir: dir });
    t.insertAll(pseudoRandomPairs(3000, 10));
    t.close();
    expect(listFiles(dir)).toEqual([]);
  });

  it('sorts with any comparator, e.g. descending strings', () => {
    const dir = tempRoot();
    const words = Array.from({ length: 3000 }, (_, i) => `w${(i * 7919) % 3001}`);
    const desc = (a: string, b: string): number => (a < b ? 1 : a > b ? -1 : 0);
    const s = new ExternalSorter<string>({ compare: desc, memoryLimitBytes: 2000, spillDir: dir, batchRecords: 50 });
    s.insertAll(words);
    expect(s.stats.spillCount).toBeGreaterThan(1);
    expect([...s.sorted()]).toEqual([...words].sort(desc));
  });
});
