// Atomic commit of one map task's data + index files (temp file + rename), shared by every attempt of that task.
// As in Spark: if a valid output already exists (another attempt won), keep it, drop ours and return the existing lengths.
import fs from 'node:fs';
import { TsSparkError } from '../common/errors.js';
import { shuffleDataPath, shuffleIndexPath, shuffleLockPath } from './block-id.js';
import { decodeIndex, encodeIndex, partitionLengthsOf } from './index-file.js';
import { removeIfExists, writeFully } from './file-io.js';

export interface CommitResult {
  readonly partitionLengths: number[];
  /** True when an earlier attempt's files were kept and ours discarded. */
  readonly reusedExisting: boolean;
}

const LOCK_STALE_MS = 30_000;
const LOCK_WAIT_MS = 60_000;

/** Commits `tmpDataPath` (already written, partition blocks in order) with an index built from `partitionLengths`. */
export function commitMapOutput(
  rootDir: string,
  shuffleId: number,
  mapId: number,
  tmpDataPath: string,
  tmpIndexPath: string,
  partitionLengths: readonly number[],
): CommitResult {
  const indexBytes = encodeIndex(partitionLengths);
  const fd = fs.openSync(tmpIndexPath, 'wx');
  try {
    writeFully(fd, indexBytes);
  } finally {
    fs.closeSync(fd);
  }
  const dataPath = shuffleDataPath(rootDir, shuffleId, mapId);
  const indexPath = shuffleIndexPath(rootDir, shuffleId, mapId);
  const release = acquireLock(shuffleLockPath(rootDir, shuffleId, mapId), { shuffleId, mapId });
  try {
    const existing = existingLengths(dataPath, indexPath, partitionLengths.length);
    if (existing !== undefined) {
      removeIfExists(tmpDataPath);
      removeIfExists(tmpIndexPath);
      return { partitionLengths: existing, reusedExisting: true };
    }
    // Index last: a reader that finds the index finds the matching data.
    fs.renameSync(tmpDataPath, dataPath);
    fs.renameSync(tmpIndexPath, indexPath);
    return { partitionLengths: [...partitionLengths], reusedExisting: false };
  } finally {
    release();
  }
}

/** The lengths of an existing, consistent output with `numPartitions` partitions; undefined if absent or invalid. */
function existingLengths(dataPath: string, indexPath: string, numPartitions: number): number[] | undefined {
  try {
    const indexBytes = fs.readFileSync(indexPath);
    if (indexBytes.byteLength !== 8 * (numPartitions + 1)) return undefined;
    return partitionLengthsOf(decodeIndex(indexBytes, fs.statSync(dataPath).size));
  } catch {
    return undefined;
  }
}

function acquireLock(lockPath: string, details: Readonly<Record<string, unknown>>): () => void {
  const deadline = Date.now() + LOCK_WAIT_MS;
  const sleeper = new Int32Array(new SharedArrayBuffer(4));
  for (;;) {
    try {
      fs.closeSync(fs.openSync(lockPath, 'wx'));
      return () => removeIfExists(lockPath);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    try {
      // A crashed attempt leaves its lock behind; commits take milliseconds, so an old lock is stale.
      if (Date.now() - fs.statSync(lockPath).mtimeMs > LOCK_STALE_MS) removeIfExists(lockPath);
    } catch {
      // the lock vanished between open and stat: retry at once
      continue;
    }
    if (Date.now() > deadline) {
      throw new TsSparkError('INTERNAL', `timed out waiting for shuffle commit lock ${lockPath}`, { details });
    }
    Atomics.wait(sleeper, 0, 0, 5);
  }
}
