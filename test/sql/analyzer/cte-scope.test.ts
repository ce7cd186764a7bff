// CTE scope: a WITH name is visible in the body's FROM, in subqueries inside its expressions (TPC-H Q15) and
// in later CTEs, each reference with fresh ids; a CTE does not see itself.
import { describe, expect, it } from 'vitest';
import { setup } from './helpers.js';

describe('WITH names inside expression subqueries', () => {
  const { plan, analyze } = setup();

  it('a CTE referenced in FROM and in a scalar subquery of WHERE (TPC-H Q15 shape)', () => {
    const text = plan('WITH r AS (SELECT a, sum(b) AS total FROM t GROUP BY a) SELECT u.a, total FROM u, r WHERE u.a = r.a AND total = (SELECT max(total) FROM r)');
    expect(text).toContain('scalar-subquery');
    // the CTE's aggregate appears twice: once for the FROM reference and once inside the subquery
    expect(text.match(/Aggregate \[a#\d+\], \[a#\d+(?: AS a#\d+)?, sum\(b#\d+\) AS total#\d+L\]/g)).toHaveLength(2);
  });

  it('a CTE in IN / EXISTS subqueries, nested two levels deep and in a later CTE', () => {
    expect(() => analyze('WITH k AS (SELECT a FROM u) SELECT s FROM t WHERE a IN (SELECT a FROM k)')).not.toThrow();
    expect(() => analyze('WITH k AS (SELECT a FROM u) SELECT s FROM t WHERE EXISTS (SELECT 1 FROM u WHERE u.a IN (SELECT a FROM k))')).not.toThrow();
    expect(() => analyze('WITH k AS (SELECT a FROM u), m AS (SELECT a FROM t WHERE a = (SELECT max(a) FROM k)) SELECT * FROM m')).not.toThrow();
  });

  it('a CTE is not visible inside itself nor outside its query', () => {
    expect(() => analyze('WITH k AS (SELECT a FROM t WHERE a IN (SELECT a FROM k)) SELECT * FROM k')).toThrow(/TABLE_OR_VIEW_NOT_FOUND/);
    expect(() => analyze('SELECT * FROM t WHERE a IN (SELECT a FROM (WITH k AS (SELECT a FROM u) SELECT a FROM k)) AND b IN (SELECT a FROM k)')).toThrow(/TABLE_OR_VIEW_NOT_FOUND/);
  });
});
