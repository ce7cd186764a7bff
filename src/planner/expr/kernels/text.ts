// Spark's text forms of values: dates/timestamps as cast(... as string) prints them and Spark's lenient string
// parsing for casts (stringToDate/stringToTimestamp, integral strings with a fraction, decimals), Java Float.toString.
import { javaDoubleString } from '../../../sql/parser/expr-to-sql.js';
import { civil, daysFromCivil, daysInMonth, localMicros, MICROS_PER_DAY, utcMicros } from './calendar.js';
import { getZone, type Zone } from './time-zone.js';

const p2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

export function dateToString(days: number): string {
  const [y, m, d] = civil(days);
  const ys = y >= 0 && y <= 9999 ? String(y).padStart(4, '0') : y > 9999 ? `+${y}` : `-${String(-y).padStart(4, '0')}`;
  return `${ys}-${p2(m)}-${p2(d)}`;
}

/** Local time of day (µs) as HH:mm:ss[.ffffff] with trailing zeros of the fraction removed. */
function timeOfDay(tod: number): string {
  const secs = Math.floor(tod / 1e6);
  const frac = tod - secs * 1e6;
  let s = `${p2(Math.floor(secs / 3600))}:${p2(Math.floor(secs / 60) % 60)}:${p2(secs % 60)}`;
  if (frac > 0) s += `.${String(frac).padStart(6, '0').replace(/0+$/, '')}`;
  return s;
}

export function timestampToString(micros: number, zone: Zone): string {
  return localMicrosToString(localMicros(micros, zone));
}

export function localMicrosToString(local: number): string {
  const days = Math.floor(local / MICROS_PER_DAY);
  return `${dateToString(days)} ${timeOfDay(local - days * MICROS_PER_DAY)}`;
}

/** Spark's stringToDate: yyyy, yyyy-[m]m, yyyy-[m]m-[d]d, optionally followed by ' ' or 'T' and anything. */
export function stringToDate(text: string): number | null {
  const s = text.trim();
  const m = /^([+-]?\d{4,7})(?:-(\d{1,2})(?:-(\d{1,2})(?:[ T].*)?)?)?$/s.exec(s);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = m[2] === undefined ? 1 : Number(m[2]);
  const d = m[3] === undefined ? 1 : Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  return daysFromCivil(y, mo, d);
}

const tsRe = /^([+-]?\d{4,7})(?:-(\d{1,2})(?:-(\d{1,2})(?:[ T](\d{1,2})(?::(\d{1,2})(?::(\d{1,2})(?:\.(\d{0,9}))?)?)?)?)?)?\s*(Z|UTC|GMT|[+-]\d{1,2}(?::?\d{2})?(?::?\d{2})?|(?:UTC|GMT)[+-]\d{1,2}(?::?\d{2})?|[A-Za-z_]+\/[A-Za-z_/]+)?$/;

/** Spark's stringToTimestamp: date, optional time with fraction, optional zone (Z, +hh:mm, region); else the session zone. */
export function stringToTimestamp(text: string, zone: Zone): number | null {
  const s = text.trim();
  const m = tsRe.exec(s);
  if (!m) {
    // T-prefixed or time-only forms are rare; Spark also accepts 'yyyy-mm-ddT' etc. — not supported here
    return null;
  }
  const y = Number(m[1]);
  const mo = m[2] === undefined ? 1 : Number(m[2]);
  const d = m[3] === undefined ? 1 : Number(m[3]);
  const h = Number(m[4] ?? 0);
  const mi = Number(m[5] ?? 0);
  const sec = Number(m[6] ?? 0);
  const frac = m[7] ? Number(m[7].slice(0, 6).padEnd(6, '0')) : 0;
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || sec > 59) return null;
  const local = daysFromCivil(y, mo, d) * MICROS_PER_DAY + ((h * 60 + mi) * 60 + sec) * 1e6 + frac;
  return utcMicros(local, m[8] ? getZone(m[8]) : zone);
}

/** Timestamp without time zone from text (zone suffixes ignored). */
export function stringToTimestampNtz(text: string): number | null {
  return stringToTimestamp(text, getZone('UTC'));
}

/** Spark's UTF8String.toLong: optional sign, digits, optional '.digits' (the fraction is dropped); null if not integral. */
export function stringToIntegral(text: string, min: number, max: number): number | null {
  const s = text.trim();
  const m = /^([+-]?)(\d+)(?:\.(\d*))?$/.exec(s) ?? /^([+-]?)()\.(\d+)$/.exec(s);
  if (!m || (m[2] === '' && !m[3])) return null;
  const v = Number(`${m[1]}${m[2] === '' ? '0' : m[2]}`);
  if (v < min || v > max || !Number.isFinite(v)) return null;
  return v === 0 ? 0 : v;
}

export function stringToDouble(text: string): number | null {
  const s = text.trim();
  if (/^[+-]?\d*\.?\d+(?:[eE][+-]?\d+)?[dDfF]?$|^[+-]?\d+\.(?:[eE][+-]?\d+)?[dDfF]?$/.test(s)) return Number(s.replace(/[dDfF]$/, ''));
  const l = s.toLowerCase();
  if (l === 'nan') return NaN;
  if (l === 'inf' || l === '+inf' || l === 'infinity' || l === '+infinity') return Infinity;
  if (l === '-inf' || l === '-infinity') return -Infinity;
  return null;
}

/** Java's Float.toString for a float value held in a double: the shortest decimal that reads back as the same float. */
export function javaFloatString(f: number): string {
  if (!Number.isFinite(f) || f === 0) return javaDoubleString(f);
  for (let p = 1; p <= 9; p++) {
    const s = f.toPrecision(p);
    const v = Number(s);
    if (Math.fround(v) === f) return javaDoubleString(v);
  }
  return javaDoubleString(f);
}

export function longToString(v: number): string {
  return Math.abs(v) < 1e21 ? String(v === 0 ? 0 : v) : BigInt(v).toString();
}

/** An unscaled decimal as text with exactly `scale` fraction digits. */
export function decimalToString(unscaled: number, scale: number): string {
  const neg = unscaled < 0;
  let digits = longToString(Math.abs(unscaled));
  if (scale > 0) {
    digits = digits.padStart(scale + 1, '0');
    digits = `${digits.slice(0, digits.length - scale)}.${digits.slice(digits.length - scale)}`;
  }
  return neg ? `-${digits}` : digits;
}

/**
 * Exact decimal text -> unscaled value at `scale` (HALF_UP), null when it has more than `precision` digits or is
 * not a number. Accepts exponents (1.5E3).
 */
export function parseDecimal(text: string, precision: number, scale: number): number | null {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text.trim());
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return null;
  let intPart = m[2]!;
  let frac = m[3] ?? '';
  let exp = Number(m[4] ?? 0);
  // move the decimal point by the exponent
  while (exp > 0) { intPart += frac[0] ?? '0'; frac = frac.slice(1); exp--; }
  while (exp < 0) { frac = (intPart.slice(-1) || '0') + frac; intPart = intPart.slice(0, -1); exp++; }
  let digits = (intPart + frac.slice(0, scale).padEnd(scale, '0')).replace(/^0+(?=\d)/, '');
  let v = BigInt(digits === '' ? '0' : digits);
  const next = frac[scale];
  if (next !== undefined && next >= '5') v += 1n;
  digits = v.toString();
  if (digits !== '0' && digits.length > precision) return null;
  const n = Number(v);
  return m[1] === '-' ? (n === 0 ? 0 : -n) : n;
}
