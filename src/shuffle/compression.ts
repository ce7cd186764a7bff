// Compression codecs for shuffle frames, by the id stored in a frame's flags (see block-format.ts).
// 'none' and 'deflate' (raw deflate, level 1, node:zlib — fast and dependency-free); new codecs take new ids.
import zlib from 'node:zlib';
import { assertNever } from '../common/assert.js';

export type CompressionCodecName = 'none' | 'deflate';

export interface CompressionCodec {
  readonly name: CompressionCodecName;
  /** Stored in the low 4 bits of a frame's flags; 0 means uncompressed. */
  readonly id: number;
  compress(bytes: Uint8Array): Buffer;
  decompress(bytes: Uint8Array): Buffer;
}

const NONE: CompressionCodec = {
  name: 'none',
  id: 0,
  compress: (b) => Buffer.from(b.buffer, b.byteOffset, b.byteLength),
  decompress: (b) => Buffer.from(b.buffer, b.byteOffset, b.byteLength),
};

const DEFLATE: CompressionCodec = {
  name: 'deflate',
  id: 1,
  compress: (b) => zlib.deflateRawSync(b, { level: 1 }),
  decompress: (b) => zlib.inflateRawSync(b),
};

const BY_ID: readonly (CompressionCodec | undefined)[] = [NONE, DEFLATE];

export function codecByName(name: CompressionCodecName): CompressionCodec {
  switch (name) {
    case 'none':
      return NONE;
    case 'deflate':
      return DEFLATE;
    default:
      return assertNever(name, 'shuffle compression codec');
  }
}

/** The codec for a frame's codec id, or undefined if this build does not know it. */
export function codecById(id: number): CompressionCodec | undefined {
  return BY_ID[id];
}
