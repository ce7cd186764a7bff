// The tables every oracle query runs over (identical in tsspark and DuckDB), with NULLs and duplicates on purpose.
import type { OracleTable } from './oracle-harness.js';

const d = (s: string): Date => new Date(`${s}T00:00:00Z`);

export const TABLES: readonly OracleTable[] = [
  {
    name: 'emp',
    schema: 'id INT, name STRING, dept STRING, salary DOUBLE, age INT, hired DATE',
    rows: [
      [1, 'Alice', 'eng', 120.5, 34, d('2019-03-01')],
      [2, 'Bob', 'eng', 99.0, 45, d('2015-07-15')],
      [3, 'Carol', 'sales', 80.25, 29, d('2021-01-10')],
      [4, 'Dan', 'sales', 80.25, null, d('2020-06-30')],
      [5, 'Eve', null, 150.0, 51, d('2010-11-11')],
      [6, 'Frank', 'ops', null, 38, null],
      [7, 'Grace', 'eng', 130.0, 27, d('2022-02-02')],
      [8, 'Heidi', 'ops', 70.0, 41, d('2018-08-08')],
      [9, 'alice', 'eng', 120.5, 34, d('2019-03-01')],
    ],
  },
  {
    name: 'dept',
    schema: 'dept STRING, dname STRING, budget BIGINT',
    rows: [
      ['eng', 'Engineering', 1000000],
      ['sales', 'Sales', 250000],
      ['hr', 'Human Resources', 50000],
      [null, 'Unknown', 0],
    ],
  },
  {
    name: 'nums',
    schema: 'a INT, b INT, c DOUBLE, s STRING',
    rows: [
      [1, 10, 1.5, 'x'], [2, 20, -2.25, 'y'], [3, null, 0.0, null], [null, 40, 4.75, 'x'],
      [5, 50, null, 'z'], [6, 0, 6.5, 'y'], [7, 70, -7.125, 'x'], [7, 70, -7.125, 'x'],
    ],
  },
  {
    name: 'items',
    schema: 'id INT, grp STRING, price DECIMAL(15,2), disc DECIMAL(15,2), qty DECIMAL(15,2)',
    rows: [
      [1, 'a', 10.25, 0.05, 3], [2, 'a', 20.5, 0.1, 7.5], [3, 'b', 99999.99, 0, 1], [4, 'b', null, 0.02, 2],
      [5, 'c', 0.01, 0.09, null], [6, null, 1234.56, 0.07, 12.25], [7, 'a', 3.33, 0.03, 0.5], [8, 'd', null, null, null],
    ],
  },
];
