import { describe, expect, it } from 'vitest';
import { TsSparkError } from '../../src/common/errors.js';
import { decodeIndex, encodeIndex, partitionLengthsOf } from '../../src/shuffle/index-file.js';

function rejection(f: () => unknown): TsSparkError {
  try {
    f();
  } catch (e) {
    if (e instanceof TsSparkError) return e;
    throw e;
  }
  throw new Error('expected a TsSparkError');
}

describe('index file', () => {
  it('encodes P+1 little-endian int64 offsets starting at 0', () => {
    const bytes = encodeIndex([5, 0, 7]);
    expect(bytes.byteLength).toBe(32);
    expect([0, 8, 16, 24].map((o) => bytes.readBigInt64LE(o))).toEqual([0n, 5n, 5n, 12n]);
    expect(Array.from(decodeIndex(bytes, 12))).toEqual([0, 5, 5, 12]);
    expect(partitionLengthsOf(decodeIndex(bytes))).toEqual([5, 0, 7]);
  });

  it('rejects a wrong length', () => {
    expect(rejection(() => decodeIndex(Buffer.alloc(12))).code).toBe('INVALID_WIRE_DATA');
    expect(rejection(() => decodeIndex(Buffer.alloc(8))).message).toMatch(/8 \* \(P \+ 1\)/);
    expect(rejection(() => decodeIndex(encodeIndex([1, 2]).subarray(0, 20))).details.indexLength).toBe(20);
  });

  it('rejects a nonzero start, decreasing offsets, negative offsets and a data length mismatch', () => {
    const start = encodeIndex([1, 2]);
    start.writeBigInt64LE(1n, 0);
    expect(rejection(() => decodeIndex(start)).message).toMatch(/start at offset 0/);

    const dec = encodeIndex([4, 4, 4]);
    dec.writeBigInt64LE(2n, 16);
    const e = rejection(() => decodeIndex(dec));
    expect(e.message).toMatch(/decrease at entry 2: 4 > 2/);
    expect(e.details.entry).toBe(2);

    const neg = encodeIndex([1]);
    neg.writeBigInt64LE(-1n, 8);
    expect(rejection(() => decodeIndex(neg)).message).toMatch(/out of range/);

    const m = rejection(() => decodeIndex(encodeIndex([3, 3]), 7, { shuffleId: 1 }));
    expect(m.message).toMatch(/ends at 6 but the data file has 7 bytes/);
    expect(m.details).toMatchObject({ shuffleId: 1, indexEnd: 6, dataLength: 7 });
  });
});
