// Grace-hash partitioning to disk: rows of ColumnBatches routed to one of N spill files by a hash of their key
// columns, re-mixed with a per-level seed so a bucket that is still too big splits again one level down (the
// exchange already made every row of a partition agree on hash mod numPartitions). Used by the spilling
// aggregation and join.
import type { Column, ColumnBatch } from '../../batch/column-batch.js';
import { concatAll, gatherBatch } from '../batch-ops.js';
import { hashRows } from '../row-hash.js';
import type { SpillEnv } from './spill-env.js';
import { type SpillFile, SpillFiles } from './spill-file.js';

export const NUM_BUCKETS = 16;
/** Levels of re-partitioning before a bucket is processed in memory whatever its size (one skewed key). */
export const MAX_SPILL_LEVEL = 3;
const POOL_ROWS = 4096;

/** Bucket of each row: the murmur3 finalizer of its key hash xor a per-level seed, mod n. */
export function bucketsOf(hashes: Int32Array, n: number, level: number, out: Uint8Array): void {
  const seed = Math.imul(level + 1, 0x9e3779b9);
  for (let i = 0; i < hashes.length; i++) {
    let h = hashes[i]! ^ seed;
    h ^= h >>> 16; h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13; h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    out[i] = (h >>> 0) % n;
  }
}

export class HashBuckets {
  private readonly spills: SpillFiles;
  private readonly files: SpillFile[] = [];
  private readonly pending: ColumnBatch[][];
  private readonly pendingRows: Int32Array;
  private bytesBefore = 0;

  constructor(env: SpillEnv, what: string, private readonly level: number, readonly n: number = NUM_BUCKETS) {
    this.spills = new SpillFiles(env, what);
    this.pending = Array.from({ length: n }, () => []);
    this.pendingRows = new Int32Array(n);
  }

  /** Routes the rows of `b` by the hash of `keys` (key columns evaluated over b). */
  write(b: ColumnBatch, keys: readonly Column[]): void {
    if (b.numRows === 0) return;
    if (this.files.length === 0) for (let i = 0; i < this.n; i++) this.files.push(this.spills.create());
    const bucket = new Uint8Array(b.numRows);
    bucketsOf(hashRows(keys, b.numRows), this.n, this.level, bucket);
    const counts = new Int32Array(this.n);
    for (let i = 0; i < b.numRows; i++) counts[bucket[i]!]!++;
    const idx = Array.from({ length: this.n }, (_, k) => new Int32Array(counts[k]!));
    const fill = new Int32Array(this.n);
    for (let i = 0; i < b.numRows; i++) { const k = bucket[i]!; idx[k]![fill[k]!++] = i; }
    for (let k = 0; k < this.n; k++) {
      if (counts[k] === 0) continue;
      this.pending[k]!.push(counts[k] === b.numRows ? b : gatherBatch(b, idx[k]!));
      this.pendingRows[k]! += counts[k]!;
      if (this.pendingRows[k]! >= POOL_ROWS) this.flush(k);
    }
  }

  /** Writes pooled rows and adds what was spilled since the last call to the metrics (`memoryBytes` in memory). */
  finishSpill(memoryBytes: number): void {
    for (let k = 0; k < this.pending.length; k++) if (this.pendingRows[k]! > 0) this.flush(k);
    let total = 0;
    for (const f of this.files) total += f.bytes;
    this.spills.record(memoryBytes, total - this.bytesBefore);
    this.bytesBefore = total;
  }

  /** Bytes and rows on disk in bucket k. */
  sizeOf(k: number): { bytes: number; rows: number } {
    const f = this.files[k];
    return f ? { bytes: f.bytes, rows: f.rows } : { bytes: 0, rows: 0 };
  }

  /** Bucket k's batches, read back from disk (call after finishSpill). */
  bucket(k: number): Iterable<ColumnBatch> {
    const f = this.files[k];
    return f ? f.batches() : [];
  }

  /** Deletes bucket k's file early (its rows were processed). */
  drop(k: number): void {
    this.files[k]?.remove();
  }

  close(): void {
    this.spills.close();
  }

  private flush(k: number): void {
    const parts = this.pending[k]!;
    this.files[k]!.append(parts.length === 1 ? parts[0]! : concatAll(parts));
    this.pending[k] = [];
    this.pendingRows[k] = 0;
  }
}
