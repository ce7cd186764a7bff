// tsspark-sql's pure parts: spark-sql's arguments, the quote/comment-aware statement splitter, the Time taken
// line and the `[ERROR_CLASS] message` form.
import { describe, expect, it } from 'vitest';
import { TsSparkError } from '../../../src/common/errors.js';
import { parseSqlCliArgs } from '../../../src/cluster/sql-cli/cli-args.js';
import { errorLine, timeTakenLine } from '../../../src/cluster/sql-cli/result-printer.js';
import { scriptStatements } from '../../../src/cluster/sql-cli/sql-driver.js';
import { isBlank, splitSqlStatements } from '../../../src/cluster/sql-cli/statement-splitter.js';

describe('parseSqlCliArgs', () => {
  it('reads -e, --master, --name, repeated --conf (also k=v forms) and -S', () => {
    const a = parseSqlCliArgs(['--master', 'local[2]', '--name=n', '--conf', 'spark.sql.shuffle.partitions=4', '--hiveconf', 'a=b=c', '-S', '-e', 'select 1']);
    expect(a).toEqual({ action: 'run', execute: 'select 1', file: undefined, master: 'local[2]', name: 'n',
      conf: [['spark.sql.shuffle.partitions', '4'], ['a', 'b=c']], silent: true });
  });

  it('rejects -e with -f, unknown flags, a missing value and a conf without =', () => {
    expect(() => parseSqlCliArgs(['-e', 'x', '-f', 'y'])).toThrow(/cannot be specified simultaneously/);
    expect(() => parseSqlCliArgs(['--bogus'])).toThrow(/Unrecognized option/);
    expect(() => parseSqlCliArgs(['-f'])).toThrow(/Missing argument/);
    expect(() => parseSqlCliArgs(['--conf', 'novalue'])).toThrow(/key=value/);
    expect(parseSqlCliArgs(['-h']).action).toBe('help');
  });
});

describe('splitSqlStatements', () => {
  it('ignores ; inside quotes, backquotes and comments and keeps the unfinished tail', () => {
    const r = splitSqlStatements("select 'a;b', \"c;\", `d;e` -- x;y\n, 1; /* ; */ select 'it\\'s;'; select\n 2");
    expect(r.statements).toEqual(["select 'a;b', \"c;\", `d;e` -- x;y\n, 1", "/* ; */ select 'it\\'s;'"]);
    expect(r.rest).toBe(' select\n 2');
  });

  it('drops empty and comment-only pieces; a script runs its last statement without ;', () => {
    expect(splitSqlStatements(';; -- c\n;').statements).toEqual([]);
    expect(isBlank(' -- only\n /* c */ ')).toBe(true);
    expect(scriptStatements('select 1; select 2')).toEqual(['select 1', 'select 2']);
    expect(scriptStatements('select 1; -- done\n')).toEqual(['select 1']);
  });
});

describe('printing', () => {
  it("Time taken in Java's double form; the row count only when rows came back", () => {
    expect(timeTakenLine(1234, 3)).toBe('Time taken: 1.234 seconds, Fetched 3 row(s)');
    expect(timeTakenLine(2000, 0)).toBe('Time taken: 2.0 seconds');
  });

  it("errors as [ERROR_CLASS] message, unwrapped from job failures, Spark's whole message without stack lines", () => {
    const notFound = '[TABLE_OR_VIEW_NOT_FOUND] The table `t` cannot be found.\n\n== SQL ==\nselect * from t\n--------------^';
    expect(errorLine(new TsSparkError('ANALYSIS_ERROR', `${notFound}\n    at resolve (file:///x.js:1:1)`))).toBe(notFound);
    const inner = new TsSparkError('ARITHMETIC_ERROR', 'Division by zero.', { details: { errorClass: 'DIVIDE_BY_ZERO' } });
    expect(errorLine(new TsSparkError('JOB_FAILED', 'Job aborted', { cause: inner }))).toBe('[DIVIDE_BY_ZERO] Division by zero.');
    expect(errorLine(new TsSparkError('PARSE_ERROR', 'Syntax error at or near x'))).toBe('[PARSE_ERROR] Syntax error at or near x');
    expect(errorLine(new RangeError('boom'))).toBe('[INTERNAL_ERROR] boom');
  });
});
