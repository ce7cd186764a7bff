// push-semi-anti-join on plan text: an IN/EXISTS semi (or anti) join over an inner join, a filter and a
// pass-through projection lands on the one input its condition mentions; anything else stays put.
import { describe, expect, it } from 'vitest';
import { displayPlan } from '../../../src/planner/logical/index.js';
import type { Attribute, Expression, LogicalPlan } from '../../../src/planner/logical/logical-plan.js';
import { transformPlanDown } from '../../../src/planner/optimizer/plan-utils.js';
import { pushSemiAntiJoin } from '../../../src/planner/optimizer/rules/push-semi-anti-join.js';
import { T } from '../../../src/sql/types/data-type.js';

let id = 1;
const attr = (name: string): Attribute => ({ kind: 'attr', id: id++, name, type: T.int, nullable: true });
const eq = (a: Expression, b: Expression): Expression => ({ kind: 'call', fn: 'equal_to', args: [a, b], type: T.boolean, nullable: true });
const rel = (...out: Attribute[]): LogicalPlan => ({ kind: 'local_relation', output: out, batches: [] });
const run = (p: LogicalPlan): LogicalPlan => transformPlanDown(p, (x) => pushSemiAntiJoin.apply(x, { get: () => undefined }));

const cKey = attr('c_key'); const oCust = attr('o_cust'); const oKey = attr('o_key'); const sub = attr('k');
const customer = rel(cKey); const orders = rel(oKey, oCust);
const subIn = attr('k_in');
const agg: LogicalPlan = { kind: 'aggregate', input: rel(subIn), groupBy: [subIn], items: [{ expr: subIn, attr: sub }] };
const inner: LogicalPlan = { kind: 'join', type: 'inner', left: customer, right: orders, condition: eq(cKey, oCust) };

describe('push-semi-anti-join', () => {
  for (const type of ['left_semi', 'left_anti'] as const) {
    it(`moves a ${type} join through a projection and a filter onto the side it refers to`, () => {
      const proj: LogicalPlan = { kind: 'project', input: { kind: 'filter', input: inner, condition: eq(cKey, cKey) }, items: [cKey, oKey].map((a) => ({ expr: a, attr: a })) };
      const p: LogicalPlan = { kind: 'join', type, left: proj, right: agg, condition: eq(oKey, sub) };
      const out = run(p);
      const lines = displayPlan(out).split('\n');
      expect(lines[0]).toMatch(/^Project/);
      const semiAt = lines.findIndex((l) => /Join Left(Semi|Anti)/.test(l));
      const innerAt = lines.findIndex((l) => /Join Inner/.test(l));
      expect(innerAt).toBeGreaterThan(0);
      expect(semiAt).toBeGreaterThan(innerAt); // now below the inner join
      const j = (((out as { input: LogicalPlan }).input as { input: LogicalPlan }).input) as Extract<LogicalPlan, { kind: 'join' }>;
      expect(j.right.kind).toBe('join');
      expect((j.right as Extract<LogicalPlan, { kind: 'join' }>).left).toBe(orders);
    });
  }

  it('stays when the condition needs both sides of the inner join, or a computed column', () => {
    const both: LogicalPlan = { kind: 'join', type: 'left_semi', left: inner, right: agg, condition: { kind: 'and', left: eq(oKey, sub), right: eq(cKey, sub) } };
    expect(run(both)).toBe(both);
    const alias = attr('o2');
    const computed: LogicalPlan = { kind: 'project', input: orders, items: [{ expr: { kind: 'call', fn: 'add', args: [oKey, oKey], type: T.int, nullable: true }, attr: alias }] };
    const p: LogicalPlan = { kind: 'join', type: 'left_semi', left: computed, right: agg, condition: eq(alias, sub) };
    expect(run(p)).toBe(p);
  });

  it('stays above an inner join when the subquery side is a base table (EXISTS over lineitem keeps most rows)', () => {
    const k2 = attr('k2');
    const base = rel(k2);
    const p: LogicalPlan = { kind: 'join', type: 'left_anti', left: inner, right: base, condition: eq(oKey, k2) };
    expect(run(p)).toBe(p);
  });
});
