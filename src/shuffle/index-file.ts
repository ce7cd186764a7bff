// The shuffle index file of one map task: where each reduce partition's block lies in the data file.
// Written by the writer's commit, read by the local reader and the fetch service.
//
// Format (version 1, the same as Spark's IndexShuffleBlockResolver; no header):
//   P+1 offsets, each a little-endian signed int64, for P reduce partitions.
//   offsets[0] = 0, offsets[i] <= offsets[i+1], offsets[P] = length of the data file.
//   Block of reduce partition r = data bytes [offsets[r], offsets[r+1]); an empty partition has equal offsets.
//   So the file is exactly 8 * (P + 1) bytes, P >= 1. Offsets must be safe integers (< 2^53).
import fs from 'node:fs';
import { TsSparkError } from '../common/errors.js';

export const INDEX_ENTRY_BYTES = 8;

/** Serializes partition lengths into index bytes. */
export function encodeIndex(partitionLengths: readonly number[]): Buffer {
  const buf = Buffer.allocUnsafe(INDEX_ENTRY_BYTES * (partitionLengths.length + 1));
  let offset = 0;
  buf.writeBigInt64LE(0n, 0);
  for (let i = 0; i < partitionLengths.length; i++) {
    const len = partitionLengths[i]!;
    if (!Number.isSafeInteger(len) || len < 0) throw new TsSparkError('INTERNAL', `invalid partition length ${len} for partition ${i}`);
    offset += len;
    buf.writeBigInt64LE(BigInt(offset), INDEX_ENTRY_BYTES * (i + 1));
  }
  return buf;
}

/**
 * Decodes and validates index bytes into P+1 offsets. `dataLength`, when given, must equal the last offset.
 * Throws INVALID_WIRE_DATA with `details` naming what is wrong.
 */
export function decodeIndex(bytes: Uint8Array, dataLength?: number, context: Readonly<Record<string, unknown>> = {}): Float64Array {
  const n = bytes.byteLength;
  if (n < 2 * INDEX_ENTRY_BYTES || n % INDEX_ENTRY_BYTES !== 0) {
    throw corrupt(`index file has ${n} bytes; expected 8 * (P + 1) with P >= 1`, { ...context, indexLength: n });
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, n);
  const offsets = new Float64Array(n / INDEX_ENTRY_BYTES);
  let prev = 0;
  for (let i = 0; i < offsets.length; i++) {
    const big = view.getBigInt64(i * INDEX_ENTRY_BYTES, true);
    if (big < 0n || big > BigInt(Number.MAX_SAFE_INTEGER)) throw corrupt(`index offset ${i} is out of range: ${big}`, { ...context, entry: i });
    const off = Number(big);
    if (i === 0 && off !== 0) throw corrupt(`index must start at offset 0, found ${off}`, { ...context, entry: 0 });
    if (off < prev) throw corrupt(`index offsets decrease at entry ${i}: ${prev} > ${off}`, { ...context, entry: i });
    offsets[i] = off;
    prev = off;
  }
  if (dataLength !== undefined && prev !== dataLength) {
    throw corrupt(`index ends at ${prev} but the data file has ${dataLength} bytes`, { ...context, indexEnd: prev, dataLength });
  }
  return offsets;
}

/** Reads and validates an index file against its data file's length. Missing files throw PATH_NOT_FOUND. */
export function readIndexFile(indexPath: string, dataLength?: number, context: Readonly<Record<string, unknown>> = {}): Float64Array {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(indexPath);
  } catch (e) {
    throw new TsSparkError('PATH_NOT_FOUND', `cannot read shuffle index file ${indexPath}: ${(e as Error).message}`, {
      details: { ...context, path: indexPath },
      cause: e,
    });
  }
  return decodeIndex(bytes, dataLength, context);
}

/** The per-partition block lengths an index describes. */
export function partitionLengthsOf(offsets: Float64Array): number[] {
  const lengths = new Array<number>(offsets.length - 1);
  for (let i = 0; i < lengths.length; i++) lengths[i] = offsets[i + 1]! - offsets[i]!;
  return lengths;
}

function corrupt(message: string, details: Readonly<Record<string, unknown>>): TsSparkError {
  return new TsSparkError('INVALID_WIRE_DATA', `corrupt shuffle index: ${message}`, { details });
}
