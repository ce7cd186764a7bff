// A grouped SELECT outputs exactly its select list: aggregates that only HAVING (or ORDER BY) uses are computed
// by the Aggregate and projected away (TPC-H Q18's IN (SELECT k … GROUP BY k HAVING sum(q) > 300)).
import { describe, expect, it } from 'vitest';
import { outputOf } from '../../../src/planner/logical/schema-of.js';
import { setup } from './helpers.js';

describe('HAVING-only aggregates do not leak into the output', () => {
  const { plan, analyze } = setup();

  it('Project over Filter over Aggregate, as Spark', () => {
    expect(plan('SELECT a FROM u GROUP BY a HAVING sum(c) > 3')).toBe([
      'Project [a#1]',
      '+- Filter (sum(c)#2L > cast(3 as bigint))',
      '   +- Aggregate [a#1], [a#1, sum(c#3L) AS sum(c)#2L]',
      '      +- LocalRelation [a#1, c#3L]',
    ].join('\n'));
    expect(outputOf(analyze('SELECT a FROM u GROUP BY a HAVING sum(c) > 3 AND max(c) < 9')).map((a) => a.name)).toEqual(['a']);
  });

  it('no extra Project when HAVING uses only selected aggregates', () => {
    expect(plan('SELECT a, sum(c) FROM u GROUP BY a HAVING sum(c) > 3').split('\n')[0]).toBe('Filter (sum(c)#1L > cast(3 as bigint))');
  });

  it('an IN subquery with GROUP BY / HAVING has one column', () => {
    const text = plan('SELECT s FROM t WHERE a IN (SELECT a FROM u GROUP BY a HAVING sum(c) > 3)');
    expect(text).toContain('Filter a#2 IN (list [])');
    expect(text).toContain(':  +- Project [a#3]');
  });

  it('ORDER BY an aggregate not selected still sorts before the trim', () => {
    const text = plan('SELECT a FROM u GROUP BY a HAVING sum(c) > 3 ORDER BY max(c)');
    expect(text.split('\n').slice(0, 3)).toEqual(['Project [a#1]', '+- Sort [max(c)#2L ASC NULLS FIRST], true', '   +- Filter (sum(c)#3L > cast(3 as bigint))']);
  });
});
