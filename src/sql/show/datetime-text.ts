// Spark's text of dates and timestamps: `2020-01-01`, `2020-01-01 10:00:00[.fraction without trailing zeros]`,
// timestamps shown in the session time zone (offsets from Intl, cached per zone and hour).
import { civil } from '../../planner/expr/kernels/calendar.js';
const DAY_MS = 86_400_000;

function pad(n: number, w: number): string {
  const s = String(Math.abs(n));
  return (n < 0 ? '-' : '') + (s.length >= w ? s : '0'.repeat(w - s.length) + s);
}

/** Civil date of a day number (days since 1970-01-01), proleptic Gregorian. */
export function civilFromDays(days: number): { year: number; month: number; day: number } {
  const [year, month, day] = civil(days);
  return { year, month, day };
}

/** Day number of a civil date. */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = month > 2 ? month - 3 : month + 9;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function formatDate(days: number): string {
  const { year, month, day } = civilFromDays(days);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const offsetCache = new Map<string, number>();

/** Offset of `zone` from UTC in ms at the instant `ms` (UTC and fixed offsets without Intl). */
export function zoneOffsetMs(zone: string, ms: number): number {
  if (zone === 'UTC' || zone === 'GMT' || zone === 'Z' || zone === 'Etc/UTC') return 0;
  const fixed = /^(?:UTC|GMT)?([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(zone);
  if (fixed) return (fixed[1] === '-' ? -1 : 1) * (Number(fixed[2]) * 60 + Number(fixed[3] ?? 0)) * 60_000;
  const hour = Math.floor(ms / 3_600_000);
  const key = `${zone}@${hour}`;
  const hit = offsetCache.get(key);
  if (hit !== undefined) return hit;
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric', era: 'short' });
    formatters.set(zone, f);
  }
  const parts: Record<string, string> = {};
  for (const p of f.formatToParts(new Date(hour * 3_600_000))) parts[p.type] = p.value;
  let year = Number(parts.year);
  if (parts.era === 'BC' || parts.era === 'B') year = 1 - year;
  const local = daysFromCivil(year, Number(parts.month), Number(parts.day)) * DAY_MS + Number(parts.hour) * 3_600_000 + Number(parts.minute) * 60_000 + Number(parts.second) * 1000;
  const off = local - hour * 3_600_000;
  if (offsetCache.size > 10_000) offsetCache.clear();
  offsetCache.set(key, off);
  return off;
}

/** `yyyy-MM-dd HH:mm:ss[.ffffff trimmed]` of µs since the epoch, as wall-clock time in `zone` (UTC for NTZ). */
export function formatTimestampMicros(micros: number, zone: string): string {
  const ms = Math.floor(micros / 1000);
  const local = micros + zoneOffsetMs(zone, ms) * 1000;
  const days = Math.floor(local / 86_400_000_000);
  let rest = local - days * 86_400_000_000;
  const frac = rest % 1_000_000;
  rest = (rest - frac) / 1_000_000;
  const hh = Math.floor(rest / 3600), mm = Math.floor((rest % 3600) / 60), ss = rest % 60;
  let text = `${formatDate(days)} ${pad(hh, 2)}:${pad(mm, 2)}:${pad(ss, 2)}`;
  if (frac !== 0) text += `.${pad(Math.round(frac), 6).replace(/0+$/, '')}`;
  return text;
}

/** The JVM-like default zone: the process's resolved zone. */
export function defaultTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'UTC';
}
