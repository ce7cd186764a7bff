// extract-common-conjuncts on rendered plans: the conjunct shared by every OR branch is factored out so
// push-down-filter turns a comma join into an equi-join (TPC-H Q19), and comma joins with WHERE equalities
// become inner joins with the equality as condition (TPC-H Q5/Q7/Q8/Q9).
import { describe, expect, it } from 'vitest';
import type { Expression, LogicalPlan } from '../../../src/planner/logical/logical-plan.js';
import { displayPlan } from '../../../src/planner/logical/index.js';
import { optimize } from '../../../src/planner/optimizer/index.js';
import { extractCommonConjuncts } from '../../../src/planner/optimizer/rules/extract-common-conjuncts.js';
import { Analyzer } from '../../../src/sql/analyzer/index.js';
import { Catalog } from '../../../src/sql/catalog/index.js';
import { parseStatement } from '../../../src/sql/parser/index.js';
import { T, type DataType } from '../../../src/sql/types/data-type.js';

let nextId = 5000;
function relation(cols: Record<string, DataType>): LogicalPlan {
  return { kind: 'local_relation', output: Object.entries(cols).map(([name, type]) => ({ kind: 'attr', id: nextId++, name, type, nullable: true })), batches: [] };
}
const catalog = new Catalog();
catalog.createOrReplaceTempView('l', relation({ lk: T.int, q: T.int, mode: T.string }));
catalog.createOrReplaceTempView('p', relation({ pk: T.int, brand: T.string, size: T.int }));
catalog.createOrReplaceTempView('s', relation({ sk: T.int, pk2: T.int }));
const analyzer = new Analyzer(catalog, { get: () => undefined });

function analyze(sql: string): LogicalPlan {
  const r = analyzer.analyzeStatement(parseStatement(sql));
  if (r.kind !== 'query') throw new Error(r.kind);
  return r.plan;
}
/** Optimized plan text with ids numbered by first appearance. */
function optimized(sql: string): string {
  const ids = new Map<string, number>();
  return displayPlan(optimize(analyze(sql))).replace(/#(\d+)/g, (_m, id: string) => {
    if (!ids.has(id)) ids.set(id, ids.size + 1);
    return `#${ids.get(id)}`;
  });
}
const whereOf = (sql: string): Expression => {
  const p = analyze(sql);
  const f = p.kind === 'project' ? p.input : p;
  if (f.kind !== 'filter') throw new Error(f.kind);
  return f.condition;
};

describe('extract-common-conjuncts', () => {
  it('Q19 shape: the shared equality becomes the join key, shared single-side conjuncts reach that side', () => {
    expect(optimized(`SELECT q FROM l, p
      WHERE (pk = lk AND brand = 'a' AND q < 5 AND mode = 'AIR') OR (pk = lk AND brand = 'b' AND q > 7 AND mode = 'AIR')`)).toBe([
      'Project [q#1]',
      '+- Join Inner, ((pk#2 = lk#3) AND (((brand#4 = a) AND (q#1 < 5)) OR ((brand#4 = b) AND (q#1 > 7))))',
      '   :- Project [lk#3, q#1]',
      '   :  +- Filter (mode#5 = AIR)',
      '   :     +- LocalRelation [lk#3, q#1, mode#5]',
      '   +- Project [pk#2, brand#4]',
      '      +- LocalRelation [pk#2, brand#4, size#6]',
    ].join('\n'));
  });

  it('three branches (a left-nested OR chain) and a branch that is only the common part', () => {
    const three = extractCommonConjuncts(whereOf('SELECT q FROM l, p WHERE (pk = lk AND q = 1) OR (pk = lk AND q = 2) OR (q = 3 AND pk = lk)'));
    expect(three.kind).toBe('and');
    const absorbed = extractCommonConjuncts(whereOf('SELECT q FROM l, p WHERE (pk = lk AND q = 1) OR pk = lk'));
    expect(absorbed.kind === 'call' && absorbed.fn).toBe('equal_to');
  });

  it('leaves ORs without a shared conjunct (and non-deterministic ones) alone', () => {
    const none = whereOf('SELECT q FROM l, p WHERE (pk = lk AND q = 1) OR (pk = q AND q = 2)');
    expect(extractCommonConjuncts(none)).toBe(none);
    const rand = whereOf('SELECT q FROM l WHERE (rand() < 0.5 AND q = 1) OR (rand() < 0.5 AND q = 2)');
    expect(extractCommonConjuncts(rand)).toBe(rand);
  });

  it('comma joins with WHERE equalities become inner equi-joins at the right level', () => {
    expect(optimized('SELECT q FROM l, p, s WHERE pk = lk AND sk = q AND pk2 = pk AND size > 3')).toBe([
      'Project [q#1]',
      '+- Join Inner, ((sk#2 = q#1) AND (pk2#3 = pk#4))',
      '   :- Project [q#1, pk#4]',
      '   :  +- Join Inner, (pk#4 = lk#5)',
      '   :     :- Project [lk#5, q#1]',
      '   :     :  +- LocalRelation [lk#5, q#1, mode#6]',
      '   :     +- Project [pk#4]',
      '   :        +- Filter (size#7 > 3)',
      '   :           +- LocalRelation [pk#4, brand#8, size#7]',
      '   +- LocalRelation [sk#2, pk2#3]',
    ].join('\n'));
  });
});
