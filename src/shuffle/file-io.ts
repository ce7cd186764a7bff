// Small synchronous file helpers for shuffle files: full writes, range reads and range copies between descriptors.
// Sync I/O on purpose: shuffle writes and local reads run on task worker threads.
import fs from 'node:fs';
import { TsSparkError } from '../common/errors.js';

export function writeFully(fd: number, buf: Uint8Array, position: number | null = null): void {
  let done = 0;
  while (done < buf.byteLength) {
    done += fs.writeSync(fd, buf, done, buf.byteLength - done, position === null ? null : position + done);
  }
}

/** Reads exactly `length` bytes at `position`; a short file throws INVALID_WIRE_DATA. */
export function readRange(fd: number, position: number, length: number, what: string): Buffer {
  const out = Buffer.allocUnsafe(length);
  let done = 0;
  while (done < length) {
    const n = fs.readSync(fd, out, done, length - done, position + done);
    if (n === 0) {
      throw new TsSparkError('INVALID_WIRE_DATA', `${what} ended early: wanted ${length} bytes at ${position}, got ${done}`, {
        details: { position, length, read: done },
      });
    }
    done += n;
  }
  return out;
}

/** Appends `length` bytes of `fromFd` at `position` to `toFd` (at its current position), through `scratch`. */
export function copyRange(fromFd: number, position: number, length: number, toFd: number, scratch: Buffer, what: string): void {
  let done = 0;
  while (done < length) {
    const want = Math.min(scratch.byteLength, length - done);
    const n = fs.readSync(fromFd, scratch, 0, want, position + done);
    if (n === 0) throw new TsSparkError('INTERNAL', `${what} ended early while copying: ${done} of ${length} bytes at ${position}`);
    writeFully(toFd, scratch.subarray(0, n));
    done += n;
  }
}

/** Deletes a file if it exists; other errors are swallowed only when `quiet`. */
export function removeIfExists(filePath: string, quiet = true): void {
  try {
    fs.rmSync(filePath, { force: true });
  } catch (e) {
    if (!quiet) throw e;
  }
}
