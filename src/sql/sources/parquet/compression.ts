// Page decompression by Parquet codec: own snappy (snappy.ts), node:zlib for gzip/brotli,
// fzstd for zstd, and a small LZ4 block decoder for LZ4_RAW. Called by column-chunk.ts per page.
import { gunzipSync, brotliDecompressSync, inflateSync } from 'node:zlib';
import { decompress as zstdDecompress } from 'fzstd';
import { TsSparkError } from '../../../common/errors.js';
import { Codec } from './metadata.js';
import { snappyDecompress } from './snappy.js';

/** Returns the uncompressed bytes of `src[start, end)` (a view of the input when uncompressed). */
export function decompressPage(codec: number, src: Uint8Array, start: number, end: number, size: number): Uint8Array {
  switch (codec) {
    case Codec.UNCOMPRESSED:
      return src.subarray(start, end);
    case Codec.SNAPPY: {
      const out = new Uint8Array(size);
      snappyDecompress(src, start, end, out);
      return out;
    }
    case Codec.GZIP: {
      const input = src.subarray(start, end);
      // some writers emit raw zlib streams under the GZIP codec
      return input[0] === 0x1f && input[1] === 0x8b ? gunzipSync(input) : inflateSync(input);
    }
    case Codec.ZSTD:
      return zstdDecompress(src.subarray(start, end), new Uint8Array(size));
    case Codec.BROTLI:
      return brotliDecompressSync(src.subarray(start, end));
    case Codec.LZ4_RAW: {
      const out = new Uint8Array(size);
      lz4BlockDecompress(src, start, end, out);
      return out;
    }
    default:
      throw new TsSparkError('UNSUPPORTED', `parquet compression codec ${codecName(codec)} is not supported`, {
        details: { codec },
        hint: 'rewrite the file with snappy, gzip, zstd, brotli, lz4_raw or no compression',
      });
  }
}

function codecName(codec: number): string {
  return Object.entries(Codec).find(([, v]) => v === codec)?.[0] ?? String(codec);
}

function lz4BlockDecompress(src: Uint8Array, start: number, end: number, out: Uint8Array): void {
  let ip = start, op = 0;
  while (ip < end) {
    const token = src[ip++]!;
    let lit = token >>> 4;
    if (lit === 15) { let b: number; do { b = src[ip++]!; lit += b; } while (b === 255 && ip < end); }
    if (ip + lit > end || op + lit > out.length) throw new Error('lz4: literal overruns buffer');
    for (let i = 0; i < lit; i++) out[op++] = src[ip++]!;
    if (ip >= end) break;
    const offset = src[ip]! | (src[ip + 1]! << 8);
    ip += 2;
    let len = token & 15;
    if (len === 15) { let b: number; do { b = src[ip++]!; len += b; } while (b === 255 && ip < end); }
    len += 4;
    if (offset === 0 || offset > op || op + len > out.length) throw new Error('lz4: bad match');
    let from = op - offset;
    for (let i = 0; i < len; i++) out[op++] = out[from++]!;
  }
  if (op !== out.length) throw new Error(`lz4: produced ${op} bytes, expected ${out.length}`);
}
