// Date/time kernels over day numbers and µs instants: local fields in the session zone, truncation, interval
// arithmetic (calendar intervals are { months, days, microseconds }; day-time intervals µs; year-month months).
import { addMonths, civil, daysFromCivil, daysInMonth, localMicros, MICROS_PER_DAY, utcMicros, weekday } from './calendar.js';
import type { Zone } from './time-zone.js';

export interface CalendarInterval {
  readonly months: number;
  readonly days: number;
  readonly microseconds: number;
}

function todMicros(ts: number, zone: Zone): number {
  const l = localMicros(ts, zone);
  return l - Math.floor(l / MICROS_PER_DAY) * MICROS_PER_DAY;
}

export const hour = (ts: number, zone: Zone): number => Math.floor(todMicros(ts, zone) / 3_600_000_000);
export const minute = (ts: number, zone: Zone): number => Math.floor(todMicros(ts, zone) / 60_000_000) % 60;
export const second = (ts: number, zone: Zone): number => Math.floor(todMicros(ts, zone) / 1_000_000) % 60;
/** Seconds with fraction as an unscaled decimal(8,6). */
export const secondWithFraction = (ts: number, zone: Zone): number => todMicros(ts, zone) % 60_000_000;

function truncLocalDays(days: number, unit: string): number | null {
  const [y, m] = civil(days);
  switch (unit) {
    case 'year': case 'yyyy': case 'yy': return daysFromCivil(y, 1, 1);
    case 'quarter': return daysFromCivil(y, Math.floor((m - 1) / 3) * 3 + 1, 1);
    case 'month': case 'mm': case 'mon': return daysFromCivil(y, m, 1);
    case 'week': return days - weekday(days);
    default: return null;
  }
}

/** trunc(date, fmt): YEAR/YYYY/YY, QUARTER, MONTH/MM/MON, WEEK; otherwise NULL. */
export function truncDate(days: number, fmt: string): number | null {
  return truncLocalDays(days, fmt.toLowerCase());
}

/** date_trunc(fmt, ts): truncation of the local time in the session zone. */
export function dateTrunc(fmt: string, ts: number, zone: Zone): number | null {
  const unit = fmt.toLowerCase();
  const local = localMicros(ts, zone);
  const days = Math.floor(local / MICROS_PER_DAY);
  const d = truncLocalDays(days, unit);
  if (d !== null) return utcMicros(d * MICROS_PER_DAY, zone);
  const step = ({ day: MICROS_PER_DAY, dd: MICROS_PER_DAY, hour: 3_600_000_000, minute: 60_000_000, second: 1_000_000, millisecond: 1000, microsecond: 1 } as Record<string, number>)[unit];
  if (step === undefined) return null;
  return utcMicros(Math.floor(local / step) * step, zone);
}

const DOW: Record<string, number> = { su: 6, sun: 6, sunday: 6, mo: 0, mon: 0, monday: 0, tu: 1, tue: 1, tuesday: 1, we: 2, wed: 2, wednesday: 2, th: 3, thu: 3, thursday: 3, fr: 4, fri: 4, friday: 4, sa: 5, sat: 5, saturday: 5 };

export function nextDay(days: number, dow: string): number | null {
  const target = DOW[dow.trim().toLowerCase()];
  if (target === undefined) return null;
  const cur = weekday(days);
  const delta = ((target - cur + 7) % 7) || 7;
  return days + delta;
}

export function makeDate(y: number, m: number, d: number): number | null {
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return daysFromCivil(y, m, d);
}

export function timestampAddInterval(ts: number, iv: CalendarInterval | number, zone: Zone): number {
  if (typeof iv === 'number') return ts + iv;
  if (iv.months === 0 && iv.days === 0) return ts + iv.microseconds;
  const local = localMicros(ts, zone);
  const days = Math.floor(local / MICROS_PER_DAY);
  const tod = local - days * MICROS_PER_DAY;
  const nd = addMonths(days, iv.months) + iv.days;
  return utcMicros(nd * MICROS_PER_DAY + tod, zone) + iv.microseconds;
}

export function timestampAddMonths(ts: number, months: number, zone: Zone): number {
  return timestampAddInterval(ts, { months, days: 0, microseconds: 0 }, zone);
}

export function dateAddInterval(days: number, iv: CalendarInterval, zone: Zone): number {
  if (iv.microseconds === 0) return addMonths(days, iv.months) + iv.days;
  const ts = timestampAddInterval(utcMicros(days * MICROS_PER_DAY, zone), iv, zone);
  return Math.floor(localMicros(ts, zone) / MICROS_PER_DAY);
}

export function negateInterval(iv: unknown): unknown {
  if (typeof iv === 'number') return -iv;
  const c = iv as CalendarInterval;
  return { months: -c.months, days: -c.days, microseconds: -c.microseconds };
}
