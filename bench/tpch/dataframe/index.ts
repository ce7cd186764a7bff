// The TPC-H queries written with the DataFrame API, by query number (missing ones are not written yet).
import type { DataFrame, TpchFunctions, TpchTables } from '../session.js';
import { q1 } from './q1.js';
import { q10 } from './q10.js';
import { q12 } from './q12.js';
import { q14 } from './q14.js';
import { q3 } from './q3.js';
import { q4 } from './q4.js';
import { q5 } from './q5.js';
import { q6 } from './q6.js';

export type DataFrameQuery = (t: TpchTables, F: TpchFunctions) => DataFrame;

const QUERIES: Readonly<Record<number, DataFrameQuery>> = { 1: q1, 3: q3, 4: q4, 5: q5, 6: q6, 10: q10, 12: q12, 14: q14 };

export function dataframeQuery(n: number): DataFrameQuery | undefined {
  return QUERIES[n];
}
