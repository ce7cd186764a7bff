// Shuffle block ids (`shuffle_{shuffleId}_{mapId}_{reduceId}`) and the only way to turn ids into file names.
// Used by the writer, the local reader, cleanup and the fetch service: paths come from validated integers, never from text.
import path from 'node:path';
import { TsSparkError } from '../common/errors.js';

export interface ShuffleBlockId {
  readonly shuffleId: number;
  readonly mapId: number;
  readonly reduceId: number;
}

/** What a file in a shuffle root directory is, parsed from its name by `parseShuffleFileName`. */
export interface ShuffleFileName {
  readonly shuffleId: number;
  readonly mapId: number;
  readonly kind: 'data' | 'index' | 'temp';
}

// An id is 0 or a number without leading zeros, at most 16 digits (then checked against MAX_SAFE_INTEGER).
const ID = '(0|[1-9][0-9]{0,15})';
const BLOCK_ID = new RegExp(`^shuffle_${ID}_${ID}_${ID}$`);
// Final files: shuffle_S_M_0.data / .index. Temp files (commit temps, spills): shuffle_S_M_0.<what>.<16 hex>.tmp;
// the commit lock: shuffle_S_M_0.lock
const FILE_NAME = new RegExp(`^shuffle_${ID}_${ID}_0\\.(data|index|lock|(?:data|index|spill)\\.[0-9a-f]{16}\\.tmp)$`);
const APP_DIR = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/** Throws INVALID_WIRE_DATA unless `v` is a non-negative safe integer. */
export function checkShuffleInt(v: unknown, field: string): number {
  if (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0) return v;
  throw new TsSparkError('INVALID_WIRE_DATA', `invalid ${field}: ${String(v).slice(0, 40)} (must be a non-negative safe integer)`, {
    details: { field, value: String(v).slice(0, 40) },
  });
}

export function formatBlockId(shuffleId: number, mapId: number, reduceId: number): string {
  return `shuffle_${checkShuffleInt(shuffleId, 'shuffleId')}_${checkShuffleInt(mapId, 'mapId')}_${checkShuffleInt(reduceId, 'reduceId')}`;
}

export function parseBlockId(s: unknown): ShuffleBlockId {
  const m = typeof s === 'string' ? BLOCK_ID.exec(s) : null;
  if (m === null) {
    throw new TsSparkError('INVALID_WIRE_DATA', `invalid shuffle block id: ${JSON.stringify(String(s).slice(0, 80))}`, {
      details: { blockId: String(s).slice(0, 80) },
      hint: 'block ids look like shuffle_<shuffleId>_<mapId>_<reduceId> with non-negative integers',
    });
  }
  return {
    shuffleId: checkShuffleInt(Number(m[1]), 'shuffleId'),
    mapId: checkShuffleInt(Number(m[2]), 'mapId'),
    reduceId: checkShuffleInt(Number(m[3]), 'reduceId'),
  };
}

/** The final data file of one map task: `<root>/shuffle_{shuffleId}_{mapId}_0.data` (0 = Spark's reduce id placeholder). */
export function shuffleDataPath(rootDir: string, shuffleId: number, mapId: number): string {
  return path.join(rootDir, `${baseName(shuffleId, mapId)}.data`);
}

/** The final index file of one map task: `<root>/shuffle_{shuffleId}_{mapId}_0.index`. */
export function shuffleIndexPath(rootDir: string, shuffleId: number, mapId: number): string {
  return path.join(rootDir, `${baseName(shuffleId, mapId)}.index`);
}

/** A fresh temp file next to the final files; `what` says what it will become. Matches the cleanup pattern. */
export function shuffleTempPath(rootDir: string, shuffleId: number, mapId: number, what: 'data' | 'index' | 'spill', suffixHex: string): string {
  if (!/^[0-9a-f]{16}$/.test(suffixHex)) throw new TsSparkError('INTERNAL', `temp suffix must be 16 hex digits: ${suffixHex}`);
  return path.join(rootDir, `${baseName(shuffleId, mapId)}.${what}.${suffixHex}.tmp`);
}

/** The lock file that serializes commits of one map task's outputs (attempts on the same executor). */
export function shuffleLockPath(rootDir: string, shuffleId: number, mapId: number): string {
  return path.join(rootDir, `${baseName(shuffleId, mapId)}.lock`);
}

/** Parses a file name found in a shuffle root directory; undefined for anything that is not ours. */
export function parseShuffleFileName(name: string): ShuffleFileName | undefined {
  const m = FILE_NAME.exec(name);
  if (m === null) return undefined;
  const shuffleId = Number(m[1]);
  const mapId = Number(m[2]);
  if (!Number.isSafeInteger(shuffleId) || !Number.isSafeInteger(mapId)) return undefined;
  const kind = m[3] === 'data' ? 'data' : m[3] === 'index' ? 'index' : 'temp';
  return { shuffleId, mapId, kind };
}

/** Validates a directory name taken from an app or executor id (no separators, no `..`, no leading dot). */
export function validateAppDirName(name: unknown): string {
  if (typeof name === 'string' && APP_DIR.test(name)) return name;
  throw new TsSparkError('INVALID_WIRE_DATA', `invalid application directory name: ${JSON.stringify(String(name).slice(0, 80))}`, {
    details: { name: String(name).slice(0, 80) },
  });
}

function baseName(shuffleId: number, mapId: number): string {
  return `shuffle_${checkShuffleInt(shuffleId, 'shuffleId')}_${checkShuffleInt(mapId, 'mapId')}_0`;
}
