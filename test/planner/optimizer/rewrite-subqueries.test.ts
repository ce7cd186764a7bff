// rewrite-subqueries: each subquery form checked on the rendered plan after the rule (and after the full optimizer
// where the output must stay the same).
import { describe, expect, it } from 'vitest';
import { TsSparkError } from '../../../src/common/errors.js';
import { displayPlan } from '../../../src/planner/logical/index.js';
import type { Attribute, Expression, LogicalPlan } from '../../../src/planner/logical/logical-plan.js';
import { optimize } from '../../../src/planner/optimizer/index.js';
import { outputOf } from '../../../src/planner/optimizer/plan-utils.js';
import { applyRule } from '../../../src/planner/optimizer/runner.js';
import { rewriteSubqueries } from '../../../src/planner/optimizer/rules/rewrite-subqueries.js';
import { T, type DataType } from '../../../src/sql/types/data-type.js';

const attr = (id: number, name: string, type: DataType = T.int): Attribute => ({ kind: 'attr', id, name, type, nullable: true });
const call = (fn: string, ...args: Expression[]): Expression => ({ kind: 'call', fn, args, type: T.boolean, nullable: true });
const eq = (x: Expression, y: Expression): Expression => call('equal_to', x, y);
const outer = (a: Attribute): Expression => ({ kind: 'outer_ref', attr: a });
const lit = (v: number): Expression => ({ kind: 'literal', value: v, type: T.int });
const rel = (...output: Attribute[]): LogicalPlan => ({ kind: 'local_relation', output, batches: [] });
const filter = (input: LogicalPlan, condition: Expression): LogicalPlan => ({ kind: 'filter', input, condition });
const project = (input: LogicalPlan, ...attrs: Attribute[]): LogicalPlan => ({ kind: 'project', input, items: attrs.map((a) => ({ expr: a, attr: a })) });
const and = (left: Expression, right: Expression): Expression => ({ kind: 'and', left, right });
const conf = { get: () => undefined };
const rewrite = (p: LogicalPlan): string => displayPlan(applyRule(p, rewriteSubqueries, conf));

// outer t(a#1, b#2); inner u(a#3, b#4, c#5)
const a1 = attr(1, 'a'); const b2 = attr(2, 'b');
const a3 = attr(3, 'a'); const b4 = attr(4, 'b'); const c5 = attr(5, 'c');
const t = rel(a1, b2);
const u = rel(a3, b4, c5);
const one = attr(6, '1');
const selectOne = (input: LogicalPlan): LogicalPlan => ({ kind: 'project', input, items: [{ expr: { kind: 'alias', expr: lit(1), name: '1', id: 6 }, attr: one }] });

describe('rewrite-subqueries', () => {
  it('EXISTS becomes a left semi join on the pulled-up correlated predicate', () => {
    const sub = selectOne(filter(u, eq(a3, outer(a1))));
    const p = filter(t, { kind: 'exists', plan: sub, outer: [a1] });
    expect(rewrite(p)).toBe([
      'Join LeftSemi, (a#3 = a#1)',
      ':- LocalRelation [a#1, b#2]',
      '+- Project [1 AS 1#6, a#3]',
      '   +- LocalRelation [a#3, b#4, c#5]',
    ].join('\n'));
  });

  it('NOT EXISTS becomes a left anti join keeping non-equality correlation and local filters in place', () => {
    const cond = and(and(eq(a3, outer(a1)), call('greater_than', c5, lit(0))), { kind: 'not', expr: eq(b4, outer(b2)) });
    const p = filter(t, { kind: 'not', expr: { kind: 'exists', plan: selectOne(filter(u, cond)), outer: [a1, b2] } });
    expect(rewrite(p)).toBe([
      'Join LeftAnti, ((a#3 = a#1) AND NOT (b#4 = b#2))',
      ':- LocalRelation [a#1, b#2]',
      '+- Project [1 AS 1#6, a#3, b#4]',
      '   +- Filter (c#5 > 0)',
      '      +- LocalRelation [a#3, b#4, c#5]',
    ].join('\n'));
  });

  it('IN becomes a left semi join on value = column; other conjuncts stay as a Filter below', () => {
    const p = filter(t, and(call('greater_than', b2, lit(1)), { kind: 'in_subquery', expr: [a1], plan: project(u, a3), outer: [] }));
    expect(rewrite(p)).toBe([
      'Join LeftSemi, (a#1 = a#3)',
      ':- Filter (b#2 > 1)',
      ':  +- LocalRelation [a#1, b#2]',
      '+- Project [a#3]',
      '   +- LocalRelation [a#3, b#4, c#5]',
    ].join('\n'));
  });

  it('NOT IN becomes a null-aware left anti join, per column for several columns', () => {
    const single = filter(t, { kind: 'not', expr: { kind: 'in_subquery', expr: [a1], plan: project(u, a3), outer: [] } });
    expect(rewrite(single).split('\n')[0]).toBe('Join LeftAnti, ((a#1 = a#3) OR isnull((a#1 = a#3)))');
    const multi = filter(t, { kind: 'not', expr: { kind: 'in_subquery', expr: [a1, b2], plan: project(u, a3, b4), outer: [] } });
    expect(rewrite(multi).split('\n')[0]).toBe('Join LeftAnti, (((a#1 = a#3) OR isnull((a#1 = a#3))) AND ((b#2 = b#4) OR isnull((b#2 = b#4))))');
  });

  it('correlated IN adds the correlated predicate to the semi join condition', () => {
    const sub = project(filter(u, eq(b4, outer(b2))), a3);
    const p = filter(t, { kind: 'in_subquery', expr: [a1], plan: sub, outer: [b2] });
    expect(rewrite(p).split('\n')).toEqual([
      'Join LeftSemi, ((a#1 = a#3) AND (b#4 = b#2))',
      ':- LocalRelation [a#1, b#2]',
      '+- Project [a#3, b#4]',
      '   +- LocalRelation [a#3, b#4, c#5]',
    ]);
  });

  const maxC = attr(7, 'max(c)');
  const aggSub = (fn: 'max' | 'count'): LogicalPlan => ({
    kind: 'aggregate', groupBy: [],
    items: [{ expr: { kind: 'aggregate', fn, args: [c5], distinct: false, type: fn === 'count' ? T.long : T.int }, attr: fn === 'count' ? { ...maxC, type: T.long, name: 'count(c)' } : maxC }],
    input: filter(u, eq(a3, outer(a1))),
  });

  it('a correlated scalar subquery in a SELECT list becomes a grouped aggregate, left-outer-joined', () => {
    const s = attr(8, 's');
    const p: LogicalPlan = { kind: 'project', input: t, items: [{ expr: b2, attr: b2 }, { expr: { kind: 'scalar_subquery', plan: aggSub('max'), type: T.int, outer: [a1] }, attr: s }] };
    expect(rewrite(p)).toBe([
      'Project [b#2, max(c)#7 AS s#8]',
      '+- Join LeftOuter, (a#3 = a#1)',
      '   :- LocalRelation [a#1, b#2]',
      '   +- Aggregate [a#3], [max(c#5) AS max(c)#7, a#3]',
      '      +- LocalRelation [a#3, b#4, c#5]',
    ].join('\n'));
    expect(outputOf(optimize(p)).map((x) => x.id)).toEqual([2, 8]);
  });

  it('a correlated scalar subquery in WHERE keeps the Filter output with a Project on top', () => {
    const p = filter(t, call('greater_than', b2, { kind: 'scalar_subquery', plan: aggSub('max'), type: T.int, outer: [a1] }));
    expect(rewrite(p)).toBe([
      'Project [a#1, b#2]',
      '+- Filter (b#2 > max(c)#7)',
      '   +- Join LeftOuter, (a#3 = a#1)',
      '      :- LocalRelation [a#1, b#2]',
      '      +- Aggregate [a#3], [max(c#5) AS max(c)#7, a#3]',
      '         +- LocalRelation [a#3, b#4, c#5]',
    ].join('\n'));
  });

  it('count over no matching rows is 0, not NULL (the count bug)', () => {
    const s = attr(8, 's', T.long);
    const p: LogicalPlan = { kind: 'project', input: t, items: [{ expr: { kind: 'scalar_subquery', plan: aggSub('count'), type: T.long, outer: [a1] }, attr: s }] };
    const text = rewrite(p);
    expect(text.split('\n')[0]).toMatch(/^Project \[CASE WHEN isnull\(alwaysTrue#\d+\) THEN 0 ELSE count\(c\)#7L END AS s#8L\]$/);
    expect(text).toMatch(/Aggregate \[a#3\], \[count\(c#5\) AS count\(c\)#7L, a#3, true AS alwaysTrue#\d+\]/);
  });

  it('leaves uncorrelated scalar subqueries to the driver', () => {
    const p = filter(t, call('greater_than', b2, { kind: 'scalar_subquery', plan: project(u, c5), type: T.int, outer: [] }));
    expect(applyRule(p, rewriteSubqueries, conf)).toBe(p);
  });

  it('rewrites nested subqueries inside the subquery plan', () => {
    const inner = filter(rel(attr(9, 'z')), eq(attr(9, 'z'), outer(b4)));
    const sub = project(filter(u, { kind: 'exists', plan: inner, outer: [b4] }), a3);
    const text = rewrite(filter(t, { kind: 'in_subquery', expr: [a1], plan: sub, outer: [] }));
    expect(text).toContain('Join LeftSemi, (a#1 = a#3)');
    expect(text).toContain('Join LeftSemi, (z#9 = b#4)');
    expect(text).not.toContain('exists');
  });

  it('EXISTS under OR splits the rows into a semi-joined part and an anti-joined part', () => {
    const sub = selectOne(filter(u, eq(a3, outer(a1))));
    const p = filter(t, { kind: 'or', left: call('greater_than', b2, lit(1)), right: { kind: 'exists', plan: sub, outer: [a1] } });
    expect(rewrite(p)).toBe([
      'Union false, false',
      ':- Filter ((b#2 > 1) OR true)',
      ':  +- Join LeftSemi, (a#3 = a#1)',
      ':     :- LocalRelation [a#1, b#2]',
      ':     +- Project [1 AS 1#6, a#3]',
      ':        +- LocalRelation [a#3, b#4, c#5]',
      '+- Filter ((b#2 > 1) OR false)',
      '   +- Join LeftAnti, (a#3 = a#1)',
      '      :- LocalRelation [a#1, b#2]',
      '      +- Project [1 AS 1#6, a#3]',
      '         +- LocalRelation [a#3, b#4, c#5]',
    ].join('\n'));
    expect(outputOf(applyRule(p, rewriteSubqueries, conf)).map((x) => x.id)).toEqual([1, 2]);
  });

  it('IN under OR adds a part for a NULL result when either side is nullable', () => {
    const p = filter(t, { kind: 'or', left: call('greater_than', b2, lit(1)), right: { kind: 'in_subquery', expr: [a1], plan: project(u, a3), outer: [] } });
    const lines = rewrite(p).split('\n');
    expect(lines.filter((l) => /^[:+]- Filter/.test(l))).toEqual(['Filter ((b#2 > 1) OR true)', 'Filter ((b#2 > 1) OR false)', 'Filter ((b#2 > 1) OR null)'].map((f, i) => `${i < 2 ? ':-' : '+-'} ${f}`));
    const joins = lines.map((l) => /Join (\w+), (.*)$/.exec(l)?.slice(1).join(' ')).filter((x) => x !== undefined);
    // the NULL part: rows without an equal value (anti join) that meet a NULL comparison (null-aware semi join);
    // its second copy of the subquery gets fresh ids
    expect(joins[0]).toBe('LeftSemi (a#1 = a#3)');
    expect(joins[1]).toBe('LeftAnti ((a#1 = a#3) OR isnull((a#1 = a#3)))');
    expect(joins[2]).toMatch(/^LeftSemi \(\(a#1 = a#(\d+)\) OR isnull\(\(a#1 = a#\1\)\)\)$/);
    expect(joins[2]).not.toContain('#3');
    expect(joins[3]).toBe('LeftAnti (a#1 = a#3)');
    // both sides non-nullable: IN is never NULL, two parts
    const nn = (x: Attribute): Attribute => ({ ...x, nullable: false });
    const strict = filter(rel(nn(a1), b2), { kind: 'or', left: call('greater_than', b2, lit(1)), right: { kind: 'in_subquery', expr: [nn(a1)], plan: project(rel(nn(a3)), nn(a3)), outer: [] } });
    expect(rewrite(strict).split('\n').filter((l) => l.includes('Join'))).toEqual([':  +- Join LeftSemi, (a#1 = a#3)', '   +- Join LeftAnti, (a#1 = a#3)']);
  });

  it('rejects subqueries it cannot turn into joins with a clear error', () => {
    const inSelect: LogicalPlan = { kind: 'project', input: t, items: [{ expr: { kind: 'exists', plan: selectOne(u), outer: [] }, attr: attr(10, 'e', T.boolean) }] };
    expect(() => rewrite(inSelect)).toThrow(TsSparkError);
    const notAggregated = { kind: 'scalar_subquery' as const, plan: project(filter(u, eq(a3, outer(a1))), c5), type: T.int, outer: [a1] };
    expect(() => rewrite(filter(t, call('greater_than', b2, notAggregated)))).toThrow(/MUST_AGGREGATE_CORRELATED_SCALAR_SUBQUERY/);
    // a nested subquery reading the outermost query (two levels up)
    const deep = filter(rel(attr(9, 'z')), eq(attr(9, 'z'), outer(a1)));
    const middle = project(filter(u, { kind: 'exists', plan: deep, outer: [a1] }), a3);
    expect(() => rewrite(filter(t, { kind: 'in_subquery', expr: [a1], plan: middle, outer: [a1] }))).toThrow(/other than the immediately enclosing one/);
  });

  it('the full optimizer keeps the output and prunes the subquery side', () => {
    const p = project(filter(t, { kind: 'exists', plan: selectOne(filter(u, eq(a3, outer(a1)))), outer: [a1] }), b2);
    const text = displayPlan(optimize(p));
    expect(text).toContain('Join LeftSemi, (a#3 = a#1)');
    expect(text).toContain('+- Project [a#3]');
    expect(text).not.toContain('1#6');
    expect(outputOf(optimize(p)).map((x) => x.id)).toEqual([2]);
  });
});
