// Growable offsets + bytes buffer for BYTE_ARRAY values (Arrow Utf8/Binary layout), appended
// page by page by the value decoders; one copy per value, no per-value allocation.

export class ByteArrayBuilder {
  offsets: Int32Array;
  data: Uint8Array;
  count = 0;
  byteLength = 0;

  constructor(capacity: number, byteCapacity: number) {
    this.offsets = new Int32Array(Math.max(1, capacity + 1));
    this.data = new Uint8Array(Math.max(16, byteCapacity));
  }

  private reserve(values: number, bytes: number): void {
    if (this.count + values + 1 > this.offsets.length) {
      const next = new Int32Array(Math.max(this.offsets.length * 2, this.count + values + 1));
      next.set(this.offsets);
      this.offsets = next;
    }
    if (this.byteLength + bytes > this.data.length) {
      const next = new Uint8Array(Math.max(this.data.length * 2, this.byteLength + bytes));
      next.set(this.data.subarray(0, this.byteLength));
      this.data = next;
    }
  }

  append(src: Uint8Array, start: number, len: number): void {
    this.reserve(1, len);
    const d = this.data, at = this.byteLength;
    if (len < 24) for (let i = 0; i < len; i++) d[at + i] = src[start + i]!;
    else d.set(src.subarray(start, start + len), at);
    this.byteLength = at + len;
    this.offsets[++this.count] = this.byteLength;
  }

  /** Appends the first `prefix` bytes of the value starting at `prevStart` followed by a suffix; returns the new value's start. */
  appendPrefixed(prevStart: number, prefix: number, src: Uint8Array, start: number, len: number): number {
    this.reserve(1, prefix + len);
    const d = this.data, at = this.byteLength;
    if (prefix > 0) d.copyWithin(at, prevStart, prevStart + prefix);
    for (let i = 0; i < len; i++) d[at + prefix + i] = src[start + i]!;
    this.byteLength = at + prefix + len;
    this.offsets[++this.count] = this.byteLength;
    return at;
  }

  /** Appends PLAIN-encoded byte arrays (4-byte LE length + bytes) until `count` values are read. */
  appendPlain(src: Uint8Array, pos: number, end: number, count: number): number {
    for (let i = 0; i < count; i++) {
      if (pos + 4 > end) throw new RangeError('PLAIN byte array truncated');
      const len = (src[pos]! | (src[pos + 1]! << 8) | (src[pos + 2]! << 16) | (src[pos + 3]! << 24)) >>> 0;
      pos += 4;
      if (pos + len > end) throw new RangeError('PLAIN byte array truncated');
      this.append(src, pos, len);
      pos += len;
    }
    return pos;
  }
}
