// Spark's datetime patterns (Java DateTimeFormatter letters: yyyy-MM-dd HH:mm:ss.SSS, EEE, MMM, a, XXX, 'quoted'):
// compiled once per pattern into a formatter of local fields and a parser to µs / days.
import { TsSparkError } from '../../../common/errors.js';
import { civil, dayOfWeek, dayOfYear, daysFromCivil, MICROS_PER_DAY, localMicros, utcMicros } from './calendar.js';
import { getZone, type Zone } from './time-zone.js';

type Token = { readonly letter: string; readonly count: number } | { readonly literal: string };

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function tokenize(pattern: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i]!;
    if (c === "'") {
      const end = pattern.indexOf("'", i + 1);
      if (end === i + 1) { out.push({ literal: "'" }); i += 2; continue; }
      const stop = end < 0 ? pattern.length : end;
      out.push({ literal: pattern.slice(i + 1, stop) });
      i = stop + 1;
    } else if (/[A-Za-z]/.test(c)) {
      let j = i;
      while (pattern[j] === c) j++;
      if ('GyuMLdDQqEeacHhKkmsSnzVXxZOwWY'.indexOf(c) < 0) {
        throw new TsSparkError('INVALID_ARGUMENT', `[INVALID_DATETIME_PATTERN] Unrecognized datetime pattern: ${pattern}`);
      }
      out.push({ letter: c, count: j - i });
      i = j;
    } else {
      out.push({ literal: c });
      i++;
    }
  }
  return out;
}

const pad = (n: number, w: number): string => (n < 0 ? '-' + String(-n).padStart(w, '0') : String(n).padStart(w, '0'));

function offsetText(offMs: number, letter: string, count: number): string {
  if (offMs === 0 && letter === 'X') return 'Z';
  const sign = offMs < 0 ? '-' : '+';
  const total = Math.abs(offMs) / 60000;
  const hh = pad(Math.floor(total / 60), 2);
  const mm = pad(total % 60, 2);
  if (letter === 'Z') return count === 4 ? `GMT${sign}${hh}:${mm}` : `${sign}${hh}${mm}`;
  if (letter === 'O') return offMs === 0 ? 'GMT' : `GMT${sign}${Number(hh)}${mm === '00' ? '' : `:${mm}`}`;
  if (count === 1) return mm === '00' ? `${sign}${hh}` : `${sign}${hh}${mm}`;
  if (count === 2 || count === 4) return `${sign}${hh}${mm}`;
  return `${sign}${hh}:${mm}`;
}

export type Formatter = (micros: number) => string;

const formatterCache = new Map<string, Formatter>();

/** A formatter of instants (µs) as local text in `zone` for a Spark datetime pattern. */
export function formatterFor(pattern: string, zoneId?: string): Formatter {
  const key = `${zoneId ?? ''}\u0000${pattern}`;
  let f = formatterCache.get(key);
  if (f) return f;
  const tokens = tokenize(pattern);
  const zone = getZone(zoneId);
  f = (micros: number): string => {
    const local = localMicros(micros, zone);
    const days = Math.floor(local / MICROS_PER_DAY);
    const tod = local - days * MICROS_PER_DAY;
    const [y, m, d] = civil(days);
    const hour = Math.floor(tod / 3_600_000_000);
    const minute = Math.floor(tod / 60_000_000) % 60;
    const second = Math.floor(tod / 1_000_000) % 60;
    const frac = tod % 1_000_000;
    let s = '';
    for (const t of tokens) {
      if ('literal' in t) { s += t.literal; continue; }
      const n = t.count;
      switch (t.letter) {
        case 'y': case 'u': case 'Y': s += n === 2 ? pad(((y % 100) + 100) % 100, 2) : pad(y, n); break;
        case 'M': case 'L': s += n >= 4 ? MONTHS[m - 1] : n === 3 ? MONTHS[m - 1]!.slice(0, 3) : pad(m, n); break;
        case 'd': s += pad(d, n); break;
        case 'D': s += pad(dayOfYear(days), n); break;
        case 'Q': case 'q': s += pad(Math.floor((m - 1) / 3) + 1, n); break;
        case 'E': s += n >= 4 ? DAYS[dayOfWeek(days) - 1] : DAYS[dayOfWeek(days) - 1]!.slice(0, 3); break;
        case 'a': s += hour < 12 ? 'AM' : 'PM'; break;
        case 'H': s += pad(hour, n); break;
        case 'h': s += pad(hour % 12 === 0 ? 12 : hour % 12, n); break;
        case 'k': s += pad(hour === 0 ? 24 : hour, n); break;
        case 'K': s += pad(hour % 12, n); break;
        case 'm': s += pad(minute, n); break;
        case 's': s += pad(second, n); break;
        case 'S': s += String(frac).padStart(6, '0').padEnd(n, '0').slice(0, n); break;
        case 'G': s += y > 0 ? 'AD' : 'BC'; break;
        case 'V': s += zone.id; break;
        case 'z': s += zoneShortName(zone, micros); break;
        case 'X': case 'x': case 'Z': case 'O': s += offsetText(zone.offsetAt(Math.floor(micros / 1000)), t.letter, n); break;
        default: throw new TsSparkError('INVALID_ARGUMENT', `[INVALID_DATETIME_PATTERN] Unsupported datetime pattern letter '${t.letter}' in ${pattern}`);
      }
    }
    return s;
  };
  formatterCache.set(key, f);
  return f;
}

function zoneShortName(zone: Zone, micros: number): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone.id === 'Z' ? 'UTC' : zone.id, timeZoneName: 'short' }).formatToParts(new Date(micros / 1000));
  return parts.find((p) => p.type === 'timeZoneName')?.value ?? zone.id;
}

export type Parser = (text: string) => number | null;

const parserCache = new Map<string, Parser>();

/** A parser of text in a Spark datetime pattern to µs (toDays=false) or days; null when the text does not match. */
export function parserFor(pattern: string, zoneId: string | undefined, toDays: boolean): Parser {
  const key = `${zoneId ?? ''}\u0000${toDays}\u0000${pattern}`;
  let p = parserCache.get(key);
  if (p) return p;
  const tokens = tokenize(pattern);
  const groups: { letter: string; count: number }[] = [];
  let re = '^';
  for (const t of tokens) {
    if ('literal' in t) { re += t.literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'); continue; }
    const n = t.count;
    groups.push(t);
    switch (t.letter) {
      case 'y': case 'u': case 'Y': re += n === 2 ? '(\\d{2})' : n === 4 ? '([+-]?\\d{4})' : '([+-]?\\d{1,9})'; break;
      case 'M': case 'L': re += n >= 4 ? `(${MONTHS.join('|')})` : n === 3 ? `(${MONTHS.map((x) => x.slice(0, 3)).join('|')})` : n === 2 ? '(\\d{2})' : '(\\d{1,2})'; break;
      case 'E': re += n >= 4 ? `(${DAYS.join('|')})` : `(${DAYS.map((x) => x.slice(0, 3)).join('|')})`; break;
      case 'a': re += '(AM|PM|am|pm)'; break;
      case 'S': re += `(\\d{1,${n}})`; break;
      case 'X': case 'x': case 'Z': case 'O': re += '(Z|[+-]\\d{2}(?::?\\d{2})?|GMT[+-]\\d{1,2}(?::?\\d{2})?)'; break;
      case 'V': case 'z': re += '([A-Za-z_]+(?:/[A-Za-z_]+)*|[+-]\\d{2}:?\\d{2})'; break;
      case 'D': re += `(\\d{${n},3})`; break;
      default: re += n === 1 ? '(\\d{1,2})' : `(\\d{${n}})`;
    }
  }
  const rx = new RegExp(`${re}$`, 'i');
  const zone = getZone(zoneId);
  p = (text: string): number | null => {
    const m = rx.exec(text);
    if (!m) return null;
    let y = 1970; let mo = 1; let d = 1; let h = 0; let mi = 0; let s = 0; let frac = 0; let pm = -1; let h12 = false; let doy = -1;
    let offset: number | undefined;
    let z: Zone | undefined;
    for (let g = 0; g < groups.length; g++) {
      const { letter, count } = groups[g]!;
      const v = m[g + 1]!;
      switch (letter) {
        case 'y': case 'u': case 'Y': y = count === 2 ? 2000 + Number(v) : Number(v); break;
        case 'M': case 'L': mo = count >= 3 ? MONTHS.findIndex((x) => x.toLowerCase().startsWith(v.toLowerCase().slice(0, 3))) + 1 : Number(v); break;
        case 'd': d = Number(v); break;
        case 'D': doy = Number(v); break;
        case 'H': case 'k': h = Number(v) % 24; break;
        case 'h': case 'K': h = Number(v) % 12; h12 = true; break;
        case 'a': pm = v.toLowerCase() === 'pm' ? 1 : 0; break;
        case 'm': mi = Number(v); break;
        case 's': s = Number(v); break;
        case 'S': frac = Number(v.padEnd(6, '0')); break;
        case 'X': case 'x': case 'Z': case 'O': {
          if (v.toUpperCase() === 'Z') { offset = 0; break; }
          const om = /([+-])(\d{1,2}):?(\d{2})?/.exec(v)!;
          offset = (om[1] === '-' ? -1 : 1) * (Number(om[2]) * 60 + Number(om[3] ?? 0)) * 60000;
          break;
        }
        case 'V': case 'z': z = getZone(v); break;
        default: break;
      }
    }
    if (pm === 1 && h12) h += 12;
    if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return null;
    let days = doy > 0 ? daysFromCivil(y, 1, 1) + doy - 1 : daysFromCivil(y, mo, d);
    if (doy <= 0 && civil(days)[2] !== d) return null;
    if (toDays) return days;
    const local = days * MICROS_PER_DAY + ((h * 60 + mi) * 60 + s) * 1_000_000 + frac;
    if (offset !== undefined) return local - offset * 1000;
    days = 0;
    return utcMicros(local, z ?? zone);
  };
  parserCache.set(key, p);
  return p;
}
