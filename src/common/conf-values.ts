// Parsing of Spark's value syntaxes: sizes ("512m", "2g"), durations ("120s", "5min"), booleans.
import { TsSparkError } from './errors.js';

const SIZE_UNITS: Record<string, number> = { b: 1, k: 1024, kb: 1024, m: 1024 ** 2, mb: 1024 ** 2, g: 1024 ** 3, gb: 1024 ** 3, t: 1024 ** 4, tb: 1024 ** 4 };
const TIME_UNITS: Record<string, number> = { us: 0.001, ms: 1, s: 1000, m: 60_000, min: 60_000, h: 3_600_000, d: 86_400_000 };

/** Bytes from "1g", "512m", "1024" (bare numbers are bytes). */
export function parseBytes(v: string, key = 'value'): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(v);
  const unit = m ? (m[2] ?? '').toLowerCase() : '';
  if (!m || !(unit === '' || unit in SIZE_UNITS)) {
    throw new TsSparkError('INVALID_CONFIG', `${key}: cannot parse size '${v}'`, { hint: "use a number with a unit such as 512m or 2g" });
  }
  return Math.floor(Number(m[1]) * (unit === '' ? 1 : SIZE_UNITS[unit]!));
}

/** Milliseconds from "120s", "5min", "100ms" (bare numbers are seconds, as Spark's network timeouts). */
export function parseDuration(v: string, key = 'value'): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(v);
  const unit = m ? (m[2] ?? '').toLowerCase() : '';
  if (!m || !(unit === '' || unit in TIME_UNITS)) {
    throw new TsSparkError('INVALID_CONFIG', `${key}: cannot parse duration '${v}'`, { hint: 'use a number with a unit such as 500ms, 10s or 2min' });
  }
  return Number(m[1]) * (unit === '' ? 1000 : TIME_UNITS[unit]!);
}

export function parseBool(v: string, key = 'value'): boolean {
  const s = v.trim().toLowerCase();
  if (s === 'true') return true;
  if (s === 'false') return false;
  throw new TsSparkError('INVALID_CONFIG', `${key}: expected true or false, got '${v}'`);
}
