// Spark forms the audit of issue 3 found missing: POSITION(substr IN str), keywords as column names in a DDL
// schema (non-ANSI mode reserves none there), and column names that show a defaulted last argument.
import { describe, expect, it } from 'vitest';
import { exprToSql, parseExpression, parseTableSchema } from '../../../src/sql/parser/index.js';

describe('POSITION and LOCATE', () => {
  it('`position(sub IN str)` is locate(sub, str), named with the default start 1', () => {
    const e = parseExpression("position('a' IN name)");
    expect(e).toEqual({ kind: 'function', name: ['locate'], args: [{ kind: 'string', value: 'a' }, { kind: 'column', parts: ['name'] }], distinct: false });
    expect(exprToSql(e)).toBe('locate(a, name, 1)');
    expect(exprToSql(parseExpression("POSITION(upper(x) || 'b' IN concat(s, 't'))"))).toBe('locate(concat(upper(x), b), concat(s, t), 1)');
    expect(exprToSql(parseExpression("position(x IN (s))"))).toBe('locate(x, s, 1)');
  });

  it('the call forms keep their names, with the default start shown', () => {
    expect(exprToSql(parseExpression("position('a', name)"))).toBe('position(a, name, 1)');
    expect(exprToSql(parseExpression("position('a', name, 3)"))).toBe('position(a, name, 3)');
    expect(exprToSql(parseExpression("locate('a', name)"))).toBe('locate(a, name, 1)');
  });
});

describe('split', () => {
  it("names split(s, ',') with Spark's default limit -1", () => {
    expect(exprToSql(parseExpression("split(s, ',')"))).toBe('split(s, ,, -1)');
    expect(exprToSql(parseExpression("split(s, ',', 2)"))).toBe('split(s, ,, 2)');
  });
});

describe('DDL schema strings', () => {
  it('take keywords as column names, reserved or not', () => {
    expect(parseTableSchema('when INT, x STRING').map((c) => c.name)).toEqual(['when', 'x']);
    expect(parseTableSchema('select INT, from STRING, order DOUBLE, join INT, table DATE, case BIGINT').map((c) => c.name))
      .toEqual(['select', 'from', 'order', 'join', 'table', 'case']);
    expect(parseTableSchema('s STRUCT<when: INT, end: STRING>')[0]!.type).toMatchObject({ kind: 'struct' });
  });
});
