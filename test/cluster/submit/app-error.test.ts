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
});
