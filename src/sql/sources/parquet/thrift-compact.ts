// Thrift compact-protocol decoder for Parquet's footer and page headers: decodes a struct into a
// plain field-id → value record that metadata.ts maps onto typed structures. Integers are JS numbers
// (Parquet's i64 fields are offsets, sizes and counts, all far below 2^53).

export type ThriftValue = boolean | number | Uint8Array | ThriftStruct | ThriftValue[];
export interface ThriftStruct {
  readonly [fieldId: number]: ThriftValue | undefined;
}

/** Thrown on malformed input; callers wrap it into a TsSparkError naming the file. */
export class ThriftDecodeError extends Error {}

const T_STOP = 0, T_TRUE = 1, T_FALSE = 2, T_BYTE = 3, T_I16 = 4, T_I32 = 5, T_I64 = 6;
const T_DOUBLE = 7, T_BINARY = 8, T_LIST = 9, T_SET = 10, T_MAP = 11, T_STRUCT = 12;

export class ThriftReader {
  pos: number;
  private readonly view: DataView;
  constructor(readonly buf: Uint8Array, start = 0, private readonly end = buf.length) {
    this.pos = start;
    this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  }

  readStruct(depth = 0): ThriftStruct {
    if (depth > 64) throw new ThriftDecodeError('thrift nesting too deep');
    const out: Record<number, ThriftValue> = {};
    let lastId = 0;
    for (;;) {
      const header = this.byte();
      const type = header & 0x0f;
      if (type === T_STOP) return out;
      const delta = header >> 4;
      const id = delta === 0 ? this.zigzag() : lastId + delta;
      lastId = id;
      if (type === T_TRUE || type === T_FALSE) out[id] = type === T_TRUE;
      else out[id] = this.value(type, depth);
    }
  }

  private value(type: number, depth: number): ThriftValue {
    switch (type) {
      case T_TRUE: case T_FALSE: return this.byte() === T_TRUE; // inside collections: one byte per bool
      case T_BYTE: { const b = this.byte(); return b > 127 ? b - 256 : b; }
      case T_I16: case T_I32: case T_I64: return this.zigzag();
      case T_DOUBLE: { this.need(8); const v = this.view.getFloat64(this.pos, true); this.pos += 8; return v; }
      case T_BINARY: {
        const n = this.varint();
        this.need(n);
        const v = this.buf.subarray(this.pos, this.pos + n);
        this.pos += n;
        return v;
      }
      case T_LIST: case T_SET: {
        const h = this.byte();
        const size = (h >> 4) === 15 ? this.varint() : h >> 4;
        const et = h & 0x0f;
        if (size > this.end - this.pos) throw new ThriftDecodeError(`thrift list of ${size} exceeds input`);
        const arr: ThriftValue[] = new Array(size);
        for (let i = 0; i < size; i++) arr[i] = this.value(et, depth + 1);
        return arr;
      }
      case T_MAP: {
        const size = this.varint();
        if (size === 0) return [];
        const kv = this.byte();
        const arr: ThriftValue[] = [];
        for (let i = 0; i < size; i++) arr.push([this.value(kv >> 4, depth + 1), this.value(kv & 0x0f, depth + 1)]);
        return arr;
      }
      case T_STRUCT: return this.readStruct(depth + 1);
      default: throw new ThriftDecodeError(`bad thrift type ${type} at ${this.pos}`);
    }
  }

  private need(n: number): void {
    if (n < 0 || this.pos + n > this.end) throw new ThriftDecodeError('thrift data truncated');
  }
  private byte(): number {
    if (this.pos >= this.end) throw new ThriftDecodeError('thrift data truncated');
    return this.buf[this.pos++]!;
  }
  varint(): number {
    let result = 0, mul = 1;
    for (let i = 0; i < 10; i++) {
      const b = this.byte();
      result += (b & 0x7f) * mul;
      if ((b & 0x80) === 0) return result;
      mul *= 128;
    }
    throw new ThriftDecodeError('thrift varint too long');
  }
  private zigzag(): number {
    const n = this.varint();
    return n % 2 === 1 ? -(n + 1) / 2 : n / 2;
  }
}
