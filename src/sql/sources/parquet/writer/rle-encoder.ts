// Parquet's RLE/bit-packed hybrid encoder, used for definition levels and dictionary ids: runs of ≥ 8 equal
// values become RLE runs, everything else bit-packed groups of 8 (the last group zero-padded).
import { ByteSink } from './byte-sink.js';

export function bitWidthOf(maxValue: number): number {
  return maxValue === 0 ? 0 : 32 - Math.clz32(maxValue);
}

function writeRle(out: ByteSink, value: number, count: number, byteWidth: number): void {
  out.uvarint(count * 2);
  out.ensure(byteWidth);
  for (let k = 0; k < byteWidth; k++) out.bytes[out.pos++] = (value >>> (8 * k)) & 0xff;
}

function writePacked(out: ByteSink, vals: ArrayLike<number>, from: number, to: number, width: number): void {
  const groups = Math.ceil((to - from) / 8);
  out.uvarint(groups * 2 + 1);
  out.ensure(groups * width);
  const b = out.bytes;
  let p = out.pos;
  const end = p + groups * width;
  b.fill(0, p, end);
  let acc = 0, bits = 0;
  if (width <= 24) {
    // integer path: bits < 8 before each add, so acc stays below 2^32
    for (let i = from; i < from + groups * 8; i++) {
      acc = (acc | ((i < to ? vals[i]! : 0) << bits)) >>> 0;
      bits += width;
      while (bits >= 8) { b[p++] = acc & 0xff; acc >>>= 8; bits -= 8; }
    }
    out.pos = end;
    return;
  }
  for (let i = from; i < from + groups * 8; i++) {
    const v = i < to ? vals[i]! : 0;
    acc += v * 2 ** bits; // width ≤ 32: bits + width ≤ 39, exact in a double
    bits += width;
    while (bits >= 8) {
      b[p++] = acc & 0xff;
      acc = Math.floor(acc / 256);
      bits -= 8;
    }
  }
  out.pos = end;
}

/** Encodes vals[from, to) with the given bit width (no length prefix). */
export function encodeRleHybrid(out: ByteSink, vals: ArrayLike<number>, from: number, to: number, width: number): void {
  const byteWidth = (width + 7) >> 3;
  let lit = from; // start of pending literals
  let i = from;
  while (i < to) {
    const v = vals[i]!;
    let j = i + 1;
    while (j < to && vals[j] === v) j++;
    if (j - i >= 8) {
      // align pending literals to a multiple of 8 by borrowing from the run
      let start = i;
      const pending = i - lit;
      if (pending % 8 !== 0) start = i + (8 - (pending % 8));
      if (j - start >= 8) {
        if (start > lit) writePacked(out, vals, lit, start, width);
        writeRle(out, v, j - start, byteWidth);
        lit = j;
      }
    }
    i = j;
  }
  if (lit < to) writePacked(out, vals, lit, to, width);
}
