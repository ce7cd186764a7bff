// Deletes shuffle files from an executor's shuffle root directory: one shuffle's (when it is no longer referenced)
// or all of them (when the application ends). Only names matching the shuffle file pattern are ever touched.
import fs from 'node:fs';
import path from 'node:path';
import { checkShuffleInt, parseShuffleFileName } from './block-id.js';

/** Removes the data, index, temp and spill files of `shuffleId`; returns how many files were removed. */
export function removeShuffle(rootDir: string, shuffleId: number): number {
  checkShuffleInt(shuffleId, 'shuffleId');
  return removeMatching(rootDir, (id) => id === shuffleId);
}

/** Removes the files of every shuffle in `rootDir`; returns how many files were removed. */
export function removeAllShuffles(rootDir: string): number {
  return removeMatching(rootDir, () => true);
}

function removeMatching(rootDir: string, wanted: (shuffleId: number) => boolean): number {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(rootDir, { withFileTypes: true });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw e;
  }
  let removed = 0;
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const parsed = parseShuffleFileName(entry.name);
    if (parsed === undefined || !wanted(parsed.shuffleId)) continue;
    try {
      fs.unlinkSync(path.join(rootDir, entry.name));
      removed++;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
  }
  return removed;
}
