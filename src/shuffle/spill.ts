// Spill files of a shuffle writer: all buffered frames written grouped by reduce partition, with each partition's
// segment offsets kept in memory. The writer's commit copies the segments into the final data file, partition by partition.
import fs from 'node:fs';
import { copyRange, writeFully } from './file-io.js';

export interface SpillFile {
  readonly path: string;
  /** P+1 offsets: partition p's frames are bytes [offsets[p], offsets[p+1]) of the file. */
  readonly offsets: Float64Array;
}

/** Writes `framesByPartition` (each partition's frames in order) to a new file at `filePath`. */
export function writeSpillFile(filePath: string, framesByPartition: readonly (readonly Buffer[])[]): SpillFile {
  const offsets = new Float64Array(framesByPartition.length + 1);
  const fd = fs.openSync(filePath, 'wx');
  try {
    let pos = 0;
    for (let p = 0; p < framesByPartition.length; p++) {
      offsets[p] = pos;
      const frames = framesByPartition[p]!;
      for (let i = 0; i < frames.length; i++) {
        writeFully(fd, frames[i]!);
        pos += frames[i]!.byteLength;
      }
    }
    offsets[framesByPartition.length] = pos;
  } finally {
    fs.closeSync(fd);
  }
  return { path: filePath, offsets };
}

/** Total bytes in a spill file. */
export function spillBytes(spill: SpillFile): number {
  return spill.offsets[spill.offsets.length - 1]!;
}

/** Copies partition `p`'s segment of each spill (open as `fds`, same order) to `toFd`; returns the bytes copied. */
export function copySpillSegments(spills: readonly SpillFile[], fds: readonly number[], p: number, toFd: number, scratch: Buffer): number {
  let copied = 0;
  for (let s = 0; s < spills.length; s++) {
    const start = spills[s]!.offsets[p]!;
    const length = spills[s]!.offsets[p + 1]! - start;
    if (length > 0) copyRange(fds[s]!, start, length, toFd, scratch, `spill file ${spills[s]!.path}`);
    copied += length;
  }
  return copied;
}
