// Error comparison: our failure is unwrapped from job/task wrappers; JSON-era golden errors are matched by
// errorClass, older free-text ones by exception kind; and the skip list / per-statement verdicts.
import { describe, expect, it } from 'vitest';
import { TsSparkError } from '../../../src/common/errors.js';
import { compare, errorClassMatches, legacyErrorClass, formatReportTable, observeError, parseSkipList, findSkip, recordedError } from '../../../src/sql/conformance/index.js';

describe('observeError / errorClassMatches', () => {
  it('reads the class from details or from a leading [CLASS] and unwraps job failures', () => {
    const cast = new TsSparkError('CAST_ERROR', "[CAST_INVALID_INPUT] The value 'a' …", { details: { errorClass: 'CAST_INVALID_INPUT' } });
    const wrapped = new TsSparkError('JOB_FAILED', 'Job aborted', { cause: new TsSparkError('TASK_FAILED', 'task 0 failed', { cause: cast }) });
    expect(observeError(wrapped)).toMatchObject({ code: 'CAST_ERROR', errorClass: 'CAST_INVALID_INPUT' });
    expect(observeError(new TsSparkError('ANALYSIS_ERROR', '[UNRESOLVED_COLUMN.WITH_SUGGESTION] A column …\nmore'))).toEqual({
      code: 'ANALYSIS_ERROR', errorClass: 'UNRESOLVED_COLUMN.WITH_SUGGESTION', message: '[UNRESOLVED_COLUMN.WITH_SUGGESTION] A column …\nmore' });
    expect(observeError(new TypeError('x is undefined'))).toEqual({ code: 'INTERNAL', message: 'x is undefined' });
  });

  it("keeps Spark's whole multi-line message (Expected one of, the caret block) but never a stack", () => {
    const text = "[PARSE_SYNTAX_ERROR] Syntax error at or near 'FORM'. (line 1, pos 9)\nExpected one of: ','.\n\n== SQL ==\nSELECT 1 FORM t\n---------^^^";
    expect(observeError(new TsSparkError('PARSE_ERROR', text)).message).toBe(text);
    const lost = new TsSparkError('JOB_FAILED', 'Job aborted due to stage failure: Lost task 0.0 (TID 1): Error: boom\n    at f (file:///a.js:1:2)\n    at g (file:///a.js:3:4)');
    expect(observeError(lost).message).toBe('Job aborted due to stage failure: Lost task 0.0 (TID 1): Error: boom');
  });

  it('JSON errors match by errorClass, free-text ones by exception kind', () => {
    const json = recordedError('org.apache.spark.sql.AnalysisException\n{\n  "errorClass" : "INVALID_INLINE_TABLE.NUM_COLUMNS_MISMATCH"\n}')!;
    expect(errorClassMatches(json, { code: 'ANALYSIS_ERROR', errorClass: 'INVALID_INLINE_TABLE.NUM_COLUMNS_MISMATCH', message: '' })).toBe(true);
    expect(errorClassMatches(json, { code: 'ANALYSIS_ERROR', errorClass: 'INVALID_INLINE_TABLE', message: '' })).toBe(false);
    const parse = recordedError('org.apache.spark.sql.catalyst.parser.ParseException\n\nextraneous input')!;
    expect(errorClassMatches(parse, { code: 'PARSE_ERROR', message: '' })).toBe(true);
    expect(errorClassMatches(parse, { code: 'ANALYSIS_ERROR', message: '' })).toBe(false);
    expect(recordedError('1\t2')).toBeUndefined();
  });

  it('pre-3.4 free text is compared with the 3.5 class that replaced it', () => {
    expect(legacyErrorClass('Table or view not found: s; line 1 pos 25')).toBe('TABLE_OR_VIEW_NOT_FOUND');
    expect(legacyErrorClass("cannot resolve '`nt2.k`' given input columns: [a.k]; line 1 pos 7")).toBe('UNRESOLVED_COLUMN');
    expect(legacyErrorClass('\nmismatched input \'DROP\' expecting <EOF>(line 5, pos 0)')).toBe('PARSE_SYNTAX_ERROR');
    expect(legacyErrorClass("cannot resolve 'x IN (listquery())' due to data type mismatch: \nThe number of columns in the left hand side of a predicate subquery does not match the\nnumber of columns in the output of subquery.")).toBe('DATATYPE_MISMATCH.IN_SUBQUERY_LENGTH_MISMATCH');
    const rec = recordedError("org.apache.spark.sql.AnalysisException\ncannot resolve '`nt2.k`' given input columns: [k]; line 1 pos 7")!;
    expect(errorClassMatches(rec, { code: 'ANALYSIS_ERROR', errorClass: 'UNRESOLVED_COLUMN.WITH_SUGGESTION', message: '' })).toBe(true);
    expect(errorClassMatches(rec, { code: 'ANALYSIS_ERROR', errorClass: 'TABLE_OR_VIEW_NOT_FOUND', message: '' })).toBe(false);
    expect(errorClassMatches(rec, { code: 'ANALYSIS_ERROR', message: '' })).toBe(false);
  });
});

describe('statement verdicts and the table', () => {
  const block = { sql: 'select 1', schema: 'struct<1:int>', output: '1' };
  const errBlock = { sql: 'select x', schema: 'struct<>', output: 'org.apache.spark.sql.AnalysisException\nno x', error: recordedError('org.apache.spark.sql.AnalysisException\nno x')! };

  it('an answer passes only with the same schema and text; a recorded error passes when we fail too', () => {
    expect(compare(0, 'select 1', block, { kind: 'answer', schema: 'struct<1:int>', output: '1', rows: 1 }).pass).toBe(true);
    expect(compare(0, 'select 1', block, { kind: 'answer', schema: 'struct<1:bigint>', output: '1', rows: 1 })).toMatchObject({ pass: false, rowsMatch: true, schemaMatch: false });
    expect(compare(0, 'select 1', block, { kind: 'error', error: { code: 'INTERNAL', message: 'boom' } }).pass).toBe(false);
    const r = compare(1, 'select x', errBlock, { kind: 'error', error: { code: 'PARSE_ERROR', message: 'bad' } });
    expect(r).toMatchObject({ pass: true, failedToo: true, errorClassMatch: false });
    expect(compare(1, 'select x', errBlock, { kind: 'answer', schema: 'struct<>', output: '', rows: 0 }).pass).toBe(false);
  });

  it('skip entries match by index or statement prefix', () => {
    const skips = parseSkipList('file\tstatement\tspark_version\treason\n# comment\ncte\t2\t3.5\tnew text\nunion\tSELECT map\t4.0\tansi\n');
    expect(findSkip(skips, 'cte', 2, 'x')?.sparkVersion).toBe('3.5');
    expect(findSkip(skips, 'union', 9, 'SELECT map(1, 2)')?.reason).toBe('ansi');
    expect(findSkip(skips, 'union', 9, 'SELECT array(1)')).toBeUndefined();
    expect(() => parseSkipList('cte\t2\n')).toThrow(/4 tab-separated/);
  });

  it('prints one line per file and the totals', () => {
    const stmts = [compare(0, 'select 1', block, { kind: 'answer', schema: 'struct<1:int>', output: '1', rows: 1 }),
      compare(1, 'select x', errBlock, { kind: 'error', error: { code: 'ANALYSIS_ERROR', message: 'x' } })];
    const text = formatReportTable([{ name: 'f', era: '2.x', ansi: false, statements: stmts, millis: 5 }]);
    expect(text).toMatch(/^f\s+2\.x\s+off\s+2\s+1\/1\s+1\/1\s+1\/1\s+1\/1\s+0\s+2\/2\s+5$/m);
    expect(text).toMatch(/^TOTAL\s+2\s+1\/1\s+1\/1\s+1\/1\s+1\/1\s+0\s+2\/2\s+5$/m);
    expect(text).toContain('answered statements matching schema and rows: 1/1 (100.0%)');
  });
});
