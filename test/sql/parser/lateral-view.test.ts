// LATERAL VIEW clauses after FROM and multi-name generator aliases `AS (a, b)` in the select list.
import { describe, expect, it } from 'vitest';
import { parseStatement } from '../../../src/sql/parser/index.js';
import type { Query, SelectCore } from '../../../src/sql/parser/ast.js';

function core(sql: string): SelectCore {
  const st = parseStatement(sql) as Query;
  if (st.body.kind !== 'select') throw new Error('not a select');
  return st.body;
}

describe('LATERAL VIEW', () => {
  it('parses several views in a row, OUTER, table and column aliases', () => {
    const c = core('SELECT * FROM t LATERAL VIEW explode(a) x AS c LATERAL VIEW OUTER posexplode(b) y p, v WHERE c > 1');
    expect(c.lateralViews?.map((v) => [v.outer, v.table, v.columns, v.generator.kind])).toEqual([
      [false, 'x', ['c'], 'function'],
      [true, 'y', ['p', 'v'], 'function'],
    ]);
    expect(c.where?.kind).toBe('binary');
  });

  it('columns are optional', () => {
    const c = core('SELECT * FROM t LATERAL VIEW explode(a) x');
    expect(c.lateralViews?.[0]?.columns).toEqual([]);
    expect(c.lateralViews?.[0]?.table).toBe('x');
  });

  it('a select without lateral views has none', () => {
    expect(core('SELECT a FROM t').lateralViews).toBeUndefined();
  });
});

describe('generator aliases', () => {
  it('AS (a, b) names every output', () => {
    const c = core('SELECT posexplode(arr) AS (p, v), x y FROM t');
    expect(c.items[0]).toMatchObject({ aliases: ['p', 'v'] });
    expect(c.items[0]!.alias).toBeUndefined();
    expect(c.items[1]).toMatchObject({ alias: 'y' });
  });

  it('AS name stays a single alias', () => {
    expect(core('SELECT explode(arr) AS e FROM t').items[0]).toMatchObject({ alias: 'e' });
  });
});
