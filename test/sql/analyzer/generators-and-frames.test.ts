// Analysis of generators (Generate nodes for select-list generators, LATERAL VIEW and FROM explode(...)) and of
// RANGE frames with value offsets (Spark's checks: one order key, matching types; offsets in key units).
import { describe, expect, it } from 'vitest';
import type { Expression } from '../../../src/planner/expr/expression.js';
import type { LogicalPlan } from '../../../src/planner/logical/logical-plan.js';
import { outputOf } from '../../../src/planner/logical/index.js';
import { setup } from './helpers.js';

function findWindow(p: LogicalPlan): Extract<Expression, { kind: 'window' }> {
  if (p.kind === 'window') {
    const e = p.items[0]!.expr;
    return (e.kind === 'alias' ? e.expr : e) as Extract<Expression, { kind: 'window' }>;
  }
  if ('input' in p) return findWindow(p.input);
  throw new Error('no window');
}

function errorClass(f: () => unknown): string {
  try { f(); } catch (e) { return ((e as { details?: { errorClass?: string } }).details?.errorClass) ?? String(e); }
  throw new Error('expected an error');
}

describe('generators', () => {
  const { plan, analyze } = setup();

  it('a select-list generator is a Generate under the projection', () => {
    const text = plan('SELECT a, explode(array(a, b)) AS x FROM t');
    expect(text.split('\n')[0]).toBe('Project [a#1, x#2]');
    expect(text).toContain('+- Generate explode(array(a#1, b#3)), false, [x#2]');
  });

  it('LATERAL VIEW outputs are visible to WHERE and qualified by the view name', () => {
    expect(outputOf(analyze('SELECT v.p, v.c FROM t LATERAL VIEW OUTER posexplode(array(s)) v AS p, c WHERE v.c IS NOT NULL')).map((a) => a.name)).toEqual(['p', 'c']);
    expect(plan('SELECT * FROM t LATERAL VIEW OUTER explode(array(a)) v')).toContain('Generate explode_outer(array(a#');
  });

  it('FROM explode(...) outputs only the generator columns', () => {
    expect(outputOf(analyze('SELECT * FROM explode(map(1, 2))')).map((a) => a.name)).toEqual(['key', 'value']);
  });

  it("Spark's error classes", () => {
    expect(errorClass(() => analyze('SELECT explode(array(a)), explode(array(b)) FROM t'))).toBe('UNSUPPORTED_GENERATOR.MULTI_GENERATOR');
    expect(errorClass(() => analyze('SELECT 1 + explode(array(a)) FROM t'))).toBe('UNSUPPORTED_GENERATOR.NESTED_IN_EXPRESSIONS');
    expect(errorClass(() => analyze('SELECT posexplode(array(a)) AS x FROM t'))).toBe('UDTF_ALIAS_NUMBER_MISMATCH');
    expect(errorClass(() => analyze('SELECT * FROM t LATERAL VIEW explode(array(a)) v AS x, y'))).toBe('UDTF_ALIAS_NUMBER_MISMATCH');
  });
});

describe('RANGE frames with value offsets', () => {
  const { analyze } = setup();

  it('keeps numeric offsets signed (preceding negative)', () => {
    const w = findWindow(analyze('SELECT sum(a) OVER (ORDER BY b RANGE BETWEEN 2 PRECEDING AND 3 FOLLOWING) FROM t'));
    expect(w.spec.frame).toEqual({ type: 'range', lower: { kind: 'offset', value: -2 }, upper: { kind: 'offset', value: 3 } });
  });

  it('an interval offset on a DATE key is in days', () => {
    const w = findWindow(analyze("SELECT count(*) OVER (ORDER BY d RANGE BETWEEN INTERVAL 7 DAYS PRECEDING AND CURRENT ROW) FROM (SELECT DATE'2024-01-01' AS d)"));
    expect(w.spec.frame.lower).toEqual({ kind: 'offset', value: -7 });
  });

  it("Spark's errors: no order, several order keys, a type that does not match", () => {
    expect(errorClass(() => analyze('SELECT sum(a) OVER (RANGE BETWEEN 1 PRECEDING AND CURRENT ROW) FROM t'))).toBe('DATATYPE_MISMATCH.RANGE_FRAME_WITHOUT_ORDER');
    expect(errorClass(() => analyze('SELECT sum(a) OVER (ORDER BY a, b RANGE BETWEEN 1 PRECEDING AND CURRENT ROW) FROM t'))).toBe('DATATYPE_MISMATCH.RANGE_FRAME_MULTI_ORDER');
    expect(errorClass(() => analyze('SELECT sum(a) OVER (ORDER BY s RANGE BETWEEN 1 PRECEDING AND CURRENT ROW) FROM t'))).toBe('DATATYPE_MISMATCH.RANGE_FRAME_INVALID_TYPE');
  });

  it('RANGE with only CURRENT ROW / UNBOUNDED bounds still allows several order keys', () => {
    expect(() => analyze('SELECT sum(a) OVER (ORDER BY a, b RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) FROM t')).not.toThrow();
  });
});
