import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { removeAllShuffles, removeShuffle } from '../../src/shuffle/cleanup.js';
import { ShuffleWriter } from '../../src/shuffle/writer.js';
import { listFiles, tempRoot, writeMapOutput } from './shuffle-fixtures.js';

describe('shuffle cleanup', () => {
  it('removes only the named shuffle, including temp and spill files, and leaves foreign files', () => {
    const root = tempRoot();
    writeMapOutput(root, 1, 0, 2, [[0, 'a']]);
    writeMapOutput(root, 1, 1, 2, [[1, 'b']]);
    writeMapOutput(root, 12, 0, 2, [[1, 'c']]);
    const open = new ShuffleWriter({ rootDir: root, shuffleId: 1, mapId: 2, numPartitions: 2, memoryLimitBytes: 0, batchRecords: 1 });
    open.write(0, 'spilled');
    fs.writeFileSync(path.join(root, 'notes.txt'), 'keep');
    fs.writeFileSync(path.join(root, 'shuffle_1_0_0.data.bak'), 'keep');
    fs.mkdirSync(path.join(root, 'shuffle_1_9_0.data'));

    expect(removeShuffle(root, 1)).toBe(5);
    expect(listFiles(root)).toEqual(['notes.txt', 'shuffle_12_0_0.data', 'shuffle_12_0_0.index', 'shuffle_1_0_0.data.bak', 'shuffle_1_9_0.data']);
    expect(removeShuffle(root, 1)).toBe(0);
    expect(removeAllShuffles(root)).toBe(2);
    expect(listFiles(root)).toEqual(['notes.txt', 'shuffle_1_0_0.data.bak', 'shuffle_1_9_0.data']);
  });

  it('treats a missing root as empty and rejects invalid ids', () => {
    expect(removeAllShuffles(path.join(tempRoot(), 'nope'))).toBe(0);
    expect(() => removeShuffle(tempRoot(), -1)).toThrow(/shuffleId/);
  });
});
