// The 22 TPC-H queries written with the DataFrame API (no SQL text), by query number.
import type { DataFrame, TpchFunctions, TpchTables } from '../session.js';
import { q1 } from './q1.js';
import { q2 } from './q2.js';
import { q3 } from './q3.js';
import { q4 } from './q4.js';
import { q5 } from './q5.js';
import { q6 } from './q6.js';
import { q7 } from './q7.js';
import { q8 } from './q8.js';
import { q9 } from './q9.js';
import { q10 } from './q10.js';
import { q11 } from './q11.js';
import { q12 } from './q12.js';
import { q13 } from './q13.js';
import { q14 } from './q14.js';
import { q15 } from './q15.js';
import { q16 } from './q16.js';
import { q17 } from './q17.js';
import { q18 } from './q18.js';
import { q19 } from './q19.js';
import { q20 } from './q20.js';
import { q21 } from './q21.js';
import { q22 } from './q22.js';

/** sf: the data's scale factor (Q11's fraction depends on it). */
export type DataFrameQuery = (t: TpchTables, F: TpchFunctions, sf: number) => DataFrame;

const QUERIES: Readonly<Record<number, DataFrameQuery>> = {
  1: q1, 2: q2, 3: q3, 4: q4, 5: q5, 6: q6, 7: q7, 8: q8, 9: q9, 10: q10, 11: q11,
  12: q12, 13: q13, 14: q14, 15: q15, 16: q16, 17: q17, 18: q18, 19: q19, 20: q20, 21: q21, 22: q22,
};

export function dataframeQuery(n: number): DataFrameQuery | undefined {
  return QUERIES[n];
}
