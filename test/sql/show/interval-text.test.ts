// Interval values as Spark prints them in show() and in the spark-sql (hive) result form.
import { describe, expect, it } from 'vitest';
import { renderValue } from '../../../src/sql/show/index.js';
import { calendarIntervalText, dayTimeIntervalText, yearMonthIntervalText } from '../../../src/sql/show/interval-text.js';

describe('interval text', () => {
  it('day-time intervals (µs) as DAY TO SECOND', () => {
    expect(dayTimeIntervalText(86_400_000_000)).toBe("INTERVAL '1 00:00:00' DAY TO SECOND");
    expect(dayTimeIntervalText(93_784_000_000)).toBe("INTERVAL '1 02:03:04' DAY TO SECOND");
    expect(dayTimeIntervalText(-5_184_000_000_000)).toBe("INTERVAL '-60 00:00:00' DAY TO SECOND");
    expect(dayTimeIntervalText(1_500_000)).toBe("INTERVAL '0 00:00:01.5' DAY TO SECOND");
  });
  it('year-month intervals (months) as YEAR TO MONTH', () => {
    expect(yearMonthIntervalText(14)).toBe("INTERVAL '1-2' YEAR TO MONTH");
    expect(yearMonthIntervalText(-3)).toBe("INTERVAL '-0-3' YEAR TO MONTH");
  });
  it('calendar intervals in the legacy words form', () => {
    expect(calendarIntervalText({ months: 14, days: 3, microseconds: 3_723_500_000 })).toBe('1 years 2 months 3 days 1 hours 2 minutes 3.5 seconds');
    expect(calendarIntervalText({ months: 0, days: 0, microseconds: 0 })).toBe('0 seconds');
  });
  it('renderValue uses them', () => {
    expect(renderValue(86_400_000_000, { kind: 'day_time_interval' })).toBe("INTERVAL '1 00:00:00' DAY TO SECOND");
    expect(renderValue(14, { kind: 'year_month_interval' })).toBe("INTERVAL '1-2' YEAR TO MONTH");
  });
});
