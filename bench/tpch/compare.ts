// Answer check of one query: same row count, cells equal — numbers within 1e-9 relative or half a cent
// absolute (decimal money); rows compared in order when the query orders its output, else as sorted multisets.
import type { Cell } from './normalize.js';

const numEq = (a: number, b: number): boolean =>
  a === b || Math.abs(a - b) <= 0.005 || Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));

function cellEq(a: Cell, b: Cell): boolean {
  if (a === null || b === null) return a === b;
  if (typeof a === 'number' && typeof b === 'number') return numEq(a, b);
  if (typeof a === 'number' || typeof b === 'number') {
    const x = Number(a), y = Number(b);
    return !Number.isNaN(x) && !Number.isNaN(y) && numEq(x, y);
  }
  return a === b;
}

const rowKey = (r: readonly Cell[]): string => JSON.stringify(r.map((c) => (typeof c === 'number' ? Math.round(c * 100) / 100 : c)));

/** undefined when the answers match, else a one-line reason. */
export function compareAnswers(expected: readonly Cell[][], actual: readonly Cell[][], ordered: boolean): string | undefined {
  if (expected.length !== actual.length) return `${actual.length} rows, expected ${expected.length}`;
  const exp = ordered ? expected : [...expected].sort((a, b) => (rowKey(a) < rowKey(b) ? -1 : 1));
  const act = ordered ? actual : [...actual].sort((a, b) => (rowKey(a) < rowKey(b) ? -1 : 1));
  for (let i = 0; i < exp.length; i++) {
    const e = exp[i]!, a = act[i]!;
    if (e.length !== a.length) return `row ${i}: ${a.length} columns, expected ${e.length}`;
    for (let c = 0; c < e.length; c++) {
      if (!cellEq(e[c]!, a[c]!)) return `row ${i} column ${c + 1}: ${JSON.stringify(a[c])}, expected ${JSON.stringify(e[c])}`;
    }
  }
  return undefined;
}
