// Answer check of one query: same row count, cells equal — numbers within 1e-9 relative or half a cent
// absolute (decimal money); rows compared in order when the query orders its output (rows tying on the sort key,
// seen as rows agreeing on a column, may come in any order among themselves), else as sorted multisets.
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

const rowEq = (e: readonly Cell[], a: readonly Cell[]): boolean => e.length === a.length && e.every((c, i) => cellEq(c, a[i]!));
const MAX_TIE_ROWS = 64;

/** End (exclusive) of the smallest window from i where act holds the same rows as exp in another order, rows that
 *  all agree on some column (they tie on the sort key, whose order among them the query leaves open); -1 if none. */
function tieWindowEnd(exp: readonly Cell[][], act: readonly Cell[][], i: number): number {
  const limit = Math.min(exp.length, i + MAX_TIE_ROWS);
  for (let k = i + 2; k <= limit; k++) {
    const e = exp.slice(i, k), a = [...act.slice(i, k)];
    const sameColumn = e[0]!.some((c, col) => e.every((r) => cellEq(r[col]!, c)));
    if (!sameColumn) return -1;
    const matched = e.every((r) => {
      const j = a.findIndex((x) => rowEq(r, x));
      return j >= 0 && a.splice(j, 1).length === 1;
    });
    if (matched) return k;
  }
  return -1;
}

/** undefined when the answers match, else a one-line reason. */
export function compareAnswers(expected: readonly Cell[][], actual: readonly Cell[][], ordered: boolean): string | undefined {
  if (expected.length !== actual.length) return `${actual.length} rows, expected ${expected.length}`;
  const exp = ordered ? expected : [...expected].sort((a, b) => (rowKey(a) < rowKey(b) ? -1 : 1));
  const act = ordered ? actual : [...actual].sort((a, b) => (rowKey(a) < rowKey(b) ? -1 : 1));
  for (let i = 0; i < exp.length; i++) {
    const e = exp[i]!, a = act[i]!;
    if (e.length !== a.length) return `row ${i}: ${a.length} columns, expected ${e.length}`;
    if (rowEq(e, a)) continue;
    const end = ordered ? tieWindowEnd(exp, act, i) : -1;
    if (end > 0) { i = end - 1; continue; }
    for (let c = 0; c < e.length; c++) {
      if (!cellEq(e[c]!, a[c]!)) return `row ${i} column ${c + 1}: ${JSON.stringify(a[c])}, expected ${JSON.stringify(e[c])}`;
    }
  }
  return undefined;
}
