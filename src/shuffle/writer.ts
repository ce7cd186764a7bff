// The map side of the sort-based shuffle: buffers records per reduce partition as encoded frames, spills under a
// memory limit, and commits one data file (grouped by partition) + one index file. Called by the executor's task runner.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { TsSparkError } from '../common/errors.js';
import { checkShuffleInt, shuffleTempPath } from './block-id.js';
import { encodeFrame } from './block-format.js';
import { codecByName, type CompressionCodec, type CompressionCodecName } from './compression.js';
import { removeIfExists, writeFully } from './file-io.js';
import { commitMapOutput } from './map-output-commit.js';
import { copySpillSegments, spillBytes, writeSpillFile, type SpillFile } from './spill.js';

export interface ShuffleWriterOptions {
  readonly rootDir: string;
  readonly shuffleId: number;
  readonly mapId: number;
  readonly numPartitions: number;
  /** Buffered bytes (encoded frames + an estimate for pending records) above which everything is spilled. */
  readonly memoryLimitBytes: number;
  /** Records per frame; default 4096. */
  readonly batchRecords?: number;
  /** Compress frames (Spark's spark.shuffle.compress); default false. */
  readonly compress?: boolean;
  /** The codec when `compress` is on (Spark's spark.io.compression.codec); default 'deflate'. */
  readonly codec?: CompressionCodecName;
}

export interface ShuffleWriteResult {
  /** Bytes of each reduce partition's block in the committed data file (the index's view). */
  readonly partitionLengths: number[];
  readonly bytesWritten: number;
  readonly recordsWritten: number;
  readonly spillCount: number;
  readonly bytesSpilled: number;
  /** Wall time spent encoding, compressing, spilling and committing. */
  readonly writeTimeMs: number;
}

const DEFAULT_BATCH_RECORDS = 4096;
/** Until a frame tells us, assume this many encoded bytes per pending record. */
const INITIAL_RECORD_BYTES_ESTIMATE = 32;
/** How often (in records, a power of two) the pending-record estimate is checked against the memory limit. */
const MEMORY_CHECK_INTERVAL = 1024;
const COPY_BUFFER_BYTES = 1 << 20;

type WriterState = 'open' | 'committed' | 'aborted';

export class ShuffleWriter {
  private readonly rootDir: string;
  private readonly shuffleId: number;
  private readonly mapId: number;
  private readonly numPartitions: number;
  private readonly memoryLimitBytes: number;
  private readonly batchRecords: number;
  private readonly codec: CompressionCodec;
  private readonly pending: unknown[][] = [];
  private readonly frames: Buffer[][] = [];
  private readonly spills: SpillFile[] = [];
  private readonly tempFiles = new Set<string>();
  private frameBytes = 0;
  private encodedRecords = 0;
  private pendingRecords = 0;
  private recordsWritten = 0;
  private bytesSpilled = 0;
  private writeTimeMs = 0;
  private state: WriterState = 'open';

  constructor(options: ShuffleWriterOptions) {
    this.rootDir = options.rootDir;
    this.shuffleId = checkShuffleInt(options.shuffleId, 'shuffleId');
    this.mapId = checkShuffleInt(options.mapId, 'mapId');
    this.numPartitions = options.numPartitions;
    if (!Number.isSafeInteger(this.numPartitions) || this.numPartitions < 1) {
      throw new TsSparkError('INVALID_ARGUMENT', `numPartitions must be a positive integer, got ${options.numPartitions}`);
    }
    this.memoryLimitBytes = options.memoryLimitBytes;
    if (!(this.memoryLimitBytes >= 0)) throw new TsSparkError('INVALID_ARGUMENT', `memoryLimitBytes must be >= 0, got ${options.memoryLimitBytes}`);
    this.batchRecords = options.batchRecords ?? DEFAULT_BATCH_RECORDS;
    if (!Number.isSafeInteger(this.batchRecords) || this.batchRecords < 1) {
      throw new TsSparkError('INVALID_ARGUMENT', `batchRecords must be a positive integer, got ${options.batchRecords}`);
    }
    this.codec = codecByName(options.compress === true ? (options.codec ?? 'deflate') : 'none');
    for (let p = 0; p < this.numPartitions; p++) {
      this.pending.push([]);
      this.frames.push([]);
    }
  }

  /** Buffers one record for reduce partition `partition` (computed by the caller's partitioner). */
  write(partition: number, record: unknown): void {
    const pending = this.pending[partition];
    if (pending === undefined || this.state !== 'open') this.rejectWrite(partition);
    pending.push(record);
    this.pendingRecords++;
    this.recordsWritten++;
    if (pending.length >= this.batchRecords) {
      this.sealBatch(partition);
      if (this.frameBytes > this.memoryLimitBytes) this.spill();
    } else if ((this.recordsWritten & (MEMORY_CHECK_INTERVAL - 1)) === 0 && this.bufferedBytesEstimate() > this.memoryLimitBytes) {
      this.spill();
    }
  }

  /** Writes the data and index files atomically and returns the map status the driver needs. */
  commit(): ShuffleWriteResult {
    this.checkOpen('commit');
    const started = performance.now();
    const { rootDir, shuffleId, mapId } = this;
    const tmpData = this.newTemp('data');
    const tmpIndex = this.newTemp('index');
    const lengths = new Array<number>(this.numPartitions);
    const spillFds: number[] = [];
    let bytesWritten = 0;
    try {
      for (const s of this.spills) spillFds.push(fs.openSync(s.path, 'r'));
      const out = fs.openSync(tmpData, 'wx');
      try {
        const scratch = Buffer.allocUnsafe(this.spills.length > 0 ? COPY_BUFFER_BYTES : 0);
        for (let p = 0; p < this.numPartitions; p++) {
          if (this.pending[p]!.length > 0) this.sealBatch(p);
          let length = copySpillSegments(this.spills, spillFds, p, out, scratch);
          const frames = this.frames[p]!;
          for (let i = 0; i < frames.length; i++) {
            writeFully(out, frames[i]!);
            length += frames[i]!.byteLength;
          }
          frames.length = 0;
          lengths[p] = length;
          bytesWritten += length;
        }
      } finally {
        fs.closeSync(out);
      }
      const result = commitMapOutput(rootDir, shuffleId, mapId, tmpData, tmpIndex, lengths);
      this.state = 'committed';
      this.writeTimeMs += performance.now() - started;
      return {
        partitionLengths: result.partitionLengths,
        bytesWritten,
        recordsWritten: this.recordsWritten,
        spillCount: this.spills.length,
        bytesSpilled: this.bytesSpilled,
        writeTimeMs: this.writeTimeMs,
      };
    } catch (e) {
      this.state = 'aborted';
      throw e;
    } finally {
      for (const fd of spillFds) fs.closeSync(fd);
      this.removeTemps();
    }
  }

  /** Drops everything buffered and deletes temp and spill files; safe to call more than once. */
  abort(): void {
    if (this.state === 'committed') return;
    this.state = 'aborted';
    for (let p = 0; p < this.numPartitions; p++) {
      this.pending[p]!.length = 0;
      this.frames[p]!.length = 0;
    }
    this.removeTemps();
  }

  /** Encodes partition `p`'s pending records into one frame. */
  private sealBatch(p: number): void {
    const started = performance.now();
    const pending = this.pending[p]!;
    const frame = encodeFrame(pending, this.codec);
    this.frames[p]!.push(frame);
    this.frameBytes += frame.byteLength;
    this.encodedRecords += pending.length;
    this.pendingRecords -= pending.length;
    pending.length = 0;
    this.writeTimeMs += performance.now() - started;
  }

  private bufferedBytesEstimate(): number {
    const perRecord = this.encodedRecords > 0 ? this.frameBytes / this.encodedRecords : INITIAL_RECORD_BYTES_ESTIMATE;
    return this.frameBytes + this.pendingRecords * perRecord;
  }

  /** Writes every buffered frame (pending records sealed first) to a new spill file, grouped by partition. */
  private spill(): void {
    for (let p = 0; p < this.numPartitions; p++) if (this.pending[p]!.length > 0) this.sealBatch(p);
    if (this.frameBytes === 0) return;
    const started = performance.now();
    const spill = writeSpillFile(this.newTemp('spill'), this.frames);
    this.spills.push(spill);
    this.bytesSpilled += spillBytes(spill);
    for (let p = 0; p < this.numPartitions; p++) this.frames[p]!.length = 0;
    this.frameBytes = 0;
    this.encodedRecords = 0;
    this.writeTimeMs += performance.now() - started;
  }

  private newTemp(what: 'data' | 'index' | 'spill'): string {
    const p = shuffleTempPath(this.rootDir, this.shuffleId, this.mapId, what, crypto.randomBytes(8).toString('hex'));
    this.tempFiles.add(p);
    return p;
  }

  private removeTemps(): void {
    for (const p of this.tempFiles) removeIfExists(p);
    this.tempFiles.clear();
  }

  private checkOpen(op: string): void {
    if (this.state !== 'open') {
      throw new TsSparkError('INVALID_ARGUMENT', `cannot ${op}: shuffle writer for shuffle ${this.shuffleId} map ${this.mapId} is ${this.state}`);
    }
  }

  private rejectWrite(partition: number): never {
    this.checkOpen('write');
    throw new TsSparkError('INVALID_ARGUMENT', `partition ${String(partition)} is out of range [0, ${this.numPartitions})`, {
      details: { shuffleId: this.shuffleId, mapId: this.mapId, partition: String(partition) },
    });
  }
}
