// Snappy block decompressor (raw format, as Parquet stores pages): one tight loop over tags,
// writing into a caller-sized output. Called by compression.ts for SNAPPY column chunks.

export class SnappyError extends Error {}

/** Decompresses `src[start, end)` into `out` (exactly the uncompressed length); returns bytes written. */
export function snappyDecompress(src: Uint8Array, start: number, end: number, out: Uint8Array): number {
  let ip = start;
  // preamble: varint uncompressed length
  let expect = 0, shift = 0;
  for (;;) {
    if (ip >= end) throw new SnappyError('snappy: truncated length');
    const b = src[ip++]!;
    expect += (b & 0x7f) * 2 ** shift;
    if ((b & 0x80) === 0) break;
    shift += 7;
    if (shift > 35) throw new SnappyError('snappy: bad length');
  }
  if (expect > out.length) throw new SnappyError(`snappy: output ${expect} larger than page size ${out.length}`);
  const op = decodeTags(src, ip, end, out, expect);
  if (op < 0) throw new SnappyError(op === LITERAL_OVERRUN ? 'snappy: literal overruns buffer' : op === BAD_COPY ? 'snappy: bad copy' : 'snappy: truncated literal length');
  if (op !== expect) throw new SnappyError(`snappy: produced ${op} bytes, expected ${expect}`);
  return op;
}

const TRUNCATED = -1, LITERAL_OVERRUN = -2, BAD_COPY = -3;

// The tag loop lives in its own function with no comparison after the loop: when it was inlined in
// snappyDecompress, V8's on-stack-replaced code deoptimized on the never-executed final length check
// (no type feedback) on every page, running most pages in the interpreter (70 MB/s instead of 300+).
function decodeTags(src: Uint8Array, ip: number, end: number, out: Uint8Array, expect: number): number {
  let op = 0;
  while (ip < end) {
    const tag = src[ip++]!;
    const kind = tag & 3;
    if (kind === 0) {
      let len = (tag >>> 2) + 1;
      if (len > 60) {
        const nb = len - 60;
        if (ip + nb > end) return TRUNCATED;
        len = src[ip]!;
        if (nb > 1) len |= src[ip + 1]! << 8;
        if (nb > 2) len |= src[ip + 2]! << 16;
        if (nb > 3) len = (len | (src[ip + 3]! << 24)) >>> 0;
        len += 1;
        ip += nb;
      }
      if (ip + len > end || op + len > expect) return LITERAL_OVERRUN;
      // short literals and copies (the common case in numeric pages) are cheaper as loops than native calls
      if (len < 64) {
        const stop = ip + len;
        while (ip < stop) out[op++] = src[ip++]!;
      } else {
        out.set(src.subarray(ip, ip + len), op);
        ip += len;
        op += len;
      }
      continue;
    }
    let len: number, offset: number;
    if (kind === 1) {
      len = ((tag >>> 2) & 7) + 4;
      offset = ((tag >>> 5) << 8) | src[ip++]!;
    } else if (kind === 2) {
      len = (tag >>> 2) + 1;
      offset = src[ip]! | (src[ip + 1]! << 8);
      ip += 2;
    } else {
      len = (tag >>> 2) + 1;
      offset = (src[ip]! | (src[ip + 1]! << 8) | (src[ip + 2]! << 16) | (src[ip + 3]! << 24)) >>> 0;
      ip += 4;
    }
    if (ip > end || offset === 0 || offset > op || op + len > expect) return BAD_COPY;
    let from = op - offset;
    if (offset >= len && len >= 64) {
      out.copyWithin(op, from, from + len);
      op += len;
    } else {
      const stop = op + len;
      while (op < stop) out[op++] = out[from++]!;
    }
  }
  return op;
}
