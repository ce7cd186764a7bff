// RLE / bit-packed hybrid decoding (Parquet's encoding for definition levels, dictionary ids
// and v2 booleans) into Int32Array, plus the byte-level varint helpers the other decoders share.

export class EncodingError extends Error {}

/**
 * Decodes `count` values of width `bitWidth` from `buf[pos, end)` into `out[outPos…]`.
 * Returns the input position after the last run consumed.
 */
export function decodeHybrid(buf: Uint8Array, pos: number, end: number, bitWidth: number, count: number, out: Int32Array, outPos: number): number {
  if (bitWidth > 32) throw new EncodingError(`bit width ${bitWidth} > 32`);
  const byteWidth = (bitWidth + 7) >>> 3;
  let done = 0;
  while (done < count) {
    if (pos >= end) throw new EncodingError('RLE data truncated');
    // run header varint (runs are short, so a 32-bit varint suffices)
    let header = 0, shift = 0, b: number;
    do {
      if (pos >= end) throw new EncodingError('RLE header truncated');
      b = buf[pos++]!;
      header |= (b & 0x7f) << shift;
      shift += 7;
    } while (b & 0x80 && shift < 35);
    header >>>= 0;
    if ((header & 1) === 0) {
      const runLen = header >>> 1;
      let value = 0;
      for (let i = 0; i < byteWidth; i++) value |= buf[pos + i]! << (8 * i);
      pos += byteWidth;
      if (pos > end) throw new EncodingError('RLE value truncated');
      const n = Math.min(runLen, count - done);
      out.fill(value, outPos + done, outPos + done + n);
      done += n;
    } else {
      const groups = header >>> 1;
      const bytes = groups * bitWidth;
      if (pos + bytes > end) throw new EncodingError('bit-packed run truncated');
      const n = Math.min(groups * 8, count - done);
      unpackBits(buf, pos, bitWidth, n, out, outPos + done);
      pos += bytes;
      done += n;
    }
  }
  return pos;
}

/** Unpacks `n` little-endian bit-packed values of width `bw` starting at byte `pos`. */
export function unpackBits(buf: Uint8Array, pos: number, bw: number, n: number, out: Int32Array, outPos: number): void {
  if (bw === 0) {
    out.fill(0, outPos, outPos + n);
    return;
  }
  if (bw <= 24) {
    const mask = (1 << bw) - 1;
    let acc = 0, bits = 0, p = pos;
    const stop = outPos + n;
    for (let o = outPos; o < stop; o++) {
      while (bits < bw) {
        acc |= buf[p++]! << bits;
        bits += 8;
      }
      out[o] = acc & mask;
      acc >>>= bw;
      bits -= bw;
    }
    return;
  }
  // wide ids: assemble with floating arithmetic (rare: > 16M dictionary entries)
  let bit = pos * 8;
  for (let i = 0; i < n; i++) {
    let v = 0;
    for (let k = 0; k < bw; k++) {
      const at = bit + k;
      if ((buf[at >>> 3]! >>> (at & 7)) & 1) v += 2 ** k;
    }
    out[outPos + i] = v | 0;
    bit += bw;
  }
}

/** Unsigned LEB128 varint as a JS number (exact to 2^53). */
export function readUVarint(buf: Uint8Array, cursor: { pos: number }, end: number): number {
  let result = 0, mul = 1, b: number;
  do {
    if (cursor.pos >= end) throw new EncodingError('varint truncated');
    b = buf[cursor.pos++]!;
    result += (b & 0x7f) * mul;
    mul *= 128;
  } while (b & 0x80);
  return result;
}

/** Zigzag varint as BigInt (DELTA_BINARY_PACKED headers; at most a few per page). */
export function readZigzagBig(buf: Uint8Array, cursor: { pos: number }, end: number): bigint {
  let result = 0n, shift = 0n, b: number;
  do {
    if (cursor.pos >= end) throw new EncodingError('varint truncated');
    b = buf[cursor.pos++]!;
    result |= BigInt(b & 0x7f) << shift;
    shift += 7n;
  } while (b & 0x80);
  return (result >> 1n) ^ -(result & 1n);
}

export function bitWidthOf(maxValue: number): number {
  return maxValue === 0 ? 0 : 32 - Math.clz32(maxValue);
}
