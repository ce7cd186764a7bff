import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isTsSparkError } from '../../src/common/errors.js';
import { shuffleDataPath, shuffleIndexPath, shuffleLockPath } from '../../src/shuffle/block-id.js';
import { readIndexFile } from '../../src/shuffle/index-file.js';
import { ShuffleWriter } from '../../src/shuffle/writer.js';
import { expectedPartitions, listFiles, readPartitions, tempRoot, writeMapOutput } from './shuffle-fixtures.js';

/** Deterministic pseudo-random records spread unevenly over `numPartitions`, leaving some partitions empty. */
function makeRecords(n: number, numPartitions: number): [number, unknown][] {
  const out: [number, unknown][] = [];
  let s = 12345;
  for (let i = 0; i < n; i++) {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    const p = (s % numPartitions) % 3 === 1 ? 0 : s % numPartitions; // partitions ≡ 1 (mod 3) stay empty
    out.push([p, i % 5 === 0 ? [`k${s % 100}`, { n: i, tags: ['a', 'b'] }] : [s % 1000, i]]);
  }
  return out;
}

describe('ShuffleWriter', () => {
  it('round-trips many partitions, including empty ones, grouped by partition in write order', () => {
    const root = tempRoot();
    const P = 37;
    const records = makeRecords(20_000, P);
    const result = writeMapOutput(root, 2, 5, P, records, { batchRecords: 100 });
    const expected = expectedPartitions(records, P);
    expect(readPartitions(root, 2, 5, P)).toEqual(expected);
    expect(expected.filter((p) => p.length === 0).length).toBeGreaterThan(5);
    expect(result.partitionLengths.length).toBe(P);
    expect(result.partitionLengths.every((len, p) => (len === 0) === (expected[p]!.length === 0))).toBe(true);
    expect(result.bytesWritten).toBe(fs.statSync(shuffleDataPath(root, 2, 5)).size);
    expect(result.recordsWritten).toBe(20_000);
    expect(result.spillCount).toBe(0);
    expect(result.bytesSpilled).toBe(0);
    expect(result.writeTimeMs).toBeGreaterThan(0);
    expect(listFiles(root)).toEqual(['shuffle_2_5_0.data', 'shuffle_2_5_0.index']);
  });

  it('writes a valid output when nothing was written', () => {
    const root = tempRoot();
    const result = writeMapOutput(root, 0, 0, 3, []);
    expect(result.partitionLengths).toEqual([0, 0, 0]);
    expect(Array.from(readIndexFile(shuffleIndexPath(root, 0, 0), 0))).toEqual([0, 0, 0, 0]);
    expect(readPartitions(root, 0, 0, 3)).toEqual([[], [], []]);
  });

  it('spills under a tiny memory limit and produces the same records as without spilling', () => {
    const P = 9;
    const records = makeRecords(12_000, P);
    const plainRoot = tempRoot();
    const plain = writeMapOutput(plainRoot, 1, 0, P, records, { batchRecords: 64 });
    const spillRoot = tempRoot();
    const spilled = writeMapOutput(spillRoot, 1, 0, P, records, { batchRecords: 64, memoryLimitBytes: 4096 });
    expect(spilled.spillCount).toBeGreaterThan(3);
    expect(spilled.bytesSpilled).toBeGreaterThan(0);
    expect(readPartitions(spillRoot, 1, 0, P)).toEqual(expectedPartitions(records, P));
    // spilling seals partial batches early, so it can only add frames
    expect(spilled.bytesWritten).toBeGreaterThanOrEqual(plain.bytesWritten);
    expect(plain.spillCount).toBe(0);
    expect(listFiles(spillRoot)).toEqual(['shuffle_1_0_0.data', 'shuffle_1_0_0.index']);
  });

  it('spills on the pending-record estimate even when no batch fills up', () => {
    const root = tempRoot();
    const P = 600;
    const records: [number, unknown][] = Array.from({ length: 4096 }, (_, i) => [i % P, i]);
    const result = writeMapOutput(root, 1, 1, P, records, { memoryLimitBytes: 10_000 });
    expect(result.spillCount).toBeGreaterThan(0);
    expect(readPartitions(root, 1, 1, P)).toEqual(expectedPartitions(records, P));
  });

  it('compresses when asked, with identical records back', () => {
    const P = 5;
    const records: [number, unknown][] = Array.from({ length: 10_000 }, (_, i) => [i % P, ['same-key-text', i % 10]]);
    const rawRoot = tempRoot();
    const raw = writeMapOutput(rawRoot, 3, 0, P, records);
    const zRoot = tempRoot();
    const z = writeMapOutput(zRoot, 3, 0, P, records, { compress: true, memoryLimitBytes: 2048, batchRecords: 500 });
    expect(z.bytesWritten).toBeLessThan(raw.bytesWritten / 3);
    expect(readPartitions(zRoot, 3, 0, P)).toEqual(expectedPartitions(records, P));
    const none = writeMapOutput(tempRoot(), 3, 0, P, records, { compress: true, codec: 'none' });
    expect(none.bytesWritten).toBe(raw.bytesWritten);
  });

  it('keeps the first committed attempt and returns its lengths (idempotent commit)', () => {
    const root = tempRoot();
    const P = 4;
    const first = makeRecords(3000, P);
    const a = writeMapOutput(root, 6, 2, P, first);
    const second: [number, unknown][] = [[3, 'different']];
    const b = writeMapOutput(root, 6, 2, P, second);
    expect(b.partitionLengths).toEqual(a.partitionLengths);
    expect(readPartitions(root, 6, 2, P)).toEqual(expectedPartitions(first, P));
    expect(listFiles(root)).toEqual(['shuffle_6_2_0.data', 'shuffle_6_2_0.index']);
  });

  it('commits past a stale lock left by a crashed attempt', () => {
    const root = tempRoot();
    const lock = shuffleLockPath(root, 7, 0);
    fs.writeFileSync(lock, '');
    const old = new Date(Date.now() - 120_000);
    fs.utimesSync(lock, old, old);
    writeMapOutput(root, 7, 0, 2, [[1, 'x']]);
    expect(readPartitions(root, 7, 0, 2)).toEqual([[], ['x']]);
    expect(listFiles(root)).toEqual(['shuffle_7_0_0.data', 'shuffle_7_0_0.index']);
  });

  it('replaces an existing output that is inconsistent', () => {
    const root = tempRoot();
    writeMapOutput(root, 6, 3, 2, [[0, 'a']]);
    fs.appendFileSync(shuffleDataPath(root, 6, 3), 'trailing garbage');
    const records: [number, unknown][] = [[1, 'b'], [0, 'c']];
    writeMapOutput(root, 6, 3, 2, records);
    expect(readPartitions(root, 6, 3, 2)).toEqual([['c'], ['b']]);
  });

  it('abort removes spill files and leaves no output; the writer refuses later calls', () => {
    const root = tempRoot();
    const w = new ShuffleWriter({ rootDir: root, shuffleId: 4, mapId: 0, numPartitions: 3, memoryLimitBytes: 100, batchRecords: 10 });
    for (let i = 0; i < 1000; i++) w.write(i % 3, [i, i]);
    expect(listFiles(root).some((f) => f.includes('.spill.'))).toBe(true);
    w.abort();
    w.abort();
    expect(listFiles(root)).toEqual([]);
    expect(() => w.write(0, 1)).toThrow(/aborted/);
    expect(() => w.commit()).toThrow(/aborted/);
  });

  it('rejects bad partitions and options', () => {
    const w = new ShuffleWriter({ rootDir: tempRoot(), shuffleId: 0, mapId: 0, numPartitions: 2, memoryLimitBytes: 1000 });
    for (const p of [-1, 2, 0.5, Number.NaN]) {
      let err: unknown;
      try {
        w.write(p, 'x');
      } catch (e) {
        err = e;
      }
      expect(isTsSparkError(err, 'INVALID_ARGUMENT')).toBe(true);
    }
    expect(() => new ShuffleWriter({ rootDir: '/tmp', shuffleId: -1, mapId: 0, numPartitions: 2, memoryLimitBytes: 1 })).toThrow(/shuffleId/);
    expect(() => new ShuffleWriter({ rootDir: '/tmp', shuffleId: 0, mapId: 0, numPartitions: 0, memoryLimitBytes: 1 })).toThrow(/numPartitions/);
    expect(() => new ShuffleWriter({ rootDir: '/tmp', shuffleId: 0, mapId: 0, numPartitions: 1, memoryLimitBytes: 1, batchRecords: 0 })).toThrow(
      /batchRecords/,
    );
  });
});
