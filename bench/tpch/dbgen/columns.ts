// Small helpers that turn generated arrays into ColumnBatch columns (money as unscaled cents or as double).
import type { Column } from '../../../src/sql/batch/column-batch.js';

export const longs = (v: Float64Array, n: number): Column => ({ kind: 'f64', values: v.subarray(0, n), valid: null });
export const ints = (v: Int32Array, n: number): Column => ({ kind: 'i32', values: v.subarray(0, n), valid: null });
export const strs = (v: string[]): Column => ({ kind: 'str', values: v, valid: null });
export const dict = (ids: Int32Array, n: number, dictionary: readonly string[]): Column => ({ kind: 'dict', ids: ids.subarray(0, n), dictionary, valid: null });

/** Money generated in integer cents: decimal(15,2) keeps the cents (unscaled), double divides by 100. */
export function money(cents: Float64Array, n: number, decimal: boolean): Column {
  const v = cents.subarray(0, n);
  if (!decimal) for (let i = 0; i < n; i++) v[i] = v[i]! / 100;
  return { kind: 'f64', values: v, valid: null };
}

export const pad9 = (n: number): string => String(n).padStart(9, '0');

/** Spec 4.2.2.9: phone number "CC-LLL-LLL-LLLL", country code = nationkey + 10. */
export function phone(nation: number, a: number, b: number, c: number): string {
  return `${nation + 10}-${a}-${b}-${c}`;
}

const DAY0 = Date.UTC(1992, 0, 1) / 86_400_000;
/** Day numbers (since 1970-01-01) of the spec's STARTDATE, CURRENTDATE and ENDDATE. */
export const STARTDATE = DAY0;
export const CURRENTDATE = Date.UTC(1995, 5, 17) / 86_400_000;
export const ENDDATE = Date.UTC(1998, 11, 31) / 86_400_000;
