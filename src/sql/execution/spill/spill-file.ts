// Spill files of SQL operators: ColumnBatches appended as shuffle block frames (block-format.ts, encodeValue of
// [batch]) to a file in `<localDir>/sql-spill/`, and read back one frame at a time. A SpillFiles set owns the
// files of one operator run and deletes them all in `close()` (operators call it in `finally`).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { TsSparkError } from '../../../common/errors.js';
import { decodeBlock, encodeFrame, FRAME_HEADER_BYTES } from '../../../shuffle/block-format.js';
import { codecByName } from '../../../shuffle/compression.js';
import { readRange, removeIfExists, writeFully } from '../../../shuffle/file-io.js';
import type { ColumnBatch } from '../../batch/column-batch.js';
import type { SpillEnv } from './spill-env.js';

const codec = codecByName('none');

export function spillDirOf(localDir: string): string {
  return path.join(localDir, 'sql-spill');
}

/** One append-only spill file; `bytes` counts what was written. */
export class SpillFile {
  bytes = 0;
  rows = 0;
  private fd: number | undefined;
  constructor(readonly path: string) {}

  append(b: ColumnBatch): void {
    if (b.numRows === 0) return;
    if (this.fd === undefined) this.fd = fs.openSync(this.path, 'a');
    const frame = encodeFrame([b], codec);
    writeFully(this.fd, frame);
    this.bytes += frame.byteLength;
    this.rows += b.numRows;
  }

  /** Closes the writer side; reading is allowed afterwards. */
  finish(): void {
    if (this.fd !== undefined) { fs.closeSync(this.fd); this.fd = undefined; }
  }

  /** The batches in write order, decoded one frame at a time. */
  *batches(): Generator<ColumnBatch> {
    this.finish();
    if (this.bytes === 0) return;
    const fd = fs.openSync(this.path, 'r');
    try {
      let pos = 0;
      while (pos < this.bytes) {
        const header = readRange(fd, pos, FRAME_HEADER_BYTES, `spill file ${this.path}`);
        const len = header.readUInt32LE(0);
        const frame = Buffer.concat([header, readRange(fd, pos + FRAME_HEADER_BYTES, len, `spill file ${this.path}`)]);
        for (const recs of decodeBlock(frame, { spillFile: this.path })) for (const r of recs) yield r as ColumnBatch;
        pos += FRAME_HEADER_BYTES + len;
      }
    } finally {
      fs.closeSync(fd);
    }
  }

  remove(): void {
    this.finish();
    removeIfExists(this.path);
  }
}

/** The spill files of one operator run; counts spilled bytes into the task's metrics. */
export class SpillFiles {
  private readonly files: SpillFile[] = [];
  private readonly dir: string;
  private readonly id = crypto.randomBytes(6).toString('hex');

  constructor(private readonly env: SpillEnv, private readonly what: string) {
    this.dir = spillDirOf(env.localDir);
  }

  create(): SpillFile {
    if (this.files.length === 0) {
      try { fs.mkdirSync(this.dir, { recursive: true }); } catch (e) {
        throw new TsSparkError('INTERNAL', `cannot create spill directory ${this.dir}`, { cause: e });
      }
    }
    const f = new SpillFile(path.join(this.dir, `${this.what}-${this.id}-${this.files.length}.spill`));
    this.files.push(f);
    return f;
  }

  /** Adds a spill's in-memory and on-disk sizes to the task metrics. */
  record(memoryBytes: number, diskBytes: number): void {
    this.env.metrics.memoryBytesSpilled += Math.round(memoryBytes);
    this.env.metrics.diskBytesSpilled += diskBytes;
  }

  close(): void {
    for (const f of this.files) f.remove();
    this.files.length = 0;
  }
}
