import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TsSparkError } from '../../src/common/errors.js';
import { shuffleDataPath, shuffleIndexPath } from '../../src/shuffle/block-id.js';
import { iterateRecords, locateBlockRange, readBlockRange, readLocalBlock } from '../../src/shuffle/reader.js';
import { tempRoot, writeMapOutput } from './shuffle-fixtures.js';

function rejection(f: () => unknown): TsSparkError {
  try {
    f();
  } catch (e) {
    if (e instanceof TsSparkError) return e;
    throw e;
  }
  throw new Error('expected a TsSparkError');
}

function flat(blocks: Iterable<Uint8Array>): unknown[] {
  const out: unknown[] = [];
  for (const batch of iterateRecords(blocks)) out.push(...batch);
  return out;
}

const records: [number, unknown][] = [
  [0, ['a', 1]],
  [2, ['c', 3]],
  [1, ['b', 2]],
  [2, ['c', 4]],
  [4, ['e', 5]],
];

describe('local block reader', () => {
  it('reads single blocks and contiguous ranges', () => {
    const root = tempRoot();
    writeMapOutput(root, 8, 1, 5, records, { batchRecords: 1 });
    expect(flat([readLocalBlock(root, 8, 1, 2)])).toEqual([['c', 3], ['c', 4]]);
    expect(readLocalBlock(root, 8, 1, 3).byteLength).toBe(0);
    expect(flat([readBlockRange(root, 8, 1, 1, 4)])).toEqual([['b', 2], ['c', 3], ['c', 4]]);
    expect(flat([readLocalBlock(root, 8, 1, 4), readLocalBlock(root, 8, 1, 0)])).toEqual([['e', 5], ['a', 1]]);
    const loc = locateBlockRange(root, 8, 1, 0, 5);
    expect(loc).toEqual({ dataPath: shuffleDataPath(root, 8, 1), offset: 0, length: fs.statSync(loc.dataPath).size });
  });

  it('reports a missing map output as FETCH_FAILED with ids as fields', () => {
    const e = rejection(() => readLocalBlock(tempRoot(), 8, 9, 2));
    expect(e.code).toBe('FETCH_FAILED');
    expect(e.details).toMatchObject({ shuffleId: 8, mapId: 9, reduceId: 2 });
    const root = tempRoot();
    writeMapOutput(root, 8, 1, 5, records);
    fs.rmSync(shuffleDataPath(root, 8, 1));
    expect(rejection(() => readLocalBlock(root, 8, 1, 0)).code).toBe('FETCH_FAILED');
  });

  it('rejects invalid ids and ranges outside the output', () => {
    const root = tempRoot();
    writeMapOutput(root, 8, 1, 5, records);
    expect(rejection(() => readLocalBlock(root, 8, 1, 5)).message).toMatch(/outside the 5 partitions/);
    expect(rejection(() => readLocalBlock(root, 8, 1, -1)).code).toBe('INVALID_WIRE_DATA');
    expect(rejection(() => readLocalBlock(root, 8, 1.5, 0)).code).toBe('INVALID_WIRE_DATA');
    expect(rejection(() => readLocalBlock(root, 8, 1, 2 ** 53)).code).toBe('INVALID_WIRE_DATA');
    expect(rejection(() => readBlockRange(root, 8, 1, 3, 3)).code).toBe('INVALID_WIRE_DATA');
  });

  it('rejects a truncated or corrupt index and a data file of the wrong size', () => {
    const root = tempRoot();
    writeMapOutput(root, 8, 1, 5, records);
    const indexPath = shuffleIndexPath(root, 8, 1);
    const goodIndex = fs.readFileSync(indexPath);

    fs.writeFileSync(indexPath, goodIndex.subarray(0, 20));
    const truncated = rejection(() => readLocalBlock(root, 8, 1, 0));
    expect(truncated.code).toBe('FETCH_FAILED');
    expect(truncated.message).toMatch(/index file has 20 bytes/);
    expect((truncated.cause as TsSparkError).code).toBe('INVALID_WIRE_DATA');

    const bad = Buffer.from(goodIndex);
    bad.writeBigInt64LE(1n << 40n, 16);
    fs.writeFileSync(indexPath, bad);
    expect(rejection(() => readLocalBlock(root, 8, 1, 0)).message).toMatch(/decrease|ends at/);

    fs.writeFileSync(indexPath, goodIndex);
    fs.appendFileSync(shuffleDataPath(root, 8, 1), Buffer.from([1, 2, 3]));
    expect(rejection(() => readLocalBlock(root, 8, 1, 0)).message).toMatch(/but the data file has/);
  });

  it('rejects corrupt block bytes while iterating, naming the block', () => {
    const root = tempRoot();
    writeMapOutput(root, 8, 1, 5, records);
    const block = readLocalBlock(root, 8, 1, 2);
    const e = rejection(() => flat([readLocalBlock(root, 8, 1, 0), block.subarray(0, block.byteLength - 2)]));
    expect(e.code).toBe('INVALID_WIRE_DATA');
    expect(e.details).toMatchObject({ blockIndex: 1, frame: 0 });
  });
});
