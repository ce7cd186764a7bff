// Snappy compressor (raw block format, as Parquet's SNAPPY codec expects): greedy LZ77 over a hash table of
// 4-byte sequences, literals and 2-byte-offset copies only (offsets ≤ 65535). Called per page by page-writer.ts.
const HASH_BITS = 14;
const table = new Int32Array(1 << HASH_BITS);

function load32(s: Uint8Array, i: number): number {
  return s[i]! | (s[i + 1]! << 8) | (s[i + 2]! << 16) | (s[i + 3]! << 24);
}

function emitLiteral(src: Uint8Array, from: number, to: number, out: Uint8Array, op: number): number {
  const n = to - from;
  if (n === 0) return op;
  const m = n - 1;
  if (m < 60) out[op++] = m << 2;
  else if (m < 0x100) { out[op++] = 60 << 2; out[op++] = m; }
  else if (m < 0x10000) { out[op++] = 61 << 2; out[op++] = m & 0xff; out[op++] = m >>> 8; }
  else if (m < 0x1000000) { out[op++] = 62 << 2; out[op++] = m & 0xff; out[op++] = (m >>> 8) & 0xff; out[op++] = m >>> 16; }
  else { out[op++] = 63 << 2; out[op++] = m & 0xff; out[op++] = (m >>> 8) & 0xff; out[op++] = (m >>> 16) & 0xff; out[op++] = m >>> 24; }
  out.set(src.subarray(from, to), op);
  return op + n;
}

function emitCopy(offset: number, len: number, out: Uint8Array, op: number): number {
  // 2-byte-offset copies carry 1..64 bytes; keep the last piece ≥ 4 so it stays a valid copy.
  while (len >= 68) { out[op++] = (63 << 2) | 2; out[op++] = offset & 0xff; out[op++] = offset >>> 8; len -= 64; }
  if (len > 64) { out[op++] = (59 << 2) | 2; out[op++] = offset & 0xff; out[op++] = offset >>> 8; len -= 60; }
  out[op++] = ((len - 1) << 2) | 2; out[op++] = offset & 0xff; out[op++] = offset >>> 8;
  return op;
}

/** Worst-case compressed size (snappy's MaxCompressedLength). */
export function snappyMaxLength(n: number): number {
  return 32 + n + Math.ceil(n / 6);
}

export function snappyCompress(src: Uint8Array): Uint8Array {
  const n = src.length;
  const out = new Uint8Array(snappyMaxLength(n));
  let op = 0;
  let v = n;
  while (v >= 128) { out[op++] = (v & 127) | 128; v = Math.floor(v / 128); }
  out[op++] = v;
  table.fill(-1);
  let lit = 0;
  let i = 0;
  let skip = 32;
  const limit = n - 4;
  while (i <= limit) {
    const cur = load32(src, i);
    const h = Math.imul(cur, 0x1e35a7bd) >>> (32 - HASH_BITS);
    const cand = table[h]!;
    table[h] = i;
    if (cand >= 0 && i - cand <= 65535 && load32(src, cand) === cur) {
      op = emitLiteral(src, lit, i, out, op);
      let len = 4;
      while (i + len < n && src[cand + len] === src[i + len]) len++;
      op = emitCopy(i - cand, len, out, op);
      i += len;
      lit = i;
      skip = 32;
      if (i - 1 <= limit) table[Math.imul(load32(src, i - 1), 0x1e35a7bd) >>> (32 - HASH_BITS)] = i - 1;
    } else {
      i += skip++ >> 5;
    }
  }
  op = emitLiteral(src, lit, n, out, op);
  return out.subarray(0, op);
}
