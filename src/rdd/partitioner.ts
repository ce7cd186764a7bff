// Partitioners (hash, range) and value-based key hashing. Integer and string keys hash as Java/Spark do
// (Int.hashCode, String.hashCode), so a key lands in the same partition number as in Spark.
import { TsSparkError } from '../common/errors.js';
import { canonicalKey } from './key-map.js';
import { compareKeys } from './key-order.js';

export type Partitioner =
  | { readonly kind: 'hash'; readonly numPartitions: number }
  | { readonly kind: 'range'; readonly numPartitions: number; readonly ascending: boolean; readonly bounds: readonly unknown[] };

export function hashPartitioner(numPartitions: number): Partitioner {
  if (!Number.isInteger(numPartitions) || numPartitions < 1) {
    throw new TsSparkError('INVALID_ARGUMENT', `number of partitions must be a positive integer, got ${numPartitions}`);
  }
  return { kind: 'hash', numPartitions };
}

export function samePartitioner(a: Partitioner | undefined, b: Partitioner | undefined): boolean {
  if (!a || !b || a.kind !== b.kind || a.numPartitions !== b.numPartitions) return false;
  if (a.kind === 'hash') return true;
  const rb = b as Extract<Partitioner, { kind: 'range' }>;
  return a.ascending === rb.ascending && a.bounds.length === rb.bounds.length && a.bounds.every((x, i) => compareKeys(x, rb.bounds[i]) === 0);
}

/** Returns (key) => partition index. */
export function partitionFunction(p: Partitioner): (key: unknown) => number {
  const n = p.numPartitions;
  if (p.kind === 'hash') {
    if (n === 1) return () => 0;
    return (key) => {
      const h = hashKey(key) % n;
      return h < 0 ? h + n : h;
    };
  }
  const bounds = p.bounds;
  const asc = p.ascending;
  return (key) => {
    // binary search for the first bound >= key
    let lo = 0;
    let hi = bounds.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareKeys(bounds[mid], key) < 0) lo = mid + 1;
      else hi = mid;
    }
    return asc ? lo : bounds.length - lo;
  };
}

/** Java-compatible hashCode of a key, by value. */
export function hashKey(key: unknown): number {
  switch (typeof key) {
    case 'number':
      if (Number.isInteger(key) && key >= -2147483648 && key <= 2147483647) return key | 0;
      return hashDouble(key);
    case 'string':
      return hashString(key);
    case 'bigint':
      return hashBigint(key);
    case 'boolean':
      return key ? 1231 : 1237;
    case 'undefined':
      return 0;
    case 'object': {
      if (key === null) return 0;
      if (Array.isArray(key)) {
        let h = 1;
        for (const e of key) h = (Math.imul(31, h) + hashKey(e)) | 0;
        return h;
      }
      if (key instanceof Date) return hashDouble(key.getTime());
      return hashString(canonicalKey(key)); // consistent with KeyMap's equality
    }
    default:
      return hashString(String(key));
  }
}

/** Java's Long.hashCode for 64-bit values, (int)(v ^ (v >>> 32)); wider bigints hash by their digits. */
function hashBigint(v: bigint): number {
  if (v !== BigInt.asIntN(64, v)) return hashString(v.toString());
  return Number(BigInt.asIntN(32, v ^ (BigInt.asUintN(64, v) >> 32n)));
}

function hashString(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(31, h) + s.charCodeAt(i)) | 0;
  return h;
}

const f64 = new Float64Array(1);
const i32 = new Int32Array(f64.buffer);
function hashDouble(d: number): number {
  f64[0] = d;
  return (i32[0]! ^ i32[1]!) | 0;
}
