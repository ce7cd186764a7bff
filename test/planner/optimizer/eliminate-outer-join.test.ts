// eliminate-outer-join: a NULL-rejecting filter over the padded side makes an outer join inner (or a full outer
// join one-sided); filters that NULLs can pass (IS NULL, OR, coalesce) leave it outer.
import { describe, expect, it } from 'vitest';
import type { Attribute, Expression, LogicalPlan } from '../../../src/planner/logical/logical-plan.js';
import { eliminateOuterJoin } from '../../../src/planner/optimizer/rules/eliminate-outer-join.js';
import type { JoinType } from '../../../src/planner/logical/logical-plan.js';
import { T } from '../../../src/sql/types/data-type.js';

let id = 1;
const attr = (name: string): Attribute => ({ kind: 'attr', id: id++, name, type: T.int, nullable: true });
const call = (fn: string, ...args: Expression[]): Expression => ({ kind: 'call', fn, args, type: T.boolean, nullable: true });
const lit = (v: unknown): Expression => ({ kind: 'literal', value: v, type: T.int });
const a = attr('a'); const b = attr('b');
const left: LogicalPlan = { kind: 'local_relation', output: [a], batches: [] };
const right: LogicalPlan = { kind: 'local_relation', output: [b], batches: [] };
const joined = (type: JoinType, condition: Expression): LogicalPlan => ({ kind: 'filter', condition, input: { kind: 'join', type, left, right, condition: call('equal_to', a, b) } });
const typeAfter = (p: LogicalPlan): string => {
  const out = eliminateOuterJoin.apply(p, { get: () => undefined });
  return ((out as { input: LogicalPlan }).input as { type: string }).type;
};

describe('eliminate-outer-join', () => {
  it('turns a left outer join inner when the filter compares a right column (the correlated-subquery shape)', () => {
    expect(typeAfter(joined('left_outer', call('equal_to', a, b)))).toBe('inner');
    expect(typeAfter(joined('left_outer', call('less_than', a, call('multiply', lit(2), b))))).toBe('inner');
    expect(typeAfter(joined('right_outer', call('greater_than', a, lit(1))))).toBe('inner');
  });

  it('makes a full outer join one-sided or inner', () => {
    expect(typeAfter(joined('full_outer', call('greater_than', a, lit(1))))).toBe('left_outer');
    expect(typeAfter(joined('full_outer', call('greater_than', b, lit(1))))).toBe('right_outer');
    expect(typeAfter(joined('full_outer', { kind: 'and', left: call('greater_than', a, lit(1)), right: call('greater_than', b, lit(1)) }))).toBe('inner');
  });

  it('keeps the outer join when NULL-padded rows can pass the filter', () => {
    expect(typeAfter(joined('left_outer', { kind: 'is_null', expr: b, negated: false }))).toBe('left_outer');
    expect(typeAfter(joined('left_outer', { kind: 'or', left: call('equal_to', b, lit(1)), right: call('equal_to', a, lit(1)) }))).toBe('left_outer');
    expect(typeAfter(joined('left_outer', call('equal_to', { kind: 'coalesce', args: [b, lit(0)], type: T.int }, lit(0))))).toBe('left_outer');
    expect(typeAfter(joined('left_outer', call('greater_than', a, lit(1))))).toBe('left_outer');
  });
});
