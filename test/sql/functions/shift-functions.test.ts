// shiftleft/shiftright/shiftrightunsigned: typed as Spark (int stays int, bigint stays bigint) and evaluated with
// Java's shift semantics (count masked to the width, 64-bit wrap); grouping() over ROLLUP relies on shiftright.
import { describe, expect, it } from 'vitest';
import { evalConstant } from '../../../src/planner/expr/index.js';
import { exprType } from '../../../src/planner/expr/expr-type.js';
import { literalOf, resolveFunction } from '../../../src/sql/functions/index.js';
import { simpleString } from '../../../src/sql/types/data-type.js';

const run = (fn: string, x: number | bigint, n: number): { type: string; value: unknown } => {
  const e = resolveFunction(fn, [literalOf(x), literalOf(n)], { ansi: false });
  return { type: simpleString(exprType(e)), value: evalConstant(e) };
};

describe('shift functions', () => {
  it('int shifts as Java ints', () => {
    expect(run('shiftleft', 1, 3)).toEqual({ type: 'int', value: 8 });
    expect(run('shiftleft', 1, 33)).toEqual({ type: 'int', value: 2 });
    expect(run('shiftright', -16, 2)).toEqual({ type: 'int', value: -4 });
    expect(run('shiftrightunsigned', -16, 28)).toEqual({ type: 'int', value: 15 });
  });
  it('bigint shifts as Java longs', () => {
    expect(run('shiftleft', 1n, 40)).toEqual({ type: 'bigint', value: 1099511627776 });
    expect(run('shiftright', -1n, 63)).toEqual({ type: 'bigint', value: -1 });
    expect(run('shiftrightunsigned', -1n, 60)).toEqual({ type: 'bigint', value: 15 });
  });
});
