// Row selection and concatenation of ColumnBatches (filters, limits, exchanges): typed-array copies per column,
// dictionary columns stay dictionary-encoded when taking rows.
import type { Column, ColumnBatch } from '../../sql/batch/column-batch.js';

function takeValid(valid: Uint8Array | null, idx: Int32Array): Uint8Array | null {
  if (valid === null) return null;
  const out = new Uint8Array(idx.length);
  let anyNull = false;
  for (let i = 0; i < idx.length; i++) { const v = valid[idx[i]!]!; out[i] = v; if (v === 0) anyNull = true; }
  return anyNull ? out : null;
}

export function takeColumn(c: Column, idx: Int32Array): Column {
  const n = idx.length;
  const valid = takeValid(c.valid, idx);
  switch (c.kind) {
    case 'bool': { const v = new Uint8Array(n); for (let i = 0; i < n; i++) v[i] = c.values[idx[i]!]!; return { kind: 'bool', values: v, valid }; }
    case 'i32': { const v = new Int32Array(n); for (let i = 0; i < n; i++) v[i] = c.values[idx[i]!]!; return { kind: 'i32', values: v, valid }; }
    case 'f64': { const v = new Float64Array(n); for (let i = 0; i < n; i++) v[i] = c.values[idx[i]!]!; return { kind: 'f64', values: v, valid }; }
    case 'dict': { const v = new Int32Array(n); for (let i = 0; i < n; i++) v[i] = c.ids[idx[i]!]!; return { kind: 'dict', ids: v, dictionary: c.dictionary, valid }; }
    case 'str': { const v = new Array<string | null>(n); for (let i = 0; i < n; i++) v[i] = c.values[idx[i]!]!; return { kind: 'str', values: v, valid }; }
    case 'obj': { const v = new Array<unknown>(n); for (let i = 0; i < n; i++) v[i] = c.values[idx[i]!]; return { kind: 'obj', values: v, valid }; }
  }
}

/** The batch's rows at `indices` (in that order). */
export function takeRows(batch: ColumnBatch, indices: Int32Array): ColumnBatch {
  if (indices.length === batch.numRows && indices.every((x, i) => x === i)) return batch;
  return { numRows: indices.length, columns: batch.columns.map((c) => takeColumn(c, indices)) };
}

function concatValid(cols: readonly Column[], lens: readonly number[], total: number): Uint8Array | null {
  if (cols.every((c) => c.valid === null)) return null;
  const out = new Uint8Array(total);
  let off = 0;
  cols.forEach((c, k) => { if (c.valid === null) out.fill(1, off, off + lens[k]!); else out.set(c.valid.subarray(0, lens[k]!), off); off += lens[k]!; });
  return out;
}

function concatColumns(cols: readonly Column[], lens: readonly number[], total: number): Column {
  const valid = concatValid(cols, lens, total);
  const kinds = new Set(cols.map((c) => c.kind));
  const first = cols[0]!;
  if (kinds.size === 1 && (first.kind === 'bool' || first.kind === 'i32' || first.kind === 'f64')) {
    const values = first.kind === 'bool' ? new Uint8Array(total) : first.kind === 'i32' ? new Int32Array(total) : new Float64Array(total);
    let off = 0;
    cols.forEach((c, k) => { values.set((c as { values: Uint8Array }).values.subarray(0, lens[k]!), off); off += lens[k]!; });
    return { kind: first.kind, values, valid } as Column;
  }
  if (kinds.size === 1 && first.kind === 'dict' && cols.every((c) => (c as { dictionary: unknown }).dictionary === first.dictionary)) {
    const ids = new Int32Array(total);
    let off = 0;
    cols.forEach((c, k) => { ids.set((c as { ids: Int32Array }).ids.subarray(0, lens[k]!), off); off += lens[k]!; });
    return { kind: 'dict', ids, dictionary: first.dictionary, valid };
  }
  const values: unknown[] = new Array(total);
  let off = 0;
  cols.forEach((c, k) => {
    for (let i = 0; i < lens[k]!; i++) {
      values[off + i] = c.kind === 'dict' ? c.dictionary[c.ids[i]!] : c.kind === 'bool' ? c.values[i] : (c.values as ArrayLike<unknown>)[i];
    }
    off += lens[k]!;
  });
  const isStr = [...kinds].every((k) => k === 'str' || k === 'dict');
  return isStr ? { kind: 'str', values: values as (string | null)[], valid } : { kind: 'obj', values, valid };
}

/** One batch with the rows of all batches in order (same schema). */
export function concatBatches(batches: readonly ColumnBatch[]): ColumnBatch {
  const nonEmpty = batches.filter((b) => b.numRows > 0);
  if (nonEmpty.length === 1) return nonEmpty[0]!;
  if (nonEmpty.length === 0) return batches[0] ?? { numRows: 0, columns: [] };
  const lens = nonEmpty.map((b) => b.numRows);
  const total = lens.reduce((a, b) => a + b, 0);
  const width = nonEmpty[0]!.columns.length;
  const columns: Column[] = [];
  for (let c = 0; c < width; c++) columns.push(concatColumns(nonEmpty.map((b) => b.columns[c]!), lens, total));
  return { numRows: total, columns };
}
