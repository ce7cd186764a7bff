import { describe, expect, it } from 'vitest';
import { formatAppError } from '../../../src/cluster/submit/app-error.js';
import { TsSparkError } from '../../../src/common/errors.js';

describe('formatAppError', () => {
  it('prints the stack once, then the cause chain', () => {
    const e = new Error('outer', { cause: new TypeError('middle', { cause: 'root string' }) });
    const text = formatAppError(e);
    expect(text.startsWith('Error: outer\n    at ')).toBe(true);
    expect(text.match(/outer/g)).toHaveLength(1);
    expect(text).toContain('\nCaused by: TypeError: middle\n    at ');
    expect(text).toContain('\nCaused by: non-Error value thrown: root string');
  });

  it('adds a hint that the stack does not already show, and handles non-Error values and stackless errors', () => {
    const e = new TsSparkError('INVALID_ARGUMENT', 'bad slices', { hint: 'use numSlices >= 1' });
    expect(formatAppError(e).match(/Hint: use numSlices >= 1/g)).toHaveLength(1);
    const stackless = new Error('no stack');
    stackless.stack = undefined;
    (stackless as Error & { hint?: string }).hint = 'try again';
    expect(formatAppError(stackless)).toBe('Error: no stack\nHint: try again');
    expect(formatAppError({ code: 42 })).toBe('non-Error value thrown: {"code":42}');
  });

  it('prints user errors (analysis, parse, failed job around a malformed record) without stacks, the whole message kept', () => {
    const unresolved = new TsSparkError('ANALYSIS_ERROR', "[UNRESOLVED_COLUMN.WITH_SUGGESTION] A column or function parameter with name `nme` cannot be resolved. Did you mean one of the following? [`name`, `age`].; line 1 pos 7",
      { details: { errorClass: 'UNRESOLVED_COLUMN.WITH_SUGGESTION' } });
    expect(formatAppError(unresolved)).toBe(`AnalysisException: ${unresolved.message}`);
    const parse = new TsSparkError('PARSE_ERROR', "[PARSE_SYNTAX_ERROR] Syntax error at or near 'FORM'.(line 1, pos 9)\n\n== SQL ==\nSELECT 1 FORM t\n---------^^^\n");
    expect(formatAppError(parse)).toBe(`ParseException: ${parse.message}`);
    const malformed = new TsSparkError('CORRUPT_FILE', 'Malformed records are detected in record parsing. Parse Mode: FAILFAST.');
    malformed.stack = `TsSparkError: ${malformed.message}\n    at parseLine (file:///x/json.js:1:1)`;
    const job = new TsSparkError('JOB_FAILED', `Job aborted due to stage failure: Task 0 in stage 0.0 failed 1 times, most recent failure: Lost task 0.0 in stage 0.0 (TID 0) (executor driver): ${malformed.stack}`, { cause: malformed });
    const text = formatAppError(job);
    expect(text).toBe('SparkException: Job aborted due to stage failure: Task 0 in stage 0.0 failed 1 times, most recent failure: Lost task 0.0 in stage 0.0 (TID 0) (executor driver): '
      + `TsSparkError: ${malformed.message}\nCaused by: TsSparkError: ${malformed.message}`);
    expect(text).not.toMatch(/\n\s+at /);
    // what the user error wraps (the parser's own SyntaxError) is shown by message only
    const withCause = new TsSparkError('CORRUPT_FILE', '[MALFORMED_RECORD_IN_PARSING.WITHOUT_SUGGESTION] Malformed records', { cause: new SyntaxError('Expected property name') });
    expect(formatAppError(new TsSparkError('JOB_FAILED', 'Job aborted', { cause: withCause }))).toBe(
      'SparkException: Job aborted\nCaused by: TsSparkError: [MALFORMED_RECORD_IN_PARSING.WITHOUT_SUGGESTION] Malformed records\nCaused by: SyntaxError: Expected property name');
  });

  it('keeps full stacks for internal errors and for a user function that threw inside a job', () => {
    const internal = new TsSparkError('INTERNAL', 'no RDD 3 registered');
    expect(formatAppError(internal)).toMatch(/^TsSparkError: no RDD 3 registered\n\s+at /);
    const userFn = new Error('boom in map');
    userFn.stack = 'Error: boom in map\n    at myMapper (file:///app/job.ts:3:9)';
    const job = new TsSparkError('JOB_FAILED', `Job aborted due to stage failure: ${userFn.stack}`, { cause: userFn });
    const text = formatAppError(job);
    expect(text).toContain('Caused by: Error: boom in map\n    at myMapper (file:///app/job.ts:3:9)');
    expect(text).toMatch(/^TsSparkError: Job aborted due to stage failure: Error: boom in map\n    at myMapper/);
  });
});
