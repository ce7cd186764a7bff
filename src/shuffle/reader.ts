// The local side of the reduce-side read: finds a block's byte range through the index and reads it from the data file;
// also the batch iterator over fetched blocks. Used by the reduce task for local blocks and by the fetch service to serve them.
import fs from 'node:fs';
import { TsSparkError } from '../common/errors.js';
import { checkShuffleInt, shuffleDataPath, shuffleIndexPath } from './block-id.js';
import { decodeBlock } from './block-format.js';
import { readRange } from './file-io.js';
import { decodeIndex } from './index-file.js';

export interface BlockLocation {
  readonly dataPath: string;
  readonly offset: number;
  readonly length: number;
}

/** The bytes of reduce partition `reduceId`'s block in map output (shuffleId, mapId). */
export function readLocalBlock(rootDir: string, shuffleId: number, mapId: number, reduceId: number): Buffer {
  return readBlockRange(rootDir, shuffleId, mapId, reduceId, checkShuffleInt(reduceId, 'reduceId') + 1);
}

/** The concatenated blocks of reduce partitions [startReduce, endReduce) of one map output (contiguous in the data file). */
export function readBlockRange(rootDir: string, shuffleId: number, mapId: number, startReduce: number, endReduce: number): Buffer {
  const loc = locateBlockRange(rootDir, shuffleId, mapId, startReduce, endReduce);
  const details = { shuffleId, mapId, reduceId: startReduce, endReduceId: endReduce };
  let fd: number;
  try {
    fd = fs.openSync(loc.dataPath, 'r');
  } catch (e) {
    throw fetchFailed(`shuffle data file vanished: ${(e as Error).message}`, details, e);
  }
  try {
    return readRange(fd, loc.offset, loc.length, 'shuffle data file');
  } catch (e) {
    throw fetchFailed(`cannot read shuffle block: ${(e as Error).message}`, details, e);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Where partitions [startReduce, endReduce) of a map output lie, after validating the index against the data file.
 * Invalid ids or a range outside the output throw INVALID_WIRE_DATA; missing or corrupt files throw FETCH_FAILED.
 */
export function locateBlockRange(rootDir: string, shuffleId: number, mapId: number, startReduce: number, endReduce: number): BlockLocation {
  checkShuffleInt(shuffleId, 'shuffleId');
  checkShuffleInt(mapId, 'mapId');
  checkShuffleInt(startReduce, 'reduceId');
  checkShuffleInt(endReduce, 'endReduceId');
  const details = { shuffleId, mapId, reduceId: startReduce, endReduceId: endReduce };
  if (endReduce <= startReduce) {
    throw new TsSparkError('INVALID_WIRE_DATA', `empty or reversed reduce range [${startReduce}, ${endReduce})`, { details });
  }
  const dataPath = shuffleDataPath(rootDir, shuffleId, mapId);
  let offsets: Float64Array;
  try {
    offsets = indexOf(dataPath, shuffleIndexPath(rootDir, shuffleId, mapId), details);
  } catch (e) {
    throw fetchFailed(`map output of shuffle ${shuffleId} map ${mapId} is missing or corrupt: ${(e as Error).message}`, details, e);
  }
  const numPartitions = offsets.length - 1;
  if (endReduce > numPartitions) {
    throw new TsSparkError('INVALID_WIRE_DATA', `reduce range [${startReduce}, ${endReduce}) is outside the ${numPartitions} partitions of the map output`, {
      details: { ...details, numPartitions },
    });
  }
  const offset = offsets[startReduce]!;
  return { dataPath, offset, length: offsets[endReduce]! - offset };
}

/**
 * Decoded index files of recently read map outputs: a reduce task reading many (coalesced) partitions of one map
 * output reads its index once. Keyed by the data file's identity (inode, size, mtime), so a rewritten output
 * (a retried map task) or a removed one is never served from the cache.
 */
const indexCache = new Map<string, { readonly key: string; readonly offsets: Float64Array }>();
const INDEX_CACHE_ENTRIES = 256;

function indexOf(dataPath: string, indexPath: string, details: Readonly<Record<string, unknown>>): Float64Array {
  const st = fs.statSync(dataPath);
  const key = `${st.ino}:${st.size}:${st.mtimeMs}`;
  const hit = indexCache.get(dataPath);
  if (hit && hit.key === key) return hit.offsets;
  const offsets = decodeIndex(fs.readFileSync(indexPath), st.size, details);
  if (indexCache.size >= INDEX_CACHE_ENTRIES) indexCache.delete(indexCache.keys().next().value!);
  indexCache.set(dataPath, { key, offsets });
  return offsets;
}

/** Iterates the record batches of a sequence of blocks (local or fetched), block by block, frame by frame. */
export function* iterateRecords(blocks: Iterable<Uint8Array>): Generator<unknown[], void, undefined> {
  let blockIndex = 0;
  for (const block of blocks) {
    yield* decodeBlock(block, { blockIndex });
    blockIndex++;
  }
}

function fetchFailed(message: string, details: Readonly<Record<string, unknown>>, cause: unknown): TsSparkError {
  return new TsSparkError('FETCH_FAILED', message, { details, cause });
}
