// Row-group pruning: decides from footer statistics whether a pushed-down predicate can match
// any row of a row group. Conservative: missing statistics or unknown columns mean "may match".
import { assertNever } from '../../../common/assert.js';
import type { StatValue } from './statistics.js';

export type CmpOp = '=' | '<' | '<=' | '>' | '>=' | '!=';

/** Values use the statistics' domain (statistics.ts); a JS Date is accepted for date/timestamp columns. */
export type StatsPredicate =
  | { readonly kind: 'cmp'; readonly column: string; readonly op: CmpOp; readonly value: StatValue | Date | null }
  | { readonly kind: 'in'; readonly column: string; readonly values: readonly (StatValue | Date | null)[] }
  | { readonly kind: 'and'; readonly children: readonly StatsPredicate[] }
  | { readonly kind: 'or'; readonly children: readonly StatsPredicate[] }
  | { readonly kind: 'isNull'; readonly column: string }
  | { readonly kind: 'isNotNull'; readonly column: string };

export interface ColumnStats {
  readonly name: string;
  readonly min?: unknown;
  readonly max?: unknown;
  readonly nullCount?: number;
}

export interface RowGroupStats {
  readonly numRows: number;
  readonly columns: readonly ColumnStats[];
}

export function rowGroupMayMatch(stats: RowGroupStats, predicate: StatsPredicate): boolean {
  switch (predicate.kind) {
    case 'and': return predicate.children.every((c) => rowGroupMayMatch(stats, c));
    case 'or': return predicate.children.some((c) => rowGroupMayMatch(stats, c));
    case 'isNull': {
      const c = find(stats, predicate.column);
      return c?.nullCount === undefined || c.nullCount > 0;
    }
    case 'isNotNull': {
      const c = find(stats, predicate.column);
      return c?.nullCount === undefined || c.nullCount < stats.numRows;
    }
    case 'cmp': return cmpMayMatch(stats, predicate.column, predicate.op, predicate.value);
    case 'in': return predicate.values.some((v) => cmpMayMatch(stats, predicate.column, '=', v));
    default: return assertNever(predicate, 'stats predicate');
  }
}

function find(stats: RowGroupStats, column: string): ColumnStats | undefined {
  return stats.columns.find((c) => c.name === column);
}

function cmpMayMatch(stats: RowGroupStats, column: string, op: CmpOp, raw: StatValue | Date | null): boolean {
  if (raw === null) return false; // comparison with NULL is never true
  const c = find(stats, column);
  if (!c) return true;
  if (c.nullCount !== undefined && c.nullCount >= stats.numRows && stats.numRows > 0) return false; // only nulls
  const { min, max } = c;
  if (!comparable(min) || !comparable(max)) return true;
  const v = normalize(raw, min);
  if (v === undefined) return true;
  const lo = compare(min, v), hi = compare(max, v);
  if (lo === undefined || hi === undefined) return true;
  switch (op) {
    case '=': return lo <= 0 && hi >= 0;
    case '<': return lo < 0;
    case '<=': return lo <= 0;
    case '>': return hi > 0;
    case '>=': return hi >= 0;
    case '!=': return !(lo === 0 && hi === 0);
    default: return assertNever(op, 'comparison operator');
  }
}

function comparable(x: unknown): x is StatValue {
  return typeof x === 'number' || typeof x === 'bigint' || typeof x === 'string' || typeof x === 'boolean' || x instanceof Uint8Array;
}

/** Brings a predicate literal into the domain of the column's statistics (Dates, numeric strings). */
function normalize(v: StatValue | Date, like: StatValue): StatValue | undefined {
  if (v instanceof Date) {
    const ms = v.getTime();
    if (typeof like === 'bigint') return BigInt(ms) * 1000n; // timestamp micros
    if (typeof like === 'number') return Math.floor(ms / 86400000); // date days
    return undefined;
  }
  return v;
}

const enc = new TextEncoder();
/** -1/0/1, or undefined when the two values are not comparable. Strings compare as UTF-8 bytes like Parquet. */
function compare(a: StatValue, b: StatValue): number | undefined {
  const numA = typeof a === 'number' || typeof a === 'bigint', numB = typeof b === 'number' || typeof b === 'bigint';
  if (numA && numB) return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'string' && typeof b === 'string') return bytesCompare(enc.encode(a), enc.encode(b));
  if (a instanceof Uint8Array && b instanceof Uint8Array) return bytesCompare(a, b);
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  return undefined;
}

function bytesCompare(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}
