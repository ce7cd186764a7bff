// Grouping keys as numbers: each key column of a batch becomes one Float64Array of codes plus NULL flags, so
// hash tables compare and hash plain numbers. Numbers and booleans are their own code; strings (plain or
// dictionary) and other values are interned per key into dense ids, decoded back when key columns are emitted.
import type { Column } from '../batch/column-batch.js';
import { physicalKind } from '../batch/column-batch.js';
import type { DataType } from '../types/data-type.js';

export class KeyInterner {
  private readonly ids = new Map<unknown, number>();
  readonly values: unknown[] = [];

  idOf(v: unknown): number {
    const k = typeof v === 'object' && v !== null ? JSON.stringify(v) : v;
    let id = this.ids.get(k);
    if (id === undefined) {
      id = this.values.length;
      this.ids.set(k, id);
      this.values.push(v);
    }
    return id;
  }
}

/** Writes the codes of column `c` (n rows) into `out`, and NULL flags (1 = NULL) into `nulls`; returns whether any NULL. */
export function encodeKey(c: Column, n: number, interner: KeyInterner, out: Float64Array, nulls: Uint8Array): boolean {
  const valid = c.valid;
  let anyNull = false;
  if (valid !== null) {
    for (let i = 0; i < n; i++) { const z = valid[i] === 0 ? 1 : 0; nulls[i] = z; if (z === 1) anyNull = true; }
  } else nulls.fill(0, 0, n);
  switch (c.kind) {
    case 'i32': case 'f64': case 'bool': {
      const v = c.values;
      for (let i = 0; i < n; i++) out[i] = v[i]!;
      break;
    }
    case 'dict': {
      const map = new Float64Array(c.dictionary.length);
      for (let d = 0; d < map.length; d++) map[d] = interner.idOf(c.dictionary[d]);
      const ids = c.ids;
      for (let i = 0; i < n; i++) out[i] = nulls[i] === 1 ? 0 : map[ids[i]!]!;
      break;
    }
    case 'str': case 'obj': {
      const v = c.values;
      for (let i = 0; i < n; i++) {
        const x = v[i];
        if (x === null || x === undefined || nulls[i] === 1) { nulls[i] = 1; anyNull = true; out[i] = 0; } else out[i] = interner.idOf(x);
      }
      break;
    }
  }
  if (anyNull) for (let i = 0; i < n; i++) if (nulls[i] === 1) out[i] = 0;
  return anyNull;
}

/** The key column of type `t` for group codes `codes[0, n)` and NULL flags. */
export function decodeKey(t: DataType, codes: Float64Array, nulls: Uint8Array, n: number, interner: KeyInterner): Column {
  let valid: Uint8Array | null = null;
  for (let g = 0; g < n; g++) {
    if (nulls[g] === 1) {
      if (valid === null) valid = new Uint8Array(n).fill(1);
      valid[g] = 0;
    }
  }
  switch (physicalKind(t)) {
    case 'bool': { const v = new Uint8Array(n); for (let g = 0; g < n; g++) v[g] = codes[g]!; return { kind: 'bool', values: v, valid }; }
    case 'i32': { const v = new Int32Array(n); for (let g = 0; g < n; g++) v[g] = codes[g]!; return { kind: 'i32', values: v, valid }; }
    case 'f64': return { kind: 'f64', values: codes.slice(0, n), valid };
    case 'str': {
      const v = new Array<string | null>(n);
      for (let g = 0; g < n; g++) v[g] = nulls[g] === 1 ? null : (interner.values[codes[g]!] as string);
      return { kind: 'str', values: v, valid };
    }
    case 'obj': {
      const v = new Array<unknown>(n);
      for (let g = 0; g < n; g++) v[g] = nulls[g] === 1 ? null : interner.values[codes[g]!];
      return { kind: 'obj', values: v, valid };
    }
  }
}
