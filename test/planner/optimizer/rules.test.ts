// Optimizer rules, each checked on rendered plan text (S1's displayPlan) before/after the default batches.
import { describe, expect, it } from 'vitest';
import { displayPlan } from '../../../src/planner/logical/index.js';
import type { Attribute, Expression, LogicalPlan } from '../../../src/planner/logical/logical-plan.js';
import { optimize } from '../../../src/planner/optimizer/index.js';
import { applyRule } from '../../../src/planner/optimizer/runner.js';
import { combineFilters } from '../../../src/planner/optimizer/rules/combine-filters.js';
import { simplifyBoolean } from '../../../src/planner/optimizer/rules/simplify-boolean.js';
import { limitPushdown } from '../../../src/planner/optimizer/rules/limit-pushdown.js';
import { eliminateSorts } from '../../../src/planner/optimizer/rules/eliminate-sorts.js';
import { T, type DataType } from '../../../src/sql/types/data-type.js';

let id = 1;
const attr = (name: string, type: DataType = T.int): Attribute => ({ kind: 'attr', id: id++, name, type, nullable: true });
const gt = (a: Expression, v: number): Expression => ({ kind: 'call', fn: 'greater_than', args: [a, { kind: 'literal', value: v, type: T.int }], type: T.boolean, nullable: true });
const a = attr('a'); const b = attr('b'); const c = attr('c'); const k = attr('k');
const scan: LogicalPlan = { kind: 'file_scan', source: { format: 'parquet', paths: ['/nonexistent/t'], options: {}, schema: T.struct([]) }, output: [a, b, c], filters: [] };
const other: LogicalPlan = { kind: 'local_relation', output: [k], batches: [] };
const conf = { get: () => undefined };

describe('optimizer rules', () => {
  it('combine-filters merges stacked filters', () => {
    const p: LogicalPlan = { kind: 'filter', condition: gt(b, 1), input: { kind: 'filter', condition: gt(a, 0), input: scan } };
    const text = displayPlan(applyRule(p, combineFilters, conf));
    expect(text.split('\n').filter((l) => l.includes('Filter'))).toHaveLength(1);
    expect(text).toMatch(/a#\d+ > 0\)? AND \(?b#\d+ > 1/);
  });

  it('push-down-filter and column-pruning reach the scan', () => {
    const p: LogicalPlan = { kind: 'project', items: [{ expr: a, attr: a }], input: { kind: 'filter', condition: gt(b, 1), input: scan } };
    const text = displayPlan(optimize(p));
    expect(text).not.toMatch(/c#/);
    const scanLine = text.split('\n').find((l) => l.includes('parquet') || l.includes('Relation') || l.includes('Scan'))!;
    expect(scanLine).toMatch(/b#/);
    const out = optimize(p);
    let s: LogicalPlan = out;
    while (s.kind !== 'file_scan') s = (s as { input: LogicalPlan }).input;
    expect(s.output.map((x) => x.name)).toEqual(['a', 'b']);
    expect(s.filters).toHaveLength(1);
  });

  it('push-down-filter splits conjuncts over a join', () => {
    const join: LogicalPlan = { kind: 'join', type: 'inner', left: scan, right: other, condition: { kind: 'call', fn: 'equal_to', args: [a, k], type: T.boolean, nullable: true } };
    const p: LogicalPlan = { kind: 'filter', condition: { kind: 'and', left: gt(b, 1), right: gt(k, 2) }, input: join };
    const out = optimize(p);
    expect(out.kind).toBe('join');
    const j = out as Extract<LogicalPlan, { kind: 'join' }>;
    expect(j.left.kind).toBe('filter');
    expect(j.right.kind).toBe('filter');
  });

  it('simplify-boolean removes true filters and turns false ones into empty relations', () => {
    const t: Expression = { kind: 'and', left: { kind: 'literal', value: true, type: T.boolean }, right: gt(a, 0) };
    const kept = applyRule({ kind: 'filter', condition: t, input: scan }, simplifyBoolean, conf);
    expect(kept.kind === 'filter' && kept.condition.kind).toBe('call');
    const gone = applyRule({ kind: 'filter', condition: { kind: 'literal', value: true, type: T.boolean }, input: scan }, simplifyBoolean, conf);
    expect(gone).toBe(scan);
    const empty = applyRule({ kind: 'filter', condition: { kind: 'literal', value: false, type: T.boolean }, input: scan }, simplifyBoolean, conf);
    expect(empty.kind).toBe('local_relation');
  });

  it('limit-pushdown copies limits into union inputs and merges limits', () => {
    const u: LogicalPlan = { kind: 'union', inputs: [scan, scan], output: [a, b, c] };
    const p = applyRule({ kind: 'limit', limit: 5, offset: 0, input: u }, limitPushdown, conf);
    expect(displayPlan(p).match(/Limit/g)?.length).toBeGreaterThanOrEqual(3);
    const merged = applyRule({ kind: 'limit', limit: 5, offset: 0, input: { kind: 'limit', limit: 3, offset: 0, input: scan } }, limitPushdown, conf);
    expect(merged.kind === 'limit' && merged.limit).toBe(3);
  });

  it('eliminate-sorts drops a sort under an order-insensitive aggregate', () => {
    const s = attr('s', T.long);
    const p: LogicalPlan = { kind: 'aggregate', groupBy: [a], items: [{ expr: a, attr: a }, { expr: { kind: 'aggregate', fn: 'sum', args: [b], distinct: false, type: T.long }, attr: s }], input: { kind: 'sort', global: true, order: [{ expr: b, direction: 'asc', nulls: 'nulls_first' }], input: scan } };
    const out = applyRule(p, eliminateSorts, conf);
    expect(displayPlan(out)).not.toContain('Sort');
  });

  it('constant-folding evaluates literal arithmetic', () => {
    const add: Expression = { kind: 'call', fn: 'add', args: [{ kind: 'literal', value: 1, type: T.int }, { kind: 'literal', value: 2, type: T.int }], type: T.int, nullable: false };
    const p: LogicalPlan = { kind: 'filter', input: scan, condition: { kind: 'call', fn: 'greater_than', args: [a, add], type: T.boolean, nullable: true } };
    const out = optimize(p);
    let f: LogicalPlan = out;
    while (f.kind !== 'filter') f = (f as { input: LogicalPlan }).input;
    expect(JSON.stringify(f.condition)).toContain('"value":3');
  });
});
