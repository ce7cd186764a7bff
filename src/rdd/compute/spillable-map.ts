// A key → value hash map under a memory limit (the reduce side of combineByKey and cogroup). When its estimated
// size passes the limit, every entry is written to one of 16 spill files chosen by key hash (grace hashing) and
// the map starts empty; at the end each bucket is read back and merged on its own, so memory holds one bucket.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { encodeValue } from '../../common/record-codec.js';
import { decodeBlock, encodeFrame } from '../../shuffle/block-format.js';
import { codecByName } from '../../shuffle/compression.js';
import { KeyMap } from '../key-map.js';
import { hashKey } from '../partitioner.js';
import type { TaskMetrics } from './task-env.js';

const BUCKETS = 16;
const CHECK_EVERY = 1024;
const HEAP_FACTOR = 3;
const FRAME_RECORDS = 4096;

export class SpillableMap {
  private map = new KeyMap<unknown>();
  private bytesPerEntry = -1;
  private files: string[] | undefined;
  private inserts = 0;

  constructor(
    private readonly memoryLimitBytes: number,
    private readonly spillDir: string,
    private readonly merge: (a: unknown, b: unknown) => unknown,
    private readonly metrics: TaskMetrics,
  ) {}

  /** Adds `value` under `key`, combining with `update(prev, value)` or creating with `create(value)`. */
  update(key: unknown, value: unknown, create: (v: unknown) => unknown, update: (prev: unknown, v: unknown) => unknown): void {
    const prev = this.map.get(key);
    if (prev === undefined && !this.map.has(key)) this.map.set(key, create(value));
    else this.map.set(key, update(prev, value));
    if (++this.inserts % CHECK_EVERY === 0 && this.estimatedBytes() > this.memoryLimitBytes) this.spill();
  }

  /** All entries, merged across spills with `merge(combinerA, combinerB)`; spill files are deleted afterwards. */
  *entries(): Generator<[unknown, unknown]> {
    if (!this.files) {
      yield* this.map.entries();
      return;
    }
    this.spill();
    const files = this.files;
    this.files = undefined;
    try {
      for (const f of files) {
        const bucket = new KeyMap<unknown>();
        if (fs.existsSync(f)) {
          for (const batch of decodeBlock(fs.readFileSync(f))) {
            for (const [k, v] of batch as Array<[unknown, unknown]>) {
              const prev = bucket.get(k);
              bucket.set(k, prev === undefined && !bucket.has(k) ? v : this.merge(prev, v));
            }
          }
        }
        yield* bucket.entries();
      }
    } finally {
      for (const f of files) fs.rmSync(f, { force: true });
    }
  }

  private estimatedBytes(): number {
    if (this.bytesPerEntry < 0) {
      const sample: unknown[] = [];
      for (const e of this.map.entries()) {
        sample.push(e);
        if (sample.length >= 64) break;
      }
      this.bytesPerEntry = sample.length === 0 ? 64 : (encodeValue(sample).length / sample.length) * HEAP_FACTOR + 64;
    }
    return this.map.size * this.bytesPerEntry;
  }

  private spill(): void {
    if (!this.files) {
      fs.mkdirSync(this.spillDir, { recursive: true });
      const id = crypto.randomBytes(6).toString('hex');
      this.files = Array.from({ length: BUCKETS }, (_, b) => path.join(this.spillDir, `tsspark-agg-${id}-${b}.spill`));
    }
    const buckets: unknown[][] = Array.from({ length: BUCKETS }, () => []);
    const codec = codecByName('none');
    const fds = this.files.map((f) => fs.openSync(f, 'a'));
    let bytes = 0;
    try {
      const flush = (b: number): void => {
        const frame = encodeFrame(buckets[b]!, codec);
        fs.writeSync(fds[b]!, frame);
        bytes += frame.length;
        buckets[b] = [];
      };
      for (const e of this.map.entries()) {
        const b = (hashKey(e[0]) >>> 0) % BUCKETS;
        buckets[b]!.push(e);
        if (buckets[b]!.length === FRAME_RECORDS) flush(b);
      }
      for (let b = 0; b < BUCKETS; b++) if (buckets[b]!.length > 0) flush(b);
    } finally {
      for (const fd of fds) fs.closeSync(fd);
    }
    this.metrics.diskBytesSpilled += bytes;
    this.metrics.memoryBytesSpilled += Math.round(this.map.size * this.bytesPerEntry);
    this.map = new KeyMap<unknown>();
    this.bytesPerEntry = -1;
  }
}
