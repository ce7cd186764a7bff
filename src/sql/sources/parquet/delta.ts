// DELTA_BINARY_PACKED (INT32/INT64), DELTA_LENGTH_BYTE_ARRAY and DELTA_BYTE_ARRAY page decoders.
// Integers are produced as little-endian (lo, hi) int32 word pairs so INT64 needs no BigInt per value.
import { EncodingError, readUVarint, readZigzagBig } from './rle.js';
import type { ByteArrayBuilder } from './byte-array-builder.js';

const TWO32 = 4294967296;

/**
 * Decodes `count` values into `out` (one int32 word per value when `words` is 1, a lo/hi pair when 2),
 * starting at value index `outPos`. Returns the input position after the encoded block run.
 */
export function decodeDeltaBinaryPacked(buf: Uint8Array, pos: number, end: number, count: number, out: Int32Array, outPos: number, words: 1 | 2): number {
  const c = { pos };
  const blockSize = readUVarint(buf, c, end);
  const miniblocks = readUVarint(buf, c, end);
  const total = readUVarint(buf, c, end);
  const first = readZigzagBig(buf, c, end);
  if (miniblocks === 0 || blockSize % miniblocks !== 0 || (blockSize / miniblocks) % 8 !== 0) throw new EncodingError('bad DELTA_BINARY_PACKED header');
  const perMini = blockSize / miniblocks;
  const n = Math.min(count, total);
  let lo = Number(BigInt.asUintN(32, first)), hi = Number(BigInt.asIntN(32, first >> 32n));
  let o = outPos * words;
  if (n > 0) { out[o] = lo | 0; if (words === 2) out[o + 1] = hi; o += words; }
  let produced = n > 0 ? 1 : 0;
  let remaining = total - 1;
  while (remaining > 0) {
    const minDelta = readZigzagBig(buf, c, end);
    const mLo = Number(BigInt.asUintN(32, minDelta)), mHi = Number(BigInt.asIntN(32, minDelta >> 32n));
    const widthsAt = c.pos;
    c.pos += miniblocks;
    if (c.pos > end) throw new EncodingError('DELTA_BINARY_PACKED truncated');
    for (let m = 0; m < miniblocks && remaining > 0; m++) {
      const w = buf[widthsAt + m]!;
      if (w > 64) throw new EncodingError('bad delta bit width');
      const bytes = (perMini * w) >>> 3;
      if (c.pos + bytes > end) throw new EncodingError('DELTA_BINARY_PACKED truncated');
      let bit = c.pos * 8;
      const take = Math.min(perMini, remaining);
      for (let i = 0; i < take; i++) {
        // extract w bits at `bit` as (dLo, dHi) without crossing the 32-bit word boundary in one step
        let dLo = 0, dHi = 0, got = 0;
        while (got < w) {
          const p = bit >>> 3, sh = bit & 7;
          const room = got < 32 ? 32 - got : 64 - got;
          const t = Math.min(8 - sh, w - got, room);
          const bits = (buf[p]! >>> sh) & ((1 << t) - 1);
          if (got < 32) dLo += bits * 2 ** got; else dHi += bits * 2 ** (got - 32);
          got += t;
          bit += t;
        }
        let sLo = lo + mLo + dLo;
        const carry = Math.floor(sLo / TWO32);
        sLo -= carry * TWO32;
        lo = sLo;
        hi = (hi + mHi + dHi + carry) | 0;
        if (produced < n) { out[o] = lo | 0; if (words === 2) out[o + 1] = hi; o += words; produced++; }
      }
      remaining -= take;
      c.pos += bytes;
    }
  }
  return c.pos;
}

/** DELTA_LENGTH_BYTE_ARRAY: delta-packed lengths, then the concatenated bytes. */
export function decodeDeltaLengthByteArray(buf: Uint8Array, pos: number, end: number, count: number, into: ByteArrayBuilder): number {
  const lengths = new Int32Array(count);
  let p = decodeDeltaBinaryPacked(buf, pos, end, count, lengths, 0, 1);
  for (let i = 0; i < count; i++) {
    const len = lengths[i]!;
    if (len < 0 || p + len > end) throw new EncodingError('DELTA_LENGTH_BYTE_ARRAY truncated');
    into.append(buf, p, len);
    p += len;
  }
  return p;
}

/** DELTA_BYTE_ARRAY: prefix lengths, then suffixes as DELTA_LENGTH_BYTE_ARRAY; value = prev[0, prefix) + suffix. */
export function decodeDeltaByteArray(buf: Uint8Array, pos: number, end: number, count: number, into: ByteArrayBuilder): number {
  const prefixes = new Int32Array(count);
  const lengths = new Int32Array(count);
  let p = decodeDeltaBinaryPacked(buf, pos, end, count, prefixes, 0, 1);
  p = decodeDeltaBinaryPacked(buf, p, end, count, lengths, 0, 1);
  let prevStart = -1, prevLen = 0;
  for (let i = 0; i < count; i++) {
    const pre = prefixes[i]!, len = lengths[i]!;
    if (pre < 0 || len < 0 || pre > prevLen || p + len > end) throw new EncodingError('DELTA_BYTE_ARRAY corrupt');
    const start = into.appendPrefixed(prevStart, pre, buf, p, len);
    p += len;
    prevStart = start;
    prevLen = pre + len;
  }
  return p;
}
