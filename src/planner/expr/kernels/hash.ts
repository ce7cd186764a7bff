// Spark's hash() (Murmur3 x86_32, seed 42, with Spark's hashUnsafeBytes tail handling) over physical values,
// and the digest functions md5/sha1/sha2/crc32.
import { createHash } from 'node:crypto';
import type { DataType } from '../../../sql/types/data-type.js';

function mixK1(k: number): number {
  k = Math.imul(k, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  return Math.imul(k, 0x1b873593);
}

function mixH1(h: number, k: number): number {
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

function fmix(h: number, len: number): number {
  h ^= len;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

export function hashInt(i: number, seed: number): number {
  return fmix(mixH1(seed, mixK1(i | 0)), 4);
}

export function hashLong(l: number | bigint, seed: number): number {
  const b = BigInt.asIntN(64, typeof l === 'bigint' ? l : BigInt(Math.trunc(l)));
  const low = Number(BigInt.asIntN(32, b));
  const high = Number(BigInt.asIntN(32, b >> 32n));
  return fmix(mixH1(mixH1(seed, mixK1(low)), mixK1(high)), 8);
}

export function hashBytes(bytes: Uint8Array, seed: number): number {
  const aligned = bytes.length - (bytes.length % 4);
  let h = seed;
  for (let i = 0; i < aligned; i += 4) {
    const w = bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24);
    h = mixH1(h, mixK1(w));
  }
  for (let i = aligned; i < bytes.length; i++) h = mixH1(h, mixK1((bytes[i]! << 24) >> 24));
  return fmix(h, bytes.length);
}

const enc = new TextEncoder();
const f32 = new Float32Array(1);
const i32 = new Int32Array(f32.buffer);
const f64 = new Float64Array(1);
const i64 = new BigInt64Array(f64.buffer);

/** Spark's Murmur3Hash of one value of type `t` with the running seed; NULL leaves the seed unchanged. */
export function hashValue(v: unknown, t: DataType, seed: number): number {
  if (v === null || v === undefined) return seed;
  switch (t.kind) {
    case 'boolean': return hashInt(v ? 1 : 0, seed);
    case 'byte': case 'short': case 'int': case 'date': case 'year_month_interval': return hashInt(v as number, seed);
    case 'long': case 'timestamp': case 'timestamp_ntz': case 'day_time_interval': return hashLong(v as number, seed);
    case 'float': f32[0] = (v as number) === 0 ? 0 : (v as number); return hashInt(Number.isNaN(v) ? 0x7fc00000 : i32[0]!, seed);
    case 'double': f64[0] = (v as number) === 0 ? 0 : (v as number); return hashLong(Number.isNaN(v) ? 0x7ff8000000000000n : i64[0]!, seed);
    case 'decimal': {
      if (t.precision <= 18) return hashLong(v as number, seed);
      // BigInteger.toByteArray of the unscaled value (big-endian two's complement, minimal length)
      let b = BigInt(v as number);
      const bytes: number[] = [];
      do { bytes.unshift(Number(b & 0xffn)); b >>= 8n; } while (!(b === 0n && (bytes[0]! & 0x80) === 0) && !(b === -1n && (bytes[0]! & 0x80) !== 0));
      return hashBytes(Uint8Array.from(bytes), seed);
    }
    case 'string': return hashBytes(enc.encode(v as string), seed);
    case 'binary': return hashBytes(v as Uint8Array, seed);
    case 'array': { let h = seed; for (const x of v as unknown[]) h = hashValue(x, t.element, h); return h; }
    case 'map': {
      let h = seed;
      for (const [k, x] of v as Map<unknown, unknown>) { h = hashValue(k, t.key, h); h = hashValue(x, t.value, h); }
      return h;
    }
    case 'struct': { let h = seed; for (const f of t.fields) h = hashValue((v as Record<string, unknown>)[f.name], f.type, h); return h; }
    default: return seed;
  }
}

const hex = (b: Buffer): string => b.toString('hex');
export const md5 = (b: Uint8Array): string => hex(createHash('md5').update(b).digest());
export const sha1 = (b: Uint8Array): string => hex(createHash('sha1').update(b).digest());
export function sha2(b: Uint8Array, bits: number): string | null {
  const alg = bits === 0 || bits === 256 ? 'sha256' : bits === 224 ? 'sha224' : bits === 384 ? 'sha384' : bits === 512 ? 'sha512' : undefined;
  return alg ? hex(createHash(alg).update(b).digest()) : null;
}

const CRC_TABLE = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();

export function crc32(b: Uint8Array): number {
  let c = -1;
  for (let i = 0; i < b.length; i++) c = CRC_TABLE[(c ^ b[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}
