// Page-level decoders checked against small reference encoders written here: RLE/bit-packed hybrid
// at every width, DELTA_BINARY_PACKED (32/64-bit extremes), DELTA_BYTE_ARRAY, snappy overlapping copies.
import { describe, expect, it } from 'vitest';
import { ByteArrayBuilder } from '../../../../src/sql/sources/parquet/byte-array-builder.js';
import { decodeDeltaBinaryPacked, decodeDeltaByteArray } from '../../../../src/sql/sources/parquet/delta.js';
import { decodeHybrid } from '../../../../src/sql/sources/parquet/rle.js';
import { snappyDecompress, SnappyError } from '../../../../src/sql/sources/parquet/snappy.js';

function varint(out: number[], v: bigint): void {
  do { let b = Number(v & 0x7fn); v >>= 7n; if (v > 0n) b |= 0x80; out.push(b); } while (v > 0n);
}
const zigzag = (v: bigint): bigint => BigInt.asUintN(64, (v << 1n) ^ (v >> 63n));
function pack(out: number[], values: bigint[], bw: number): void {
  let acc = 0n, bits = 0;
  for (const v of values) { acc |= v << BigInt(bits); bits += bw; while (bits >= 8) { out.push(Number(acc & 0xffn)); acc >>= 8n; bits -= 8; } }
  if (bits > 0) out.push(Number(acc & 0xffn));
}
const bitLength = (v: bigint): number => v.toString(2).length * (v === 0n ? 0 : 1);

function encodeDelta(values: bigint[], bitsWide: 32 | 64): number[] {
  const out: number[] = [];
  varint(out, 128n); varint(out, 4n); varint(out, BigInt(values.length)); varint(out, zigzag(values[0] ?? 0n));
  for (let b = 1; b < values.length; b += 128) {
    const deltas: bigint[] = [];
    for (let i = b; i < Math.min(b + 128, values.length); i++) deltas.push(BigInt.asIntN(bitsWide, values[i]! - values[i - 1]!));
    const min = deltas.reduce((a, c) => (c < a ? c : a));
    varint(out, zigzag(min));
    const adj = deltas.map((d) => BigInt.asUintN(bitsWide, d - min));
    const minis: bigint[][] = [];
    for (let m = 0; m < 4; m++) minis.push(adj.slice(m * 32, m * 32 + 32));
    const widths = minis.map((m) => Math.max(0, ...m.map(bitLength)));
    out.push(...widths);
    minis.forEach((m, k) => { if (m.length > 0) pack(out, [...m, ...new Array<bigint>(32 - m.length).fill(0n)], widths[k]!); });
  }
  return out;
}

describe('parquet page decoders', () => {
  it('RLE / bit-packed hybrid at widths 1..32', () => {
    for (let bw = 1; bw <= 32; bw++) {
      const max = 2 ** bw;
      const values = Array.from({ length: 100 }, (_, i) => (i < 37 ? 5 % max : Math.floor(((i * 2654435761) % 4294967296) / 4294967296 * max)));
      const out: number[] = [];
      varint(out, BigInt(37 << 1)); // RLE run of 37 copies
      for (let k = 0; k < Math.ceil(bw / 8); k++) out.push(((5 % max) / 2 ** (8 * k)) & 0xff);
      const rest = values.slice(37);
      const groups = Math.ceil(rest.length / 8);
      varint(out, BigInt((groups << 1) | 1));
      pack(out, [...rest, ...new Array<number>(groups * 8 - rest.length).fill(0)].map(BigInt), bw);
      const got = new Int32Array(100);
      decodeHybrid(Uint8Array.from(out), 0, out.length, bw, 100, got, 0);
      expect(Array.from(got), `bw ${bw}`).toEqual(values.map((v) => v | 0));
    }
  });

  it('DELTA_BINARY_PACKED for INT64 extremes and INT32 wraparound', () => {
    const v64 = [0n, 9223372036854775807n, -9223372036854775808n, -1n, 1n, 42n, ...Array.from({ length: 300 }, (_, i) => BigInt(i * i) * 1000003n - 77n)];
    const enc = Uint8Array.from(encodeDelta(v64, 64));
    const out = new BigInt64Array(v64.length);
    decodeDeltaBinaryPacked(enc, 0, enc.length, v64.length, new Int32Array(out.buffer), 0, 2);
    expect(Array.from(out)).toEqual(v64);
    const v32 = [2147483647n, -2147483648n, 0n, ...Array.from({ length: 200 }, (_, i) => BigInt((i * 7919) % 5000 - 2500))];
    const enc32 = Uint8Array.from(encodeDelta(v32, 32));
    const out32 = new Int32Array(v32.length);
    decodeDeltaBinaryPacked(enc32, 0, enc32.length, v32.length, out32, 0, 1);
    expect(Array.from(out32).map(BigInt)).toEqual(v32);
  });

  it('DELTA_BYTE_ARRAY rebuilds values from shared prefixes', () => {
    const words = ['apple', 'applesauce', 'apply', 'b', '', 'banana'];
    const prefixes: bigint[] = [], suffixes: string[] = [];
    words.forEach((w, i) => {
      const prev = i > 0 ? words[i - 1]! : '';
      let p = 0;
      while (p < w.length && p < prev.length && w[p] === prev[p]) p++;
      prefixes.push(BigInt(p));
      suffixes.push(w.slice(p));
    });
    const bytes = [...encodeDelta(prefixes, 32), ...encodeDelta(suffixes.map((s) => BigInt(s.length)), 32), ...Buffer.from(suffixes.join(''))];
    const b = new ByteArrayBuilder(2, 4);
    decodeDeltaByteArray(Uint8Array.from(bytes), 0, bytes.length, words.length, b);
    const text = Array.from({ length: b.count }, (_, i) => Buffer.from(b.data.subarray(b.offsets[i]!, b.offsets[i + 1]!)).toString());
    expect(text).toEqual(words);
  });

  it('snappy: literals, overlapping copies and corrupt input', () => {
    // "ab" then copy(offset 2, len 10) then copy(offset 12, len 12, 2-byte offset form)
    const src = Uint8Array.from([24, 0x04, 0x61, 0x62, 0x19, 0x02, (11 << 2) | 2, 12, 0]);
    const out = new Uint8Array(24);
    snappyDecompress(src, 0, src.length, out);
    expect(Buffer.from(out).toString()).toBe('ab'.repeat(12));
    expect(() => snappyDecompress(Uint8Array.from([12, 0x04, 0x61, 0x62, 0x19, 0x09]), 0, 6, new Uint8Array(12))).toThrow(SnappyError);
  });
});
