// The bytes of one shuffle block (one reduce partition's slice of a map task's data file, or of a spill segment):
// encoding record batches into frames and decoding a block back into batches. Used by the writer and the reader.
//
// Format (version 1):
//   block  = frame*                       (an empty block has no frames; blocks of one partition concatenate)
//   frame  = [u32 LE byteLength][u8 flags][payload: byteLength bytes]
//   flags  = bits 0-3: codec id (0 none, 1 deflate-raw; see compression.ts), bits 4-7: reserved, must be 0
//   payload (after decompression) = encodeValue(records: unknown[]) from src/common/record-codec.ts, a non-empty array
// A frame's codec is chosen per frame: the writer stores a frame uncompressed when compression does not make it smaller.
import { TsSparkError } from '../common/errors.js';
import { decodeValue, encodeValue } from '../common/record-codec.js';
import { codecById, type CompressionCodec } from './compression.js';

export const FRAME_HEADER_BYTES = 5;
const MAX_FRAME_PAYLOAD = 0xffff_ffff;

/** Encodes one batch into a self-contained frame (header + payload in one buffer). */
export function encodeFrame(records: readonly unknown[], codec: CompressionCodec): Buffer {
  const raw = encodeValue(records);
  let payload: Uint8Array = raw;
  let codecId = 0;
  if (codec.id !== 0) {
    const packed = codec.compress(raw);
    if (packed.byteLength < raw.byteLength) {
      payload = packed;
      codecId = codec.id;
    }
  }
  if (payload.byteLength > MAX_FRAME_PAYLOAD) {
    throw new TsSparkError('INVALID_ARGUMENT', `a shuffle batch encodes to ${payload.byteLength} bytes, more than a frame holds`, {
      hint: 'lower the batch size (batchRecords)',
    });
  }
  const frame = Buffer.allocUnsafe(FRAME_HEADER_BYTES + payload.byteLength);
  frame.writeUInt32LE(payload.byteLength, 0);
  frame[4] = codecId;
  frame.set(payload, FRAME_HEADER_BYTES);
  return frame;
}

/**
 * Decodes a block into its record batches, lazily, one frame at a time.
 * Truncated or corrupt frames throw INVALID_WIRE_DATA with the frame's position in `details` (plus `context`).
 */
export function* decodeBlock(bytes: Uint8Array, context: Readonly<Record<string, unknown>> = {}): Generator<unknown[], void, undefined> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = bytes.byteLength;
  let pos = 0;
  let frameIndex = 0;
  while (pos < end) {
    if (end - pos < FRAME_HEADER_BYTES) {
      throw corrupt(`truncated frame header (${end - pos} bytes left)`, context, pos, frameIndex, end);
    }
    const length = view.getUint32(pos, true);
    const flags = bytes[pos + 4]!;
    const start = pos + FRAME_HEADER_BYTES;
    if (length > end - start) {
      throw corrupt(`frame of ${length} bytes overruns the block (${end - start} bytes left)`, context, pos, frameIndex, end);
    }
    const codec = (flags & 0xf0) === 0 ? codecById(flags & 0x0f) : undefined;
    if (codec === undefined) throw corrupt(`unknown frame flags 0x${flags.toString(16)}`, context, pos, frameIndex, end);
    const payload = bytes.subarray(start, start + length);
    let batch: unknown;
    try {
      batch = decodeValue(codec.id === 0 ? payload : codec.decompress(payload));
    } catch (e) {
      throw corrupt(`frame payload does not decode: ${(e as Error).message}`, context, pos, frameIndex, end, e);
    }
    if (!Array.isArray(batch) || batch.length === 0) {
      throw corrupt('frame payload is not a non-empty record batch', context, pos, frameIndex, end);
    }
    yield batch;
    pos = start + length;
    frameIndex++;
  }
}

function corrupt(
  message: string,
  context: Readonly<Record<string, unknown>>,
  offset: number,
  frame: number,
  blockLength: number,
  cause?: unknown,
): TsSparkError {
  return new TsSparkError('INVALID_WIRE_DATA', `corrupt shuffle block: ${message}`, {
    details: { ...context, frame, offset, blockLength },
    ...(cause === undefined ? {} : { cause }),
  });
}
