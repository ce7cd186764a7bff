import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isTsSparkError } from '../../src/common/errors.js';
import {
  formatBlockId,
  parseBlockId,
  parseShuffleFileName,
  shuffleDataPath,
  shuffleIndexPath,
  shuffleTempPath,
  validateAppDirName,
} from '../../src/shuffle/block-id.js';

function code(f: () => unknown): string | undefined {
  try {
    f();
    return undefined;
  } catch (e) {
    return isTsSparkError(e) ? e.code : `not a TsSparkError: ${String(e)}`;
  }
}

describe('block ids', () => {
  it('formats and parses', () => {
    expect(formatBlockId(3, 7, 0)).toBe('shuffle_3_7_0');
    expect(parseBlockId('shuffle_3_7_12')).toEqual({ shuffleId: 3, mapId: 7, reduceId: 12 });
    expect(parseBlockId(formatBlockId(9007199254740991, 0, 5))).toEqual({ shuffleId: 9007199254740991, mapId: 0, reduceId: 5 });
  });

  it.each([
    'shuffle_../_1_2',
    'shuffle_1_2_3/../../etc',
    '../shuffle_1_2_3',
    'shuffle_-1_2_3',
    'shuffle_1.5_2_3',
    'shuffle_01_2_3',
    'shuffle_1_2',
    'shuffle_1_2_3_4',
    ' shuffle_1_2_3',
    'shuffle_1_2_3\n',
    'shuffle_9007199254740992_0_0',
    'shuffle_99999999999999999999_0_0',
    'shuffle_1e3_0_0',
    'rdd_1_2',
    '',
  ])('rejects %j', (s) => {
    expect(code(() => parseBlockId(s))).toBe('INVALID_WIRE_DATA');
  });

  it('rejects non-strings and bad numeric ids', () => {
    expect(code(() => parseBlockId(42))).toBe('INVALID_WIRE_DATA');
    expect(code(() => parseBlockId(null))).toBe('INVALID_WIRE_DATA');
    expect(code(() => formatBlockId(-1, 0, 0))).toBe('INVALID_WIRE_DATA');
    expect(code(() => formatBlockId(1.5, 0, 0))).toBe('INVALID_WIRE_DATA');
    expect(code(() => formatBlockId(0, Number.NaN, 0))).toBe('INVALID_WIRE_DATA');
    expect(code(() => formatBlockId(0, 0, 2 ** 53))).toBe('INVALID_WIRE_DATA');
    expect(code(() => formatBlockId(0, 0, Infinity))).toBe('INVALID_WIRE_DATA');
  });
});

describe('paths', () => {
  it('derives file names from validated ids only', () => {
    expect(shuffleDataPath('/r', 3, 7)).toBe(path.join('/r', 'shuffle_3_7_0.data'));
    expect(shuffleIndexPath('/r', 3, 7)).toBe(path.join('/r', 'shuffle_3_7_0.index'));
    expect(code(() => shuffleDataPath('/r', -3, 7))).toBe('INVALID_WIRE_DATA');
    expect(code(() => shuffleIndexPath('/r', 3, '../x' as unknown as number))).toBe('INVALID_WIRE_DATA');
  });

  it('parses only our own file names', () => {
    expect(parseShuffleFileName('shuffle_3_7_0.data')).toEqual({ shuffleId: 3, mapId: 7, kind: 'data' });
    expect(parseShuffleFileName('shuffle_3_7_0.index')).toEqual({ shuffleId: 3, mapId: 7, kind: 'index' });
    expect(parseShuffleFileName(path.basename(shuffleTempPath('/r', 3, 7, 'spill', '0123456789abcdef')))).toEqual({
      shuffleId: 3,
      mapId: 7,
      kind: 'temp',
    });
    for (const name of ['shuffle_3_7_1.data', 'shuffle_3_7_0.data.bak', 'shuffle_3_7_0.datax', 'x_shuffle_3_7_0.data', 'shuffle_3_7_0.spill.0123.tmp']) {
      expect(parseShuffleFileName(name)).toBeUndefined();
    }
  });

  it('validates application directory names', () => {
    expect(validateAppDirName('app-20240101-0001')).toBe('app-20240101-0001');
    for (const bad of ['..', '.hidden', 'a/b', 'a\\b', '', 'x'.repeat(200), 42]) {
      expect(code(() => validateAppDirName(bad))).toBe('INVALID_WIRE_DATA');
    }
  });
});
