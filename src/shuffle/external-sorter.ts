// Sorts the records of one partition under a memory limit: sorted runs spill to disk as framed blocks and are
// k-way merged on read. Used by sortByKey's reduce side (and any operator that must sort more than fits in memory).
// The sort is stable: equal records keep their insertion order (runs are merged with ties broken by run order).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { TsSparkError } from '../common/errors.js';
import { encodeValue } from '../common/record-codec.js';
import { decodeBlock, encodeFrame, FRAME_HEADER_BYTES } from './block-format.js';
import { codecByName, type CompressionCodec } from './compression.js';
import { readRange, removeIfExists, writeFully } from './file-io.js';

export interface ExternalSorterOptions<T> {
  readonly compare: (a: T, b: T) => number;
  /** Estimated in-memory bytes of buffered records above which the buffer is sorted and spilled as a run. */
  readonly memoryLimitBytes: number;
  /** Directory for run files (deleted by `close()` or when iteration finishes). */
  readonly spillDir: string;
  /** Records per frame in run files; default 4096. */
  readonly batchRecords?: number;
  readonly compress?: boolean;
}

export interface ExternalSorterStats {
  readonly spillCount: number;
  readonly bytesSpilled: number;
}

const DEFAULT_BATCH_RECORDS = 4096;
const SAMPLE_RECORDS = 64;
/** Objects in the V8 heap take several times their msgpack size; a conservative multiplier on the sampled size. */
const HEAP_OVERHEAD_FACTOR = 3;
const MEMORY_CHECK_INTERVAL = 256;

interface Run {
  readonly path: string;
  readonly length: number;
}

export class ExternalSorter<T> {
  private readonly compare: (a: T, b: T) => number;
  private readonly memoryLimitBytes: number;
  private readonly spillDir: string;
  private readonly batchRecords: number;
  private readonly codec: CompressionCodec;
  private buffer: T[] = [];
  private readonly runs: Run[] = [];
  private bytesPerRecord = -1;
  private bytesSpilled = 0;
  private consumed = false;

  constructor(options: ExternalSorterOptions<T>) {
    this.compare = options.compare;
    this.memoryLimitBytes = options.memoryLimitBytes;
    this.spillDir = options.spillDir;
    this.batchRecords = options.batchRecords ?? DEFAULT_BATCH_RECORDS;
    if (!Number.isSafeInteger(this.batchRecords) || this.batchRecords < 1) {
      throw new TsSparkError('INVALID_ARGUMENT', `batchRecords must be a positive integer, got ${options.batchRecords}`);
    }
    this.codec = codecByName(options.compress === true ? 'deflate' : 'none');
  }

  insert(record: T): void {
    if (this.consumed) throw new TsSparkError('INVALID_ARGUMENT', 'cannot insert into an external sorter after reading or closing it');
    const n = this.buffer.push(record);
    if (n % MEMORY_CHECK_INTERVAL === 0 && this.estimatedBytes() > this.memoryLimitBytes) this.spillRun();
  }

  insertAll(records: Iterable<T>): void {
    for (const r of records) this.insert(r);
  }

  get stats(): ExternalSorterStats {
    return { spillCount: this.runs.length, bytesSpilled: this.bytesSpilled };
  }

  /** Yields all inserted records in order, once. Run files are deleted when iteration ends (or on `close()`). */
  *sorted(): Generator<T, void, undefined> {
    if (this.consumed) throw new TsSparkError('INVALID_ARGUMENT', 'an external sorter can be read only once');
    this.consumed = true;
    const memory = this.buffer.sort(this.compare);
    this.buffer = [];
    if (this.runs.length === 0) {
      yield* memory;
      return;
    }
    const cursors: RunCursor<T>[] = [];
    try {
      for (let i = 0; i < this.runs.length; i++) cursors.push(new FileRunCursor<T>(this.runs[i]!, i));
      cursors.push(new MemoryCursor(memory, this.runs.length));
      yield* mergeCursors(cursors, this.compare);
    } finally {
      for (const c of cursors) c.close();
      this.close();
    }
  }

  /** Deletes run files and drops buffered records. */
  close(): void {
    this.consumed = true;
    this.buffer = [];
    for (const r of this.runs.splice(0)) removeIfExists(r.path);
  }

  private estimatedBytes(): number {
    if (this.bytesPerRecord < 0) {
      const sample = this.buffer.slice(0, SAMPLE_RECORDS);
      this.bytesPerRecord = (encodeValue(sample).byteLength / sample.length) * HEAP_OVERHEAD_FACTOR;
    }
    return this.buffer.length * this.bytesPerRecord;
  }

  private spillRun(): void {
    const sorted = this.buffer.sort(this.compare);
    const runPath = path.join(this.spillDir, `tsspark-sort-${crypto.randomBytes(8).toString('hex')}.run`);
    const fd = fs.openSync(runPath, 'wx');
    let length = 0;
    try {
      for (let i = 0; i < sorted.length; i += this.batchRecords) {
        const frame = encodeFrame(sorted.slice(i, i + this.batchRecords), this.codec);
        writeFully(fd, frame);
        length += frame.byteLength;
      }
    } catch (e) {
      fs.closeSync(fd);
      removeIfExists(runPath);
      throw e;
    }
    fs.closeSync(fd);
    this.runs.push({ path: runPath, length });
    this.bytesSpilled += length;
    this.buffer = [];
    this.bytesPerRecord = -1; // resample: the next records may differ in size
  }
}

/** A sorted source during the merge: `head` is valid while `!done`. */
interface RunCursor<T> {
  readonly order: number;
  head: T;
  done: boolean;
  advance(): void;
  close(): void;
}

class MemoryCursor<T> implements RunCursor<T> {
  head!: T;
  done = false;
  private i = 0;
  constructor(
    private readonly records: T[],
    readonly order: number,
  ) {
    this.advance();
  }
  advance(): void {
    if (this.i < this.records.length) this.head = this.records[this.i++]!;
    else this.done = true;
  }
  close(): void {}
}

/** Reads a run file frame by frame, holding one batch in memory. */
class FileRunCursor<T> implements RunCursor<T> {
  head!: T;
  done = false;
  private fd: number;
  private pos = 0;
  private batch: unknown[] = [];
  private i = 0;
  constructor(
    private readonly run: Run,
    readonly order: number,
  ) {
    this.fd = fs.openSync(run.path, 'r');
    this.advance();
  }
  advance(): void {
    if (this.i >= this.batch.length && !this.nextBatch()) {
      this.done = true;
      return;
    }
    this.head = this.batch[this.i++] as T;
  }
  close(): void {
    if (this.fd >= 0) fs.closeSync(this.fd);
    this.fd = -1;
  }
  private nextBatch(): boolean {
    if (this.pos >= this.run.length) return false;
    const what = `sort run ${this.run.path}`;
    const header = readRange(this.fd, this.pos, FRAME_HEADER_BYTES, what);
    const frame = Buffer.concat([header, readRange(this.fd, this.pos + FRAME_HEADER_BYTES, header.readUInt32LE(0), what)]);
    this.pos += frame.byteLength;
    const batches = [...decodeBlock(frame, { run: this.run.path })];
    this.batch = batches[0] ?? [];
    this.i = 0;
    return this.batch.length > 0;
  }
}

/** K-way merge with a binary min-heap of cursors, ties broken by cursor order (stability). */
function* mergeCursors<T>(cursors: RunCursor<T>[], compare: (a: T, b: T) => number): Generator<T, void, undefined> {
  const less = (a: RunCursor<T>, b: RunCursor<T>): boolean => {
    const c = compare(a.head, b.head);
    return c < 0 || (c === 0 && a.order < b.order);
  };
  const heap = cursors.filter((c) => !c.done);
  for (let i = (heap.length >> 1) - 1; i >= 0; i--) siftDown(heap, i, less);
  while (heap.length > 0) {
    const top = heap[0]!;
    yield top.head;
    top.advance();
    if (top.done) {
      const last = heap.pop()!;
      if (heap.length === 0) break;
      heap[0] = last;
    }
    siftDown(heap, 0, less);
  }
}

function siftDown<C>(heap: C[], start: number, less: (a: C, b: C) => boolean): void {
  let i = start;
  for (;;) {
    const l = 2 * i + 1;
    if (l >= heap.length) return;
    const r = l + 1;
    const m = r < heap.length && less(heap[r]!, heap[l]!) ? r : l;
    if (!less(heap[m]!, heap[i]!)) return;
    const t = heap[i]!;
    heap[i] = heap[m]!;
    heap[m] = t;
    i = m;
  }
}
