// Lines of one byte range of a file, split like Hadoop's LineRecordReader: a split [start, start+length)
// owns the lines that START in (start, end] (or [0, end] for the first split), so every line is read by
// exactly one split. Sync I/O in 1 MiB chunks; '\r\n' and '\n' both end a line. Runs on executors.
import * as fs from 'node:fs';
import { TsSparkError } from '../../common/errors.js';
import { fileUri } from './file-listing.js';

const CHUNK = 1 << 20;
const utf8 = new TextDecoder('utf-8');

export interface Line {
  readonly text: string;
  /** 1-based line number within the split (the file's line number for the first split). */
  readonly number: number;
}

/** Throws a clear error when the bytes look binary (NUL bytes), naming the file and the format. */
export function checkNotBinary(bytes: Uint8Array, file: string, format: string): void {
  const n = Math.min(bytes.length, 8192);
  for (let i = 0; i < n; i++) {
    if (bytes[i] === 0) {
      throw new TsSparkError('CORRUPT_FILE', `File ${fileUri(file)} is not a valid ${format} file: it contains binary data (a NUL byte at offset ${i}).`, {
        details: { path: file, format },
      });
    }
  }
}

export function* readLines(file: string, start: number, length: number, binaryCheck?: string): Generator<Line> {
  const end = start + length;
  const fd = fs.openSync(file, 'r');
  try {
    let pos = start;
    let pending: Buffer | null = null;
    let skipFirst = start > 0;
    let lineStart = start; // file offset of the first byte of `pending`
    let number = 0;
    let checked = binaryCheck === undefined;
    for (;;) {
      const buf = Buffer.allocUnsafe(CHUNK);
      const got = fs.readSync(fd, buf, 0, CHUNK, pos);
      const chunk = buf.subarray(0, got);
      if (!checked) { checkNotBinary(chunk, file, binaryCheck!); checked = true; }
      pos += got;
      let data: Buffer = pending ? Buffer.concat([pending, chunk]) : chunk;
      let off = 0;
      for (;;) {
        const nl = data.indexOf(10, off);
        if (nl < 0) break;
        const lineOffset = lineStart + off;
        if (skipFirst) skipFirst = false;
        else {
          if (lineOffset > end) return;
          let stop = nl;
          if (stop > off && data[stop - 1] === 13) stop--;
          yield { text: utf8.decode(data.subarray(off, stop)), number: ++number };
        }
        off = nl + 1;
      }
      lineStart += off;
      pending = off < data.length ? Buffer.from(data.subarray(off)) : null;
      data = Buffer.alloc(0);
      if (got === 0) break;
      if (lineStart > end && !skipFirst) return;
    }
    // a last line without a newline
    if (pending && pending.length > 0 && !skipFirst && lineStart <= end) {
      let stop = pending.length;
      if (pending[stop - 1] === 13) stop--;
      yield { text: utf8.decode(pending.subarray(0, stop)), number: ++number };
    }
  } finally {
    fs.closeSync(fd);
  }
}

/** The whole file as text (multiLine formats and small files). */
export function readWholeFile(file: string, binaryCheck?: string): string {
  const bytes = fs.readFileSync(file);
  if (binaryCheck !== undefined) checkNotBinary(bytes, file, binaryCheck);
  return utf8.decode(bytes);
}
