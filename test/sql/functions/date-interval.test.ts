// DATE ± INTERVAL n DAYS stays a DATE (Spark's DateAdd over ExtractANSIIntervalDays); other day-time intervals
// turn the date into a timestamp; year-month intervals keep the date.
import { describe, expect, it } from 'vitest';
import { evalConstant } from '../../../src/planner/expr/index.js';
import { exprType } from '../../../src/planner/expr/expr-type.js';
import type { Expression } from '../../../src/planner/expr/expression.js';
import { resolveFunction } from '../../../src/sql/functions/index.js';
import { simpleString } from '../../../src/sql/types/data-type.js';

const date = (s: string): Expression => ({ kind: 'literal', value: Date.parse(`${s}T00:00:00Z`) / 86_400_000, type: { kind: 'date' } });
const dayTime = (micros: number): Expression => ({ kind: 'literal', value: micros, type: { kind: 'day_time_interval' } });
const DAY = 86_400_000_000;
const run = (op: string, a: Expression, b: Expression): { type: string; value: unknown } => {
  const e = resolveFunction(op, [a, b], { ansi: false });
  return { type: simpleString(exprType(e)), value: evalConstant(e) };
};

describe('date and day intervals', () => {
  it('whole days keep a date', () => {
    expect(run('-', date('2024-03-01'), dayTime(DAY))).toEqual({ type: 'date', value: Date.parse('2024-02-29T00:00:00Z') / 86_400_000 });
    expect(run('+', date('2024-01-31'), dayTime(3 * DAY)).type).toBe('date');
    expect(run('+', dayTime(2 * DAY), date('2024-01-31')).type).toBe('date');
  });
  it('hours make a timestamp', () => {
    expect(run('+', date('2024-01-01'), dayTime(DAY / 2)).type).toBe('timestamp');
  });
});
