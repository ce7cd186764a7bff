// Estimated in-memory bytes of ColumnBatches, for deciding when an operator passes its memory budget. Typed
// arrays count their bytes; strings and objects a sampled per-value estimate (V8 headers included).
import type { Column, ColumnBatch } from '../../batch/column-batch.js';

const SAMPLE = 16;

function boxedBytes(values: readonly unknown[], n: number): number {
  if (n === 0) return 0;
  const step = Math.max(1, Math.floor(n / SAMPLE));
  let sum = 0, cnt = 0;
  for (let i = 0; i < n; i += step) {
    const v = values[i];
    sum += typeof v === 'string' ? 16 + v.length * 2 : v === null || v === undefined ? 0 : 64;
    cnt++;
  }
  return 8 * n + Math.round((sum / cnt) * n);
}

export function columnBytes(c: Column, n: number): number {
  const valid = c.valid === null ? 0 : n;
  switch (c.kind) {
    case 'bool': return n + valid;
    case 'i32': return 4 * n + valid;
    case 'f64': return 8 * n + valid;
    case 'dict': return 4 * n + valid;
    case 'str': case 'obj': return boxedBytes(c.values, n) + valid;
  }
}

export function batchBytes(b: ColumnBatch): number {
  let s = 64;
  for (const c of b.columns) s += columnBytes(c, b.numRows);
  return s;
}
