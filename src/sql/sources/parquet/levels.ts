// Definition levels of a flat optional column → Arrow validity bitmap bits. RLE runs (the usual
// case: long stretches of non-null values) set whole byte ranges; bit-packed runs go value by value.
import { EncodingError, unpackBits } from './rle.js';

export interface LevelScratch { buf: Int32Array }

/**
 * Decodes `count` levels (width `bitWidth`) from `buf[pos, end)` and sets validity bit `row0 + i`
 * for every level equal to `maxDef`. Returns the number of non-null values.
 */
export function decodeDefLevels(buf: Uint8Array, pos: number, end: number, bitWidth: number, maxDef: number, count: number,
  validity: Uint8Array, row0: number, scratch: LevelScratch): number {
  const byteWidth = (bitWidth + 7) >>> 3;
  let done = 0, nonNull = 0;
  while (done < count) {
    if (pos >= end) throw new EncodingError('definition levels truncated');
    let header = 0, shift = 0, b: number;
    do {
      if (pos >= end) throw new EncodingError('definition levels truncated');
      b = buf[pos++]!;
      header |= (b & 0x7f) << shift;
      shift += 7;
    } while (b & 0x80 && shift < 35);
    header >>>= 0;
    if ((header & 1) === 0) {
      let value = 0;
      for (let i = 0; i < byteWidth; i++) value |= buf[pos + i]! << (8 * i);
      pos += byteWidth;
      const n = Math.min(header >>> 1, count - done);
      if (value === maxDef) {
        setBits(validity, row0 + done, n);
        nonNull += n;
      }
      done += n;
    } else {
      const groups = header >>> 1;
      if (pos + groups * bitWidth > end) throw new EncodingError('definition levels truncated');
      const n = Math.min(groups * 8, count - done);
      if (scratch.buf.length < n) scratch.buf = new Int32Array(Math.max(n, scratch.buf.length * 2));
      const lv = scratch.buf;
      unpackBits(buf, pos, bitWidth, n, lv, 0);
      let r = row0 + done;
      for (let i = 0; i < n; i++, r++) {
        if (lv[i] === maxDef) {
          validity[r >>> 3]! |= 1 << (r & 7);
          nonNull++;
        }
      }
      pos += groups * bitWidth;
      done += n;
    }
  }
  return nonNull;
}

/** Sets bits [from, from + n) of an LSB-first bitmap. */
export function setBits(bits: Uint8Array, from: number, n: number): void {
  let i = from;
  const stop = from + n;
  while (i < stop && (i & 7) !== 0) { bits[i >>> 3]! |= 1 << (i & 7); i++; }
  const fullEnd = stop & ~7;
  if (fullEnd > i) { bits.fill(0xff, i >>> 3, fullEnd >>> 3); i = fullEnd; }
  while (i < stop) { bits[i >>> 3]! |= 1 << (i & 7); i++; }
}
