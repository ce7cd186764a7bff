// Thrift compact protocol encoder for the Parquet footer and page headers (parquet.thrift field ids are
// written by the callers in metadata-writer.ts). Integers are zigzag varints; i64 values are JS numbers ≤ 2^53.
import { ByteSink } from './byte-sink.js';

export const TType = { TRUE: 1, FALSE: 2, BYTE: 3, I16: 4, I32: 5, I64: 6, DOUBLE: 7, BINARY: 8, LIST: 9, STRUCT: 12 } as const;

export class ThriftWriter {
  readonly out: ByteSink;
  private last: number[] = [0];

  constructor(out: ByteSink = new ByteSink(256)) {
    this.out = out;
  }

  private zigzag(v: number): void {
    this.out.uvarint(v >= 0 ? v * 2 : -v * 2 - 1);
  }

  private header(id: number, type: number): void {
    const last = this.last[this.last.length - 1]!;
    const delta = id - last;
    if (delta > 0 && delta <= 15) this.out.byte((delta << 4) | type);
    else {
      this.out.byte(type);
      this.zigzag(id);
    }
    this.last[this.last.length - 1] = id;
  }

  i32(id: number, v: number): this {
    this.header(id, TType.I32);
    this.zigzag(v);
    return this;
  }

  i64(id: number, v: number): this {
    this.header(id, TType.I64);
    this.zigzag(v);
    return this;
  }

  byteField(id: number, v: number): this {
    this.header(id, TType.BYTE);
    this.out.byte(v & 0xff);
    return this;
  }

  bool(id: number, v: boolean): this {
    this.header(id, v ? TType.TRUE : TType.FALSE);
    return this;
  }

  binary(id: number, v: Uint8Array): this {
    this.header(id, TType.BINARY);
    this.out.uvarint(v.length);
    this.out.append(v);
    return this;
  }

  string(id: number, s: string): this {
    return this.binary(id, Buffer.from(s, 'utf8'));
  }

  /** A nested struct field; `body` writes its fields. */
  struct(id: number, body: (w: this) => void): this {
    this.header(id, TType.STRUCT);
    this.last.push(0);
    body(this);
    this.out.byte(0);
    this.last.pop();
    return this;
  }

  private listHeader(id: number, elem: number, size: number): void {
    this.header(id, TType.LIST);
    if (size < 15) this.out.byte((size << 4) | elem);
    else {
      this.out.byte(0xf0 | elem);
      this.out.uvarint(size);
    }
  }

  i32List(id: number, xs: readonly number[]): this {
    this.listHeader(id, TType.I32, xs.length);
    for (const x of xs) this.zigzag(x);
    return this;
  }

  stringList(id: number, xs: readonly string[]): this {
    this.listHeader(id, TType.BINARY, xs.length);
    for (const x of xs) {
      const b = Buffer.from(x, 'utf8');
      this.out.uvarint(b.length);
      this.out.append(b);
    }
    return this;
  }

  structList<T>(id: number, xs: readonly T[], body: (w: this, x: T) => void): this {
    this.listHeader(id, TType.STRUCT, xs.length);
    for (const x of xs) {
      this.last.push(0);
      body(this, x);
      this.out.byte(0);
      this.last.pop();
    }
    return this;
  }

  /** Ends the top-level struct. */
  end(): Uint8Array {
    this.out.byte(0);
    return this.out.view8();
  }
}
