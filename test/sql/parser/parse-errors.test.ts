import { describe, expect, it } from 'vitest';
import { parseExpression, parseStatement, parseStatements } from '../../../src/sql/parser/index.js';
import { isTsSparkError, type TsSparkError } from '../../../src/common/errors.js';

function parseError(f: () => unknown): TsSparkError {
  try {
    f();
  } catch (e) {
    if (isTsSparkError(e, 'PARSE_ERROR')) return e;
    throw e;
  }
  throw new Error('expected a parse error');
}

describe('parse errors', () => {
  it('reports Spark-like message, 1-based line/column, 0-based pos, expected tokens and a caret', () => {
    const e = parseError(() => parseStatement('SELECT a,\nb FROM t\nWHERE a = = 1'));
    expect(e.message.split('\n')[0]).toBe("[PARSE_SYNTAX_ERROR] Syntax error at or near '='. (line 3, pos 10)");
    expect(e.details).toMatchObject({ line: 3, column: 11, pos: 10, offendingToken: '=' });
    expect(e.details.expected).toEqual(expect.arrayContaining(['identifier', 'number', "'('"]));
    expect(e.message).toContain('== SQL ==\nSELECT a,\nb FROM t\nWHERE a = = 1\n----------^');
  });

  it('names the end of input', () => {
    const e = parseError(() => parseStatement('SELECT a FROM t WHERE'));
    expect(e.message.split('\n')[0]).toBe('[PARSE_SYNTAX_ERROR] Syntax error at or near end of input. (line 1, pos 21)');
    expect(e.details.offendingToken).toBe('<EOF>');
  });

  it('lists the single expected keyword', () => {
    const e = parseError(() => parseStatement('SELECT a FROM t GROUP a'));
    expect(e.details).toMatchObject({ line: 1, column: 23, expected: ["'BY'"] });
    expect(e.message).toContain("Expected one of: 'BY'.");
  });

  it('rejects a misspelled keyword at its position', () => {
    const e = parseError(() => parseStatement('SELEC 1'));
    expect(e.details).toMatchObject({ line: 1, column: 1, offendingToken: 'SELEC' });
    expect(e.details.expected).toEqual(expect.arrayContaining(["'SELECT'", "'CREATE'", "'WITH'"]));
  });

  it('reports trailing garbage', () => {
    expect(parseError(() => parseStatement('SELECT 1 2')).details).toMatchObject({ column: 10, offendingToken: '2' });
    expect(parseError(() => parseExpression('a b')).details).toMatchObject({ column: 3, offendingToken: 'b' });
  });

  it('reports unterminated strings and comments with their position', () => {
    const s = parseError(() => parseStatement("SELECT 1,\n  'abc"));
    expect(s.message).toContain('Unterminated string literal. (line 2, pos 2)');
    expect(s.details).toMatchObject({ line: 2, column: 3 });
    const c = parseError(() => parseStatement('SELECT 1 /* never closed'));
    expect(c.message).toContain('[UNCLOSED_BRACKETED_COMMENT]');
    expect(c.details).toMatchObject({ line: 1, column: 10 });
    expect(parseError(() => parseStatement('SELECT `abc')).message).toContain('Unterminated quoted identifier');
  });

  it('reports errors in the right statement of a script with script-level lines', () => {
    const e = parseError(() => parseStatements('SELECT 1;\nSELECT 2;\nSELECT FROM;'));
    expect(e.details).toMatchObject({ line: 3, column: 8, offendingToken: 'FROM' });
  });

  it.each([
    'SELECT * FROM t WHERE x IN ()',
    'SELECT',
    'SELECT 1 +',
    'SELECT CAST(a AS)',
    'SELECT CAST(a AS foo)',
    'SELECT a FROM',
    'SELECT * FROM a JOIN',
    'SELECT * FROM t ORDER a',
    'CREATE TEMPORARY VIEW v',
    'DROP t',
    'SELECT 1L.5',
    'SELECT 128Y',
    'SELECT CASE WHEN a THEN 1',
    'SELECT INTERVAL 1 DAY 2',
    "SELECT X'GG'",
    '',
  ])('rejects %j', (sql) => {
    expect(parseError(() => parseStatement(sql)).code).toBe('PARSE_ERROR');
  });
});
