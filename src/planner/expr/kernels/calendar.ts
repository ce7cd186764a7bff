// Proleptic Gregorian calendar arithmetic on day numbers (days since 1970-01-01) and µs timestamps:
// civil dates, fields Spark extracts (year … weekofyear), month arithmetic, local fields of instants in a zone.
import type { Zone } from './time-zone.js';

export const MICROS_PER_DAY = 86_400_000_000;

/** days since epoch -> [year, month 1-12, day 1-31] (Hinnant's civil_from_days). */
export function civil(days: number): [number, number, number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

export function daysFromCivil(y0: number, m: number, d: number): number {
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeap(y) ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
}

export function year(days: number): number { return civil(days)[0]; }
export function month(days: number): number { return civil(days)[1]; }
export function dayOfMonth(days: number): number { return civil(days)[2]; }
export function quarter(days: number): number { return Math.floor((civil(days)[1] - 1) / 3) + 1; }
export function dayOfYear(days: number): number { return days - daysFromCivil(civil(days)[0], 1, 1) + 1; }
/** 1 = Sunday … 7 = Saturday (1970-01-01 was a Thursday). */
export function dayOfWeek(days: number): number { return ((((days + 4) % 7) + 7) % 7) + 1; }
/** 0 = Monday … 6 = Sunday. */
export function weekday(days: number): number { return ((((days + 3) % 7) + 7) % 7); }

/** ISO-8601 week number (weeks start Monday, week 1 has the year's first Thursday). */
export function weekOfYear(days: number): number {
  const thursday = days - weekday(days) + 3;
  const y = year(thursday);
  return Math.floor((thursday - daysFromCivil(y, 1, 1)) / 7) + 1;
}

/** add_months: the day is clamped to the end of the target month. */
export function addMonths(days: number, n: number): number {
  const [y, m, d] = civil(days);
  const total = y * 12 + (m - 1) + n;
  const ny = Math.floor(total / 12);
  const nm = total - ny * 12 + 1;
  return daysFromCivil(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

export function lastDay(days: number): number {
  const [y, m] = civil(days);
  return daysFromCivil(y, m, daysInMonth(y, m));
}

/** Local wall-clock µs of an instant in a zone. */
export function localMicros(micros: number, zone: Zone): number {
  return micros + zone.offsetAt(Math.floor(micros / 1000)) * 1000;
}

/** The instant of a local wall-clock µs value in a zone. */
export function utcMicros(local: number, zone: Zone): number {
  const ms = Math.floor(local / 1000);
  return zone.toUtc(ms) * 1000 + (local - ms * 1000);
}

export function floorDiv(a: number, b: number): number {
  return Math.floor(a / b);
}

/** The local date (day number) of an instant. */
export function timestampToDays(micros: number, zone: Zone): number {
  return Math.floor(localMicros(micros, zone) / MICROS_PER_DAY);
}

export function daysToTimestamp(days: number, zone: Zone): number {
  return utcMicros(days * MICROS_PER_DAY, zone);
}

/** months_between as Spark computes it (31-day months for the fraction, whole months when days match or both month-ends). */
export function monthsBetween(t1: number, t2: number, roundOff: boolean, zone: Zone): number {
  const l1 = localMicros(t1, zone);
  const l2 = localMicros(t2, zone);
  const d1 = Math.floor(l1 / MICROS_PER_DAY);
  const d2 = Math.floor(l2 / MICROS_PER_DAY);
  const [y1, m1, dd1] = civil(d1);
  const [y2, m2, dd2] = civil(d2);
  const months = (y1 - y2) * 12 + (m1 - m2);
  if (dd1 === dd2 || (dd1 === daysInMonth(y1, m1) && dd2 === daysInMonth(y2, m2))) return months;
  const sec1 = (dd1 - 1) * 86400 + (l1 - d1 * MICROS_PER_DAY) / 1e6;
  const sec2 = (dd2 - 1) * 86400 + (l2 - d2 * MICROS_PER_DAY) / 1e6;
  const diff = months + (sec1 - sec2) / (31 * 86400);
  return roundOff ? Math.round(diff * 1e8) / 1e8 : diff;
}
