// Aggregate states over decimals: sum/avg rescale the unscaled input to the result scale whatever the
// argument expression is (a column, a CASE, a coalesce…) — TPC-H Q14 sums a CASE of decimals.
import { describe, expect, it } from 'vitest';
import type { Expression } from '../../../src/planner/expr/expression.js';
import type { AggSpec } from '../../../src/planner/physical/physical-plan.js';
import { aggOps } from '../../../src/sql/execution/agg-functions.js';
import type { DataType } from '../../../src/sql/types/data-type.js';

const dec = (precision: number, scale: number): DataType => ({ kind: 'decimal', precision, scale });
const col: Expression = { kind: 'bound', ordinal: 0, type: dec(15, 2), nullable: true, name: 'price' };
const caseOf: Expression = { kind: 'case', branches: [[{ kind: 'literal', value: true, type: { kind: 'boolean' } }, col]], else: { kind: 'literal', value: 0, type: dec(15, 2) }, type: dec(15, 2) };
const coalesceOf: Expression = { kind: 'coalesce', args: [col], type: dec(15, 2) };

function run(fn: 'sum' | 'avg', arg: Expression, type: DataType, values: readonly (number | null)[]): unknown {
  const spec: AggSpec = { fn, args: [arg], distinct: false, ignoreNulls: false, type, text: `${fn}(x)` };
  const ops = aggOps(spec);
  const half = Math.floor(values.length / 2);
  let a = ops.init();
  let b = ops.init();
  values.forEach((v, i) => { if (i < half) a = ops.update(a, [v]); else b = ops.update(b, [v]); });
  return ops.finish(ops.merge(a, b));
}

describe('decimal sum/avg keep the result scale', () => {
  // unscaled decimal(15,2) values 10.25, 20.50, NULL
  const values = [1025, 2050, null];
  for (const [name, arg] of [['column', col], ['case', caseOf], ['coalesce', coalesceOf]] as const) {
    it(`sum(decimal(15,2)) of a ${name} is decimal(25,2) unscaled`, () => {
      expect(run('sum', arg, dec(25, 2), values)).toBe(3075);
    });
    it(`avg(decimal(15,2)) of a ${name} is decimal(19,6) unscaled`, () => {
      expect(run('avg', arg, dec(19, 6), values)).toBe(15_375_000);
    });
  }
  it('sum of no rows is NULL', () => {
    expect(run('sum', caseOf, dec(25, 2), [null])).toBeNull();
  });
});
