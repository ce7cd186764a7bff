// Column and batch helpers for the operators: gather rows by index (−1 gathers a NULL), concatenate batches,
// build a column of a Spark type from raw values, and read raw values (dictionary columns decoded).
import type { Column, ColumnBatch } from '../batch/column-batch.js';
import { physicalKind } from '../batch/column-batch.js';
import type { DataType } from '../types/data-type.js';

/** Rows `idx` of `c`; an index of -1 yields NULL. */
export function gatherColumn(c: Column, idx: Int32Array): Column {
  const n = idx.length;
  let valid: Uint8Array | null = null;
  const padded = idx.includes(-1);
  if (c.valid !== null || padded) {
    valid = new Uint8Array(n);
    const cv = c.valid;
    for (let i = 0; i < n; i++) { const j = idx[i]!; valid[i] = j < 0 ? 0 : cv === null ? 1 : cv[j]!; }
  }
  switch (c.kind) {
    case 'bool': return { kind: 'bool', values: gatherU8(c.values, idx, padded), valid };
    case 'i32': return { kind: 'i32', values: gatherI32(c.values, idx, padded), valid };
    case 'f64': return { kind: 'f64', values: gatherF64(c.values, idx, padded), valid };
    case 'dict': return { kind: 'dict', ids: gatherI32(c.ids, idx, padded), dictionary: c.dictionary, valid };
    case 'str': { const src = c.values, v = new Array<string | null>(n); for (let i = 0; i < n; i++) { const j = idx[i]!; v[i] = j < 0 ? null : src[j]!; } return { kind: 'str', values: v, valid }; }
    case 'obj': { const src = c.values, v = new Array<unknown>(n); for (let i = 0; i < n; i++) { const j = idx[i]!; v[i] = j < 0 ? null : src[j]; } return { kind: 'obj', values: v, valid }; }
  }
}

// One gather loop per array type, so each stays monomorphic.
function gatherU8(src: Uint8Array, idx: Int32Array, padded: boolean): Uint8Array {
  const n = idx.length, out = new Uint8Array(n);
  if (padded) for (let i = 0; i < n; i++) { const j = idx[i]!; out[i] = j < 0 ? 0 : src[j]!; }
  else for (let i = 0; i < n; i++) out[i] = src[idx[i]!]!;
  return out;
}

function gatherI32(src: Int32Array, idx: Int32Array, padded: boolean): Int32Array {
  const n = idx.length, out = new Int32Array(n);
  if (padded) for (let i = 0; i < n; i++) { const j = idx[i]!; out[i] = j < 0 ? 0 : src[j]!; }
  else for (let i = 0; i < n; i++) out[i] = src[idx[i]!]!;
  return out;
}

function gatherF64(src: Float64Array, idx: Int32Array, padded: boolean): Float64Array {
  const n = idx.length, out = new Float64Array(n);
  if (padded) for (let i = 0; i < n; i++) { const j = idx[i]!; out[i] = j < 0 ? 0 : src[j]!; }
  else for (let i = 0; i < n; i++) out[i] = src[idx[i]!]!;
  return out;
}

export function gatherBatch(b: ColumnBatch, idx: Int32Array): ColumnBatch {
  return { numRows: idx.length, columns: b.columns.map((c) => gatherColumn(c, idx)) };
}

/** Raw (physical) value at row i, NULL as null; dictionary columns decode to strings. */
export function valueAt(c: Column, i: number): unknown {
  if (c.valid !== null && c.valid[i] === 0) return null;
  switch (c.kind) {
    case 'bool': return c.values[i] === 1;
    case 'i32': case 'f64': return c.values[i];
    case 'str': return c.values[i] ?? null;
    case 'dict': return c.dictionary[c.ids[i]!];
    case 'obj': return c.values[i] ?? null;
  }
}

/** A column of type `t` holding `values` (null/undefined = NULL). */
export function columnOf(t: DataType, values: readonly unknown[]): Column {
  const n = values.length;
  let valid: Uint8Array | null = null;
  for (let i = 0; i < n; i++) {
    if (values[i] === null || values[i] === undefined) {
      valid ??= new Uint8Array(n).fill(1);
      valid[i] = 0;
    }
  }
  switch (physicalKind(t)) {
    case 'bool': { const v = new Uint8Array(n); for (let i = 0; i < n; i++) v[i] = values[i] ? 1 : 0; return { kind: 'bool', values: v, valid }; }
    case 'i32': { const v = new Int32Array(n); for (let i = 0; i < n; i++) v[i] = Number(values[i] ?? 0); return { kind: 'i32', values: v, valid }; }
    case 'f64': { const v = new Float64Array(n); for (let i = 0; i < n; i++) v[i] = Number(values[i] ?? 0); return { kind: 'f64', values: v, valid }; }
    case 'str': return { kind: 'str', values: values.map((x) => (x === null || x === undefined ? null : String(x))), valid };
    case 'obj': return { kind: 'obj', values: values.map((x) => x ?? null), valid };
  }
}

/** Concatenates same-shaped batches (dictionary columns decode to plain strings when mixed). */
export function concatAll(batches: readonly ColumnBatch[]): ColumnBatch {
  const nonEmpty = batches.filter((b) => b.numRows > 0);
  if (nonEmpty.length === 1) return nonEmpty[0]!;
  if (nonEmpty.length === 0) return batches[0] ?? { numRows: 0, columns: [] };
  const numRows = nonEmpty.reduce((s, b) => s + b.numRows, 0);
  const columns = nonEmpty[0]!.columns.map((first, ci): Column => {
    const parts = nonEmpty.map((b) => b.columns[ci]!);
    const anyNull = parts.some((p) => p.valid !== null);
    let valid: Uint8Array | null = null;
    if (anyNull) {
      valid = new Uint8Array(numRows);
      let o = 0;
      for (const p of parts) { const len = lengthOf(p); if (p.valid) valid.set(p.valid.subarray(0, len), o); else valid.fill(1, o, o + len); o += len; }
    }
    if (first.kind === 'dict' && parts.every((p) => p.kind === 'dict' && p.dictionary === first.dictionary)) {
      const ids = new Int32Array(numRows);
      let o = 0;
      for (const p of parts) { const v = (p as { ids: Int32Array }).ids; ids.set(v, o); o += v.length; }
      return { kind: 'dict', ids, dictionary: first.dictionary, valid };
    }
    const kind = parts.every((p) => p.kind === first.kind) ? first.kind : 'str';
    if (kind === 'i32' || kind === 'f64' || kind === 'bool') {
      const out = kind === 'i32' ? new Int32Array(numRows) : kind === 'f64' ? new Float64Array(numRows) : new Uint8Array(numRows);
      let o = 0;
      for (const p of parts) { const v = (p as { values: Int32Array }).values; out.set(v, o); o += v.length; }
      return { kind, values: out, valid } as Column;
    }
    const vals: unknown[] = [];
    for (const p of parts) { const len = lengthOf(p); for (let i = 0; i < len; i++) vals.push(valueAt(p, i)); }
    return kind === 'obj' ? { kind: 'obj', values: vals, valid } : { kind: 'str', values: vals as (string | null)[], valid };
  });
  return { numRows, columns };
}

export function lengthOf(c: Column): number {
  return c.kind === 'dict' ? c.ids.length : c.values.length;
}

/** A column of n NULLs of type t. */
export function nullColumn(t: DataType, n: number): Column {
  return columnOf(t, new Array<unknown>(n).fill(null));
}

/** Row range [from, to) of a batch, as compact copies. */
export function sliceBatch(b: ColumnBatch, from: number, to: number): ColumnBatch {
  return { numRows: Math.max(0, to - from), columns: b.columns.map((c) => sliceColumn(c, from, to)) };
}

export { sliceColumn } from '../batch/column-slice.js';
import { sliceColumn } from '../batch/column-slice.js';

/** Row i of `c` moved to position dst[i] (a permutation of [0, n)): one sequential read pass per column. */
export function scatterColumn(c: Column, dst: Int32Array): Column {
  const n = dst.length;
  let valid: Uint8Array | null = null;
  if (c.valid !== null) { const cv = c.valid; valid = new Uint8Array(n); for (let i = 0; i < n; i++) valid[dst[i]!] = cv[i]!; }
  switch (c.kind) {
    case 'bool': { const v = c.values, out = new Uint8Array(n); for (let i = 0; i < n; i++) out[dst[i]!] = v[i]!; return { kind: 'bool', values: out, valid }; }
    case 'i32': { const v = c.values, out = new Int32Array(n); for (let i = 0; i < n; i++) out[dst[i]!] = v[i]!; return { kind: 'i32', values: out, valid }; }
    case 'f64': { const v = c.values, out = new Float64Array(n); for (let i = 0; i < n; i++) out[dst[i]!] = v[i]!; return { kind: 'f64', values: out, valid }; }
    case 'dict': { const v = c.ids, out = new Int32Array(n); for (let i = 0; i < n; i++) out[dst[i]!] = v[i]!; return { kind: 'dict', ids: out, dictionary: c.dictionary, valid }; }
    case 'str': { const v = c.values, out = new Array<string | null>(n); for (let i = 0; i < n; i++) out[dst[i]!] = v[i] ?? null; return { kind: 'str', values: out, valid }; }
    case 'obj': { const v = c.values, out = new Array<unknown>(n); for (let i = 0; i < n; i++) out[dst[i]!] = v[i] ?? null; return { kind: 'obj', values: out, valid }; }
  }
}
