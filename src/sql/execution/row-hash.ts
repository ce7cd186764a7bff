// Row hashing and key equality over key columns, for hash tables and hash exchanges. Numbers hash alike whether
// stored as int32 or float64 (integral values hash as ints), strings by Java's String.hashCode, NULL as 0.
import type { Column } from '../batch/column-batch.js';
import { valueAt } from './batch-ops.js';

const f64 = new Float64Array(1);
const i32 = new Int32Array(f64.buffer);

export function hashValue(v: unknown): number {
  if (v === null || v === undefined) return 0;
  switch (typeof v) {
    case 'number': {
      if (Number.isInteger(v) && v >= -2147483648 && v <= 2147483647) return v | 0;
      f64[0] = Number.isNaN(v) ? NaN : v;
      return (i32[0]! ^ i32[1]!) | 0;
    }
    case 'string': {
      let h = 0;
      for (let i = 0; i < v.length; i++) h = (Math.imul(31, h) + v.charCodeAt(i)) | 0;
      return h;
    }
    case 'boolean': return v ? 1231 : 1237;
    default: return hashValue(JSON.stringify(v));
  }
}

/** One hash per row over the key columns (murmur-style mixing between columns). */
export function hashRows(cols: readonly Column[], numRows: number): Int32Array {
  const out = new Int32Array(numRows);
  for (const c of cols) {
    const valid = c.valid;
    switch (c.kind) {
      case 'i32': {
        const v = c.values;
        for (let i = 0; i < numRows; i++) out[i] = mix(out[i]!, valid !== null && valid[i] === 0 ? 0 : v[i]!);
        break;
      }
      case 'f64': {
        const v = c.values;
        for (let i = 0; i < numRows; i++) out[i] = mix(out[i]!, valid !== null && valid[i] === 0 ? 0 : hashNumber(v[i]!));
        break;
      }
      case 'dict': {
        const dh = new Int32Array(c.dictionary.length);
        for (let d = 0; d < dh.length; d++) dh[d] = hashValue(c.dictionary[d]);
        const ids = c.ids;
        for (let i = 0; i < numRows; i++) out[i] = mix(out[i]!, valid !== null && valid[i] === 0 ? 0 : dh[ids[i]!]!);
        break;
      }
      default:
        for (let i = 0; i < numRows; i++) out[i] = mix(out[i]!, hashValue(valueAt(c, i)));
    }
  }
  return out;
}

function hashNumber(v: number): number {
  if ((v | 0) === v && !Object.is(v, -0)) return v;
  return hashValue(v);
}

export function mix(acc: number, h: number): number {
  let k = Math.imul(h, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  let x = acc ^ k;
  x = (x << 13) | (x >>> 19);
  return (Math.imul(x, 5) + 0xe6546b64) | 0;
}

export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === 'number' && typeof b === 'number') return Number.isNaN(a) && Number.isNaN(b);
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) return JSON.stringify(a) === JSON.stringify(b);
  return false;
}

/** Whether any key column is NULL at row i. */
export function anyNullAt(cols: readonly Column[], i: number): boolean {
  for (let k = 0; k < cols.length; k++) { const v = cols[k]!.valid; if (v !== null && v[i] === 0) return true; }
  return false;
}
