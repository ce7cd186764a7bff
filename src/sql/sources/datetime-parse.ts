// Text ⇄ physical date/timestamp values for the text formats: Spark's default forms (`yyyy-MM-dd`,
// ISO-8601 timestamps with optional fraction and zone) and simple user patterns (dateFormat /
// timestampFormat with y M d H h m s S a X Z and quoted literals).
import { daysFromCivil, formatDate, formatTimestampMicros, zoneOffsetMs } from '../show/datetime-text.js';

const ISO_TS = /^\s*(\d{4,})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|UTC|[+-]\d{2}(?::?\d{2})?)?\s*$/;

function validCivil(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const dim = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
  return d <= dim;
}

interface Fields { y: number; mo: number; d: number; h: number; mi: number; s: number; us: number; zone: string | undefined }

function toMicros(f: Fields, defaultZone: string): number | null {
  if (!validCivil(f.y, f.mo, f.d) || f.h > 23 || f.mi > 59 || f.s > 59) return null;
  const localMs = daysFromCivil(f.y, f.mo, f.d) * 86_400_000 + f.h * 3_600_000 + f.mi * 60_000 + f.s * 1000;
  const zone = f.zone ?? defaultZone;
  // the offset at the local time approximates the offset at the instant; re-check once for DST edges
  let off = zoneOffsetMs(zone, localMs);
  off = zoneOffsetMs(zone, localMs - off);
  return (localMs - off) * 1000 + f.us;
}

function zoneOf(z: string | undefined): string | undefined {
  if (z === undefined) return undefined;
  if (z === 'Z' || z === 'UTC') return 'UTC';
  return z.length === 3 ? `${z}:00` : z.includes(':') ? z : `${z.slice(0, 3)}:${z.slice(3)}`;
}

/** Day number of a date text, or null. `pattern` undefined = Spark's default lenient `yyyy-MM-dd[...]`. */
export function parseDate(text: string, pattern?: string): number | null {
  if (pattern !== undefined && pattern !== 'yyyy-MM-dd') {
    const f = matchPattern(text, pattern);
    return f && validCivil(f.y, f.mo, f.d) ? daysFromCivil(f.y, f.mo, f.d) : null;
  }
  const m = /^\s*(\d{4,})-(\d{1,2})-(\d{1,2})\s*$/.exec(text) ?? /^\s*(\d{4,})-(\d{1,2})-(\d{1,2})[T ]/.exec(text);
  if (!m) return null;
  const y = Number(m[1]), mo = Number(m[2]), d = Number(m[3]);
  return validCivil(y, mo, d) ? daysFromCivil(y, mo, d) : null;
}

/** µs since the epoch of a timestamp text, or null; texts without a zone are in `zone`. */
export function parseTimestamp(text: string, zone: string, pattern?: string): number | null {
  if (pattern !== undefined) {
    const f = matchPattern(text, pattern);
    return f ? toMicros(f, zone) : null;
  }
  const m = ISO_TS.exec(text);
  if (!m) return null;
  const frac = m[7] ?? '';
  return toMicros({
    y: Number(m[1]), mo: Number(m[2]), d: Number(m[3]), h: Number(m[4] ?? 0), mi: Number(m[5] ?? 0), s: Number(m[6] ?? 0),
    us: Number((frac + '000000').slice(0, 6)), zone: zoneOf(m[8]),
  }, zone);
}

type Token = { kind: 'field'; letter: string; width: number } | { kind: 'lit'; text: string };

function tokenize(pattern: string): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < pattern.length;) {
    const c = pattern[i]!;
    if (c === "'") {
      const end = pattern.indexOf("'", i + 1);
      const lit = pattern.slice(i + 1, end < 0 ? pattern.length : end);
      out.push({ kind: 'lit', text: lit === '' ? "'" : lit });
      i = end < 0 ? pattern.length : end + 1;
    } else if (/[A-Za-z]/.test(c)) {
      let j = i;
      while (pattern[j] === c) j++;
      out.push({ kind: 'field', letter: c, width: j - i });
      i = j;
    } else { out.push({ kind: 'lit', text: c }); i++; }
  }
  return out;
}

const patternCache = new Map<string, { re: RegExp; letters: Token[] }>();

function matchPattern(text: string, pattern: string): Fields | null {
  let c = patternCache.get(pattern);
  if (!c) {
    const toks = tokenize(pattern);
    const re = toks.map((t) => {
      if (t.kind === 'lit') return `(${t.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')})`;
      if ('XZx'.includes(t.letter)) return '(Z|[+-]\\d{2}:?\\d{2}|[+-]\\d{2})';
      if (t.letter === 'a') return '(AM|PM|am|pm)';
      if (t.letter === 'S') return `(\\d{1,${Math.max(t.width, 1)}})`;
      if (t.letter === 'M' && t.width >= 3) return '([A-Za-z]+)';
      return t.width === 1 ? '(\\d{1,2})' : t.letter === 'y' && t.width === 4 ? '(\\d{4})' : `(\\d{${t.width}})`;
    }).join('');
    c = { re: new RegExp(`^\\s*${re}\\s*$`), letters: toks };
    patternCache.set(pattern, c);
  }
  const m = c.re.exec(text);
  if (!m) return null;
  const f: Fields = { y: 1970, mo: 1, d: 1, h: 0, mi: 0, s: 0, us: 0, zone: undefined };
  let pm: boolean | undefined;
  c.letters.forEach((t, i) => {
    const v = m[i + 1]!;
    if (t.kind === 'lit') return;
    switch (t.letter) {
      case 'y': case 'u': f.y = t.width === 2 ? 2000 + Number(v) : Number(v); break;
      case 'M': case 'L': f.mo = t.width >= 3 ? MONTHS.indexOf(v.slice(0, 3).toLowerCase()) + 1 : Number(v); break;
      case 'd': f.d = Number(v); break;
      case 'H': case 'k': f.h = Number(v); break;
      case 'h': case 'K': f.h = Number(v) % 12; break;
      case 'm': f.mi = Number(v); break;
      case 's': f.s = Number(v); break;
      case 'S': f.us = Number((v + '000000').slice(0, 6)); break;
      case 'a': pm = v.toLowerCase() === 'pm'; break;
      case 'X': case 'Z': case 'x': f.zone = zoneOf(v); break;
      default: break;
    }
  });
  if (pm) f.h += 12;
  return f;
}
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Date text for writers (`yyyy-MM-dd`, or a simple pattern). */
export function writeDate(days: number, pattern?: string): string {
  if (pattern === undefined || pattern === 'yyyy-MM-dd') return formatDate(days);
  return formatWithPattern(days * 86_400_000_000, pattern, 'UTC');
}

/** Timestamp text for writers: Spark's default `yyyy-MM-dd'T'HH:mm:ss.SSSXXX` in the session zone. */
export function writeTimestamp(micros: number, zone: string, pattern = "yyyy-MM-dd'T'HH:mm:ss.SSSXXX"): string {
  return formatWithPattern(micros, pattern, zone);
}

function formatWithPattern(micros: number, pattern: string, zone: string): string {
  const ms = Math.floor(micros / 1000);
  const off = zoneOffsetMs(zone, ms);
  const wall = formatTimestampMicros(micros, zone); // yyyy-MM-dd HH:mm:ss[.f]
  const [date, time] = wall.split(' ') as [string, string];
  const [y, mo, d] = date.split('-');
  const [h, mi, sRaw] = time.split(':');
  const [s, frac = ''] = sRaw!.split('.');
  const fr = (frac + '000000').slice(0, 6);
  return tokenize(pattern).map((t) => {
    if (t.kind === 'lit') return t.text;
    switch (t.letter) {
      case 'y': case 'u': return t.width === 2 ? y!.slice(-2) : y!;
      case 'M': return t.width === 1 ? String(Number(mo)) : mo!;
      case 'd': return t.width === 1 ? String(Number(d)) : d!;
      case 'H': return t.width === 1 ? String(Number(h)) : h!;
      case 'm': return mi!;
      case 's': return s!;
      case 'S': return fr.slice(0, t.width).padEnd(t.width, '0');
      case 'X': case 'Z': case 'x': {
        if (off === 0 && t.letter === 'X') return 'Z';
        const a = Math.abs(off) / 60_000;
        const hh = String(Math.floor(a / 60)).padStart(2, '0'), mm = String(a % 60).padStart(2, '0');
        return `${off < 0 ? '-' : '+'}${hh}${t.width >= 3 || t.letter === 'x' ? ':' : ''}${mm}`;
      }
      default: return t.letter.repeat(t.width);
    }
  }).join('');
}
