import { describe, expect, it } from 'vitest';
import {
  exprToSql, parseDataType, parseExpression, parseStatement, parseStatements, parseTableSchema, dataTypeToSql,
} from '../../../src/sql/parser/index.js';
import { isTsSparkError, type TsSparkError } from '../../../src/common/errors.js';
import { expressionCases } from './expression-cases.js';
import { statementCases } from './statement-cases.js';
import { sx } from './sx.js';

function parseError(f: () => unknown): TsSparkError {
  try {
    f();
  } catch (e) {
    if (isTsSparkError(e, 'PARSE_ERROR')) return e;
    throw e;
  }
  throw new Error('expected a parse error');
}

describe('expressions', () => {
  it.each(expressionCases)('%s', (sql, expected) => {
    expect(exprToSql(parseExpression(sql))).toBe(expected);
  });

  it('keeps literal types', () => {
    const types = ['1', '1L', '1S', '1Y', '1BD', '1.5', '1.5D', '1e3', '1F', '3000000000', '99999999999999999999', '-2147483648', '2147483648']
      .map((s) => {
        const e = parseExpression(s);
        return e.kind === 'number' ? e.type : e.kind;
      });
    expect(types).toEqual(['int', 'bigint', 'smallint', 'tinyint', 'decimal', 'decimal', 'double', 'double', 'float', 'bigint', 'decimal', 'int', 'bigint']);
  });

  it('unescapes strings and identifiers like Spark', () => {
    expect(parseExpression(String.raw`'a\'b\\c\nd\u0041'`)).toEqual({ kind: 'string', value: "a'b\\c\ndA" });
    expect(parseExpression(`"say \\"hi\\""`)).toEqual({ kind: 'string', value: 'say "hi"' });
    expect(parseExpression(String.raw`'100\%'`)).toEqual({ kind: 'string', value: '100\\%' });
    expect(parseExpression('`a``b`.c')).toEqual({ kind: 'column', parts: ['a`b', 'c'] });
  });

  it('parses lambdas, subscripts and named args structurally', () => {
    expect(sx(parseExpression('filter(xs, (x, i) -> x > i)'))).toBe(
      'function{name=[filter] args=[column{parts=[xs]} lambda{params=[x i] body=binary{op=> left=column{parts=[x]} right=column{parts=[i]}}}]}',
    );
    expect(sx(parseExpression("m['k'][0]"))).toBe('subscript{expr=subscript{expr=column{parts=[m]} index=string{value=k}} index=number{type=int text=0}}');
    expect(sx(parseExpression('f(a => 1)'))).toBe('function{name=[f] args=[namedArg{name=a value=number{type=int text=1}}]}');
  });

  it('ignores comments', () => {
    expect(exprToSql(parseExpression('a /* block\ncomment */ + -- line\n b'))).toBe('(a + b)');
  });

  it('renders column names through an optional resolver', () => {
    expect(exprToSql(parseExpression('sum(s.f)'), { columnName: (p) => p.slice(1).join('.') })).toBe('sum(f)');
  });
});

describe('statements', () => {
  it.each(statementCases)('%s', (sql, expected) => {
    expect(sx(parseStatement(sql))).toBe(expected);
  });

  it('splits scripts on semicolons, keeping SET values raw', () => {
    const stmts = parseStatements('SET a.b=1;\nSELECT 1; ; -- done\nselect 2;');
    expect(stmts.map((s) => s.kind)).toEqual(['set', 'query', 'query']);
    expect(stmts[0]).toEqual({ kind: 'set', key: 'a.b', value: '1', verbose: false });
  });
});

describe('data types and schemas', () => {
  it.each([
    ['int', 'INT'], ['INTEGER', 'INT'], ['bigint', 'BIGINT'], ['long', 'BIGINT'], ['boolean', 'BOOLEAN'], ['tinyint', 'TINYINT'],
    ['smallint', 'SMALLINT'], ['float', 'FLOAT'], ['double', 'DOUBLE'], ['string', 'STRING'], ['binary', 'BINARY'],
    ['date', 'DATE'], ['timestamp', 'TIMESTAMP'], ['timestamp_ltz', 'TIMESTAMP'], ['timestamp_ntz', 'TIMESTAMP_NTZ'], ['void', 'VOID'],
    ['decimal', 'DECIMAL(10,0)'], ['decimal(38, 18)', 'DECIMAL(38,18)'], ['dec(5,2)', 'DECIMAL(5,2)'], ['numeric(4)', 'DECIMAL(4,0)'],
    ['varchar(5)', 'VARCHAR(5)'], ['char(2)', 'CHAR(2)'], ['array<array<int>>', 'ARRAY<ARRAY<INT>>'], ['map<string,int>', 'MAP<STRING, INT>'],
    ['struct<a:int,b:string>', 'STRUCT<a: INT, b: STRING>'], ['struct<a int not null, `b c`: array<string> comment "x">', 'STRUCT<a: INT NOT NULL, b c: ARRAY<STRING>>'],
    ['struct<>', 'STRUCT<>'], ['interval year to month', 'INTERVAL YEAR TO MONTH'], ['interval day', 'INTERVAL DAY'],
    ['interval hour to second', 'INTERVAL HOUR TO SECOND'], ['interval', 'INTERVAL'],
  ])('%s', (sql, expected) => {
    expect(dataTypeToSql(parseDataType(sql))).toBe(expected);
  });

  it('rejects unknown types', () => {
    expect(parseError(() => parseDataType('foo')).message).toContain('[UNSUPPORTED_DATATYPE] Unsupported data type "FOO"');
    expect(parseError(() => parseDataType('interval month to year')).code).toBe('PARSE_ERROR');
  });

  it('parses table schemas', () => {
    expect(parseTableSchema('a INT, b STRING NOT NULL, c: decimal(10,2) COMMENT \'money\'')).toEqual([
      { name: 'a', type: { kind: 'primitive', name: 'int' }, nullable: true },
      { name: 'b', type: { kind: 'primitive', name: 'string' }, nullable: false },
      { name: 'c', type: { kind: 'decimal', precision: 10, scale: 2 }, nullable: true },
    ]);
    expect(parseTableSchema('')).toEqual([]);
  });
});
