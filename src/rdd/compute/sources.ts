// Partition sources read on executors: number ranges, text-file splits (Hadoop's line ownership rule) and
// whole files. Synchronous I/O: tasks run on worker threads.
import fs from 'node:fs';
import zlib from 'node:zlib';
import { TsSparkError } from '../../common/errors.js';
import type { FileSplit } from '../rdd-node.js';
import type { TaskMetrics } from './task-env.js';

export const BATCH = 4096;

export function rangeBounds(start: number, end: number, step: number, numPartitions: number, partition: number): { first: number; count: number } {
  const total = rangeLength(start, end, step);
  const lo = Math.floor((partition * total) / numPartitions);
  const hi = Math.floor(((partition + 1) * total) / numPartitions);
  return { first: start + lo * step, count: hi - lo };
}

export function rangeLength(start: number, end: number, step: number): number {
  if (step === 0) throw new TsSparkError('INVALID_ARGUMENT', 'range step must not be 0');
  const n = Math.ceil((end - start) / step);
  return n > 0 ? n : 0;
}

export function* rangeBatches(first: number, step: number, count: number): Generator<unknown[]> {
  for (let off = 0; off < count; off += BATCH) {
    const n = Math.min(BATCH, count - off);
    const b = new Array<number>(n);
    const base = first + off * step;
    for (let i = 0; i < n; i++) b[i] = base + i * step;
    yield b;
  }
}

const READ_CHUNK = 4 * 1024 * 1024;

/**
 * Lines of one split. Split [start, start+length) owns the lines whose first byte L satisfies start < L <= end
 * (or L = 0 for the first split), as Hadoop's LineRecordReader does: a line crossing a boundary is read whole by
 * the split where it starts, and a line starting exactly on a boundary belongs to the split before it.
 */
export function* textSplitBatches(split: FileSplit, metrics: TaskMetrics): Generator<unknown[]> {
  if (split.path.endsWith('.gz')) {
    const text = zlib.gunzipSync(readFileChecked(split.path)).toString('utf8');
    metrics.bytesRead += split.fileSize;
    yield* linesToBatches(splitLines(text), metrics);
    return;
  }
  let fd: number;
  try {
    fd = fs.openSync(split.path, 'r');
  } catch (e) {
    throw new TsSparkError('PATH_NOT_FOUND', `Input path does not exist: ${split.path}`, { cause: e, details: { path: split.path } });
  }
  const window = new FileWindow(fd, split.fileSize);
  try {
    const end = split.start + split.length;
    let line = 0;
    if (split.start > 0) {
      const nl = window.indexOfNewline(split.start);
      line = nl < 0 ? split.fileSize : nl + 1;
    }
    let batch: string[] = [];
    while (line <= end && line < split.fileSize) {
      const nl = window.indexOfNewline(line);
      const stop = nl < 0 ? split.fileSize : nl;
      batch.push(window.text(line, stop));
      if (batch.length === BATCH) {
        metrics.recordsRead += batch.length;
        yield batch;
        batch = [];
      }
      line = stop + 1;
    }
    metrics.bytesRead += split.length;
    if (batch.length > 0) {
      metrics.recordsRead += batch.length;
      yield batch;
    }
  } finally {
    fs.closeSync(fd);
  }
}

/** A sliding read window over a file: find newlines and decode lines by absolute offset. */
class FileWindow {
  private buf: Buffer = Buffer.alloc(0);
  private base = 0;

  constructor(private readonly fd: number, private readonly size: number) {}

  /** Absolute offset of the first '\n' at or after `from`, or -1 at end of file. */
  indexOfNewline(from: number): number {
    for (;;) {
      if (from < this.base || from > this.base + this.buf.length || from - this.base > READ_CHUNK) this.load(from);
      const i = this.buf.indexOf(10, from - this.base);
      if (i >= 0) return this.base + i;
      if (this.base + this.buf.length >= this.size) return -1;
      this.extend();
    }
  }

  /** Text of [a, b) without a trailing '\r'; the range is inside the window after indexOfNewline. */
  text(a: number, b: number): string {
    if (a < this.base || b > this.base + this.buf.length) this.load(a, b - a);
    let e = b - this.base;
    const s = a - this.base;
    if (e > s && this.buf[e - 1] === 13) e--;
    return this.buf.toString('utf8', s, e);
  }

  private load(from: number, atLeast = 0): void {
    const len = Math.min(Math.max(READ_CHUNK, atLeast), this.size - from);
    const b = Buffer.allocUnsafe(Math.max(0, len));
    const n = len > 0 ? fs.readSync(this.fd, b, 0, len, from) : 0;
    this.buf = b.subarray(0, n);
    this.base = from;
  }

  private extend(): void {
    const from = this.base + this.buf.length;
    const len = Math.min(Math.max(READ_CHUNK, this.buf.length), this.size - from);
    const b = Buffer.allocUnsafe(len);
    const n = fs.readSync(this.fd, b, 0, len, from);
    this.buf = Buffer.concat([this.buf, b.subarray(0, n)]);
  }
}

function splitLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines.map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
}

function* linesToBatches(lines: string[], metrics: TaskMetrics): Generator<unknown[]> {
  for (let i = 0; i < lines.length; i += BATCH) {
    const b = lines.slice(i, i + BATCH);
    metrics.recordsRead += b.length;
    yield b;
  }
}

export function* wholeFileBatches(paths: readonly string[], metrics: TaskMetrics): Generator<unknown[]> {
  const out: unknown[] = [];
  for (const p of paths) {
    const bytes = readFileChecked(p);
    metrics.bytesRead += bytes.length;
    const text = (p.endsWith('.gz') ? zlib.gunzipSync(bytes) : bytes).toString('utf8');
    out.push([p.startsWith('/') ? `file:${p}` : p, text]);
  }
  metrics.recordsRead += out.length;
  if (out.length > 0) yield out;
}

function readFileChecked(p: string): Buffer {
  try {
    return fs.readFileSync(p);
  } catch (e) {
    throw new TsSparkError('PATH_NOT_FOUND', `Input path does not exist: ${p}`, { cause: e, details: { path: p } });
  }
}
