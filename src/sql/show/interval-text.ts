// Spark's text of interval values: ANSI day-time (µs) as INTERVAL 'd hh:mm:ss[.ffffff]' DAY TO SECOND, year-month
// (months) as INTERVAL 'y-m' YEAR TO MONTH, and legacy calendar intervals as "1 months 2 days 3.5 seconds".
import type { DataType } from '../types/data-type.js';

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

export function dayTimeIntervalText(micros: number): string {
  const neg = micros < 0;
  let rest = Math.abs(micros);
  const frac = rest % 1_000_000;
  rest = (rest - frac) / 1_000_000;
  const secs = rest % 60; rest = (rest - secs) / 60;
  const mins = rest % 60; rest = (rest - mins) / 60;
  const hours = rest % 24;
  const days = (rest - hours) / 24;
  const fracText = frac === 0 ? '' : `.${String(frac).padStart(6, '0').replace(/0+$/, '')}`;
  return `INTERVAL '${neg ? '-' : ''}${days} ${pad2(hours)}:${pad2(mins)}:${pad2(secs)}${fracText}' DAY TO SECOND`;
}

export function yearMonthIntervalText(months: number): string {
  const m = Math.abs(months);
  return `INTERVAL '${months < 0 ? '-' : ''}${Math.floor(m / 12)}-${m % 12}' YEAR TO MONTH`;
}

export function calendarIntervalText(v: unknown): string {
  if (typeof v !== 'object' || v === null) return String(v);
  const { months = 0, days = 0, microseconds = 0 } = v as { months?: number; days?: number; microseconds?: number };
  const parts: string[] = [];
  if (months !== 0) {
    const y = Math.trunc(months / 12);
    const mo = months % 12;
    if (y !== 0) parts.push(`${y} years`);
    if (mo !== 0) parts.push(`${mo} months`);
  }
  if (days !== 0) parts.push(`${days} days`);
  if (microseconds !== 0) {
    let rest = microseconds;
    const h = Math.trunc(rest / 3_600_000_000); rest -= h * 3_600_000_000;
    const mi = Math.trunc(rest / 60_000_000); rest -= mi * 60_000_000;
    if (h !== 0) parts.push(`${h} hours`);
    if (mi !== 0) parts.push(`${mi} minutes`);
    if (rest !== 0) parts.push(`${(rest / 1_000_000).toString()} seconds`);
  }
  return parts.length === 0 ? '0 seconds' : parts.join(' ');
}

/** The text of an interval value of `t` (an interval type), or undefined for other types. */
export function intervalText(v: unknown, t: DataType): string | undefined {
  switch (t.kind) {
    case 'day_time_interval': return typeof v === 'number' ? dayTimeIntervalText(v) : String(v);
    case 'year_month_interval': return typeof v === 'number' ? yearMonthIntervalText(v) : String(v);
    case 'calendar_interval': return calendarIntervalText(v);
    default: return undefined;
  }
}
