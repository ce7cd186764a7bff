// A growable little-endian byte buffer: the one output primitive of the Parquet writer (pages, footer, thrift).
// Hot paths write through the exposed `bytes`/`pos` after `ensure`, so no per-value calls are needed.
export class ByteSink {
  bytes: Uint8Array;
  pos = 0;
  private view: DataView;

  constructor(capacity = 1024) {
    this.bytes = new Uint8Array(capacity);
    this.view = new DataView(this.bytes.buffer);
  }

  ensure(extra: number): void {
    const need = this.pos + extra;
    if (need <= this.bytes.length) return;
    let cap = this.bytes.length * 2;
    while (cap < need) cap *= 2;
    const next = new Uint8Array(cap);
    next.set(this.bytes.subarray(0, this.pos));
    this.bytes = next;
    this.view = new DataView(next.buffer);
  }

  byte(b: number): void {
    this.ensure(1);
    this.bytes[this.pos++] = b;
  }

  i32(v: number): void {
    this.ensure(4);
    this.view.setInt32(this.pos, v, true);
    this.pos += 4;
  }

  /** An integer-valued double (|v| ≤ 2^53) as a little-endian int64. */
  i64(v: number): void {
    this.ensure(8);
    this.view.setUint32(this.pos, v >>> 0, true);
    this.view.setInt32(this.pos + 4, Math.floor(v / 4294967296) | 0, true);
    this.pos += 8;
  }

  f32(v: number): void {
    this.ensure(4);
    this.view.setFloat32(this.pos, v, true);
    this.pos += 4;
  }

  f64(v: number): void {
    this.ensure(8);
    this.view.setFloat64(this.pos, v, true);
    this.pos += 8;
  }

  /** Unsigned LEB128 of a non-negative integer up to 2^53. */
  uvarint(v: number): void {
    this.ensure(10);
    while (v >= 128) {
      this.bytes[this.pos++] = (v % 128) | 128;
      v = Math.floor(v / 128);
    }
    this.bytes[this.pos++] = v;
  }

  append(src: Uint8Array): void {
    this.ensure(src.length);
    this.bytes.set(src, this.pos);
    this.pos += src.length;
  }

  /** UTF-8 bytes of `s` (no length prefix); returns the byte count. */
  /** A PLAIN BYTE_ARRAY value: 4-byte little-endian length, then the UTF-8 bytes. */
  lengthPrefixedUtf8(s: string): void {
    this.ensure(4);
    const at = this.pos;
    this.pos += 4;
    const n = this.utf8(s);
    const b = this.bytes;
    b[at] = n & 0xff; b[at + 1] = (n >>> 8) & 0xff; b[at + 2] = (n >>> 16) & 0xff; b[at + 3] = n >>> 24;
  }

  utf8(s: string): number {
    const n = s.length;
    this.ensure(n * 3);
    const b = this.bytes;
    let p = this.pos;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x80) { b[p++] = c; continue; }
      p += Buffer.from(b.buffer, b.byteOffset, b.length).write(s.slice(i), p, 'utf8');
      const written = p - this.pos;
      this.pos = p;
      return written;
    }
    const written = p - this.pos;
    this.pos = p;
    return written;
  }

  view8(): Uint8Array {
    return this.bytes.subarray(0, this.pos);
  }

  reset(): void {
    this.pos = 0;
  }
}
