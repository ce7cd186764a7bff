// Collection kernels over physical values (arrays as JS arrays, maps as Map, structs as plain objects) and the
// total ordering Spark uses to sort/compare values (NaN greatest, NULL smallest inside collections).
import { TsSparkError } from '../../../common/errors.js';

export function compareValues(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return -1;
  if (b === null || b === undefined) return 1;
  if (typeof a === 'number' && typeof b === 'number') {
    if (a !== a) return b !== b ? 0 : 1;
    if (b !== b) return -1;
    return a < b ? -1 : a > b ? 1 : 0;
  }
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'boolean' && typeof b === 'boolean') return a === b ? 0 : a ? 1 : -1;
  if (a instanceof Uint8Array && b instanceof Uint8Array) {
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
    return a.length - b.length;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) { const c = compareValues(a[i], b[i]); if (c !== 0) return c; }
    return a.length - b.length;
  }
  if (typeof a === 'object' && typeof b === 'object') return compareValues(Object.values(a as object), Object.values(b as object));
  return 0;
}

export function arrayContains(arr: readonly unknown[], v: unknown, eq: (a: unknown, b: unknown) => boolean): boolean | null {
  let sawNull = false;
  for (const x of arr) {
    if (x === null) sawNull = true;
    else if (eq(x, v)) return true;
  }
  return sawNull ? null : false;
}

export function elementAt(arr: readonly unknown[], i: number, ansi: boolean): unknown {
  if (i === 0) throw new TsSparkError('ARITHMETIC_ERROR', '[INVALID_INDEX_OF_ZERO] The index 0 is invalid. An index shall be either < 0 or > 0 (the first element has index 1).', { details: { errorClass: 'INVALID_INDEX_OF_ZERO' } });
  const idx = i > 0 ? i - 1 : arr.length + i;
  if (idx < 0 || idx >= arr.length) {
    if (ansi) throw new TsSparkError('ARITHMETIC_ERROR', `[INVALID_ARRAY_INDEX_IN_ELEMENT_AT] The index ${i} is out of bounds. The array has ${arr.length} elements. Use \`try_element_at\` to tolerate accessing element at invalid index and return NULL instead. If necessary set "spark.sql.ansi.enabled" to "false" to bypass this error.`, { details: { errorClass: 'INVALID_ARRAY_INDEX_IN_ELEMENT_AT' } });
    return null;
  }
  return arr[idx] ?? null;
}

export function mapGet(m: ReadonlyMap<unknown, unknown>, k: unknown, eq: (a: unknown, b: unknown) => boolean): unknown {
  if (typeof k !== 'object') return m.has(k) ? m.get(k) ?? null : null;
  for (const [key, v] of m) if (eq(key, k)) return v;
  return null;
}

export function buildMap(kv: readonly unknown[]): Map<unknown, unknown> {
  const m = new Map<unknown, unknown>();
  for (let i = 0; i < kv.length; i += 2) {
    if (kv[i] === null) throw new TsSparkError('ARITHMETIC_ERROR', '[NULL_MAP_KEY] Cannot use null as map key.', { details: { errorClass: 'NULL_MAP_KEY' } });
    if (m.has(kv[i])) throw new TsSparkError('ARITHMETIC_ERROR', `[DUPLICATED_MAP_KEY] Duplicate map key ${String(kv[i])} was found, please check the input data. If you want to remove the duplicated keys, you can set "spark.sql.mapKeyDedupPolicy" to "LAST_WIN" so that the key inserted at last takes precedence.`, { details: { errorClass: 'DUPLICATED_MAP_KEY' } });
    m.set(kv[i], kv[i + 1]);
  }
  return m;
}

export function sortArray(arr: readonly unknown[], asc: boolean): unknown[] {
  const out = [...arr];
  out.sort((a, b) => (asc ? compareValues(a, b) : compareValues(b, a)));
  return out;
}

export function arrayDistinct(arr: readonly unknown[], eq: (a: unknown, b: unknown) => boolean): unknown[] {
  const out: unknown[] = [];
  for (const x of arr) if (!out.some((y) => (x === null ? y === null : y !== null && eq(x, y)))) out.push(x);
  return out;
}

export function arrayExtreme(arr: readonly unknown[], max: boolean): unknown {
  let best: unknown = null;
  for (const x of arr) if (x !== null && (best === null || (max ? compareValues(x, best) > 0 : compareValues(x, best) < 0))) best = x;
  return best;
}

export function slice(arr: readonly unknown[], start: number, len: number): unknown[] {
  if (start === 0) throw new TsSparkError('ARITHMETIC_ERROR', '[INVALID_PARAMETER_VALUE.START] The value of parameter(s) `start` in `slice` is invalid: Expects a positive or a negative value for `start`, but got 0.');
  if (len < 0) throw new TsSparkError('ARITHMETIC_ERROR', `[INVALID_PARAMETER_VALUE.LENGTH] The value of parameter(s) \`length\` in \`slice\` is invalid: Expects \`length\` greater than or equal to 0, but got ${len}.`);
  const s = start > 0 ? start - 1 : arr.length + start;
  if (s < 0) return [];
  return arr.slice(s, s + len);
}

export function sequence(start: number, stop: number, step?: number): unknown[] {
  const st = step ?? (start <= stop ? 1 : -1);
  if (st === 0 || (st > 0 && start > stop) || (st < 0 && start < stop)) {
    if (start === stop) return [start];
    throw new TsSparkError('ARITHMETIC_ERROR', '[INVALID_SEQUENCE_STEP] Illegal sequence boundaries: ' + `${start} to ${stop} by ${st}`);
  }
  const out: number[] = [];
  for (let v = start; st > 0 ? v <= stop : v >= stop; v += st) out.push(v);
  return out;
}

/** explode/posexplode/inline: the rows a collection value expands into (each row the generator's output columns). */
export function generateRows(fn: string, value: unknown): unknown[][] {
  const pos = fn.startsWith('posexplode');
  const outer = fn.endsWith('_outer');
  if (value === null || value === undefined) return outer ? [pos ? [null, null] : [null]] : [];
  const rows: unknown[][] = [];
  if (fn.startsWith('inline')) {
    for (const s of value as unknown[]) rows.push(s === null ? [] : Object.values(s as object));
  } else if (value instanceof Map) {
    let i = 0;
    for (const [k, v] of value) rows.push(pos ? [i++, k, v] : [k, v]);
    if (rows.length === 0 && outer) rows.push(pos ? [null, null, null] : [null, null]);
    return rows;
  } else {
    (value as unknown[]).forEach((v, i) => rows.push(pos ? [i, v] : [v]));
  }
  if (rows.length === 0 && outer) rows.push(pos ? [null, null] : [null]);
  return rows;
}
