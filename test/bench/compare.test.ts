import { expect, it } from 'vitest';
import { compareAnswers } from '../../bench/tpch/compare.js';

it('accepts rows tying on the sort key in either order, and nothing else out of order', () => {
  // Q11 at SF 10: two parts with the same value, ordered by value desc
  const exp = [[1, 9.5], [1527486, 8285178.72], [104801, 8285178.72], [7, 1.25]];
  const tied = [[1, 9.5], [104801, 8285178.72], [1527486, 8285178.72], [7, 1.25]];
  expect(compareAnswers(exp, tied, true)).toBeUndefined();
  // swapped rows that share no column are an ordering error
  expect(compareAnswers(exp, [exp[1]!, exp[0]!, exp[2]!, exp[3]!], true)).toBe('row 0 column 1: 1527486, expected 1');
  // a tie window must hold the same rows
  expect(compareAnswers(exp, [[1, 9.5], [104801, 8285178.72], [2, 8285178.72], [7, 1.25]], true)).toMatch(/^row 1 column 1/);
  expect(compareAnswers(exp, [exp[3]!, exp[2]!, exp[1]!, exp[0]!], false)).toBeUndefined();
  expect(compareAnswers(exp, exp.slice(1), true)).toBe('3 rows, expected 4');
});
