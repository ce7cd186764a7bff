// Executor-side casts with Spark semantics: a converter per (from, to) pair over physical values; invalid input
// and overflow give NULL (cast/try) or CAST_INVALID_INPUT / CAST_OVERFLOW errors (ansi).
import { TsSparkError } from '../../../common/errors.js';
import { javaDoubleString } from '../../../sql/parser/expr-to-sql.js';
import type { DataType } from '../../../sql/types/data-type.js';
import { typeSql } from '../../../sql/types/type-sql.js';
import { daysToTimestamp, MICROS_PER_DAY, timestampToDays, utcMicros } from './calendar.js';
import { checkPrecision, decimalToDouble, doubleToDecimal, rescale } from './decimal.js';
import {
  dateToString, decimalToString, javaFloatString, localMicrosToString, longToString, parseDecimal, stringToDate,
  stringToDouble, stringToIntegral, stringToTimestamp, stringToTimestampNtz, timestampToString,
} from './text.js';
import { getZone, type Zone } from './time-zone.js';

export type CastMode = 'cast' | 'try' | 'ansi';
export type Converter = (v: never) => unknown;

const RANGES: Record<string, [number, number]> = {
  byte: [-128, 127], short: [-32768, 32767], int: [-2147483648, 2147483647], long: [-9223372036854775808, 9223372036854775807],
};

const utf8 = new TextEncoder();
const utf8d = new TextDecoder();

function invalid(v: unknown, from: DataType, to: DataType, mode: CastMode): null {
  if (mode !== 'ansi') return null;
  throw new TsSparkError('CAST_ERROR',
    `[CAST_INVALID_INPUT] The value '${String(v)}' of the type "${typeSql(from)}" cannot be cast to "${typeSql(to)}" because it is malformed. ` +
    'Correct the value as per the syntax, or change its target type. Use `try_cast` to tolerate malformed input and return NULL instead. ' +
    'If necessary set "spark.sql.ansi.enabled" to "false" to bypass this error.',
    { details: { errorClass: 'CAST_INVALID_INPUT' } });
}

function overflow(v: unknown, from: DataType, to: DataType, mode: CastMode): null {
  if (mode !== 'ansi') return null;
  throw new TsSparkError('CAST_ERROR',
    `[CAST_OVERFLOW] The value ${String(v)} of the type "${typeSql(from)}" cannot be cast to "${typeSql(to)}" due to an overflow. ` +
    'Use `try_cast` to tolerate overflow and return NULL instead. If necessary set "spark.sql.ansi.enabled" to "false" to bypass this error.',
    { details: { errorClass: 'CAST_OVERFLOW' } });
}

/** Java's narrowing of an integral value (wraps). */
function wrap(v: number, kind: string): number {
  switch (kind) {
    case 'byte': return (v << 24) >> 24;
    case 'short': return (v << 16) >> 16;
    case 'int': return Math.abs(v) < 2 ** 31 ? v : Number(BigInt.asIntN(32, BigInt(Math.trunc(v))));
    default: return v;
  }
}

/** Spark's text form of any value (cast to string; arrays [a, b], maps {k -> v}, structs {a, b}). */
export function valueToString(v: unknown, t: DataType, zone: Zone): string {
  switch (t.kind) {
    case 'string': return v as string;
    case 'boolean': return v ? 'true' : 'false';
    case 'byte': case 'short': case 'int': return String(v);
    case 'long': return longToString(v as number);
    case 'float': return javaFloatString(v as number);
    case 'double': return javaDoubleString(v as number);
    case 'decimal': return decimalToString(v as number, t.scale);
    case 'date': return dateToString(v as number);
    case 'timestamp': return timestampToString(v as number, zone);
    case 'timestamp_ntz': return localMicrosToString(v as number);
    case 'binary': return utf8d.decode(v as Uint8Array);
    case 'array': return `[${(v as unknown[]).map((x) => (x === null ? 'null' : valueToString(x, t.element, zone))).join(', ')}]`;
    case 'map': return `{${[...(v as Map<unknown, unknown>)].map(([k, x]) => `${valueToString(k, t.key, zone)} -> ${x === null ? 'null' : valueToString(x, t.value, zone)}`).join(', ')}}`;
    case 'struct': {
      const o = v as Record<string, unknown>;
      return `{${t.fields.map((f) => (o[f.name] === null || o[f.name] === undefined ? 'null' : valueToString(o[f.name], f.type, zone))).join(', ')}}`;
    }
    case 'null': return 'null';
    case 'day_time_interval': return dayTimeIntervalString(v as number);
    case 'year_month_interval': {
      const m = v as number;
      return `INTERVAL '${m < 0 ? '-' : ''}${Math.floor(Math.abs(m) / 12)}-${Math.abs(m) % 12}' YEAR TO MONTH`;
    }
    case 'calendar_interval': {
      const c = v as { months: number; days: number; microseconds: number };
      const parts: string[] = [];
      if (c.months) parts.push(`${Math.trunc(c.months / 12) ? `${Math.trunc(c.months / 12)} years ` : ''}${c.months % 12 ? `${c.months % 12} months` : ''}`.trim());
      if (c.days) parts.push(`${c.days} days`);
      if (c.microseconds) parts.push(`${javaDoubleString(c.microseconds / 1e6).replace(/\.0$/, '')} seconds`);
      return parts.join(' ') || '0 seconds';
    }
  }
}

function dayTimeIntervalString(us: number): string {
  const neg = us < 0;
  let a = Math.abs(us);
  const days = Math.floor(a / MICROS_PER_DAY);
  a -= days * MICROS_PER_DAY;
  const h = Math.floor(a / 3.6e9);
  const m = Math.floor(a / 6e7) % 60;
  const s = (a % 6e7) / 1e6;
  const ss = s.toFixed(6).replace(/\.?0+$/, '');
  return `INTERVAL '${neg ? '-' : ''}${days} ${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${ss.padStart(2, '0').includes('.') && s < 10 ? `0${ss}` : ss.padStart(2, '0')}' DAY TO SECOND`;
}

const identity = (v: unknown): unknown => v;

/** The converter for CAST(from AS to); values are never null on entry, the result is null on failure. */
export function castConverter(from: DataType, to: DataType, mode: CastMode, zoneId?: string): (v: unknown) => unknown {
  const zone = getZone(zoneId);
  const f = from.kind;
  if (f === 'null') return () => null;
  switch (to.kind) {
    case 'string':
      if (f === 'string') return identity;
      return (v) => valueToString(v, from, zone);
    case 'boolean':
      switch (f) {
        case 'string': return (v) => {
          const s = (v as string).trim().toLowerCase();
          if (s === 't' || s === 'true' || s === 'y' || s === 'yes' || s === '1') return true;
          if (s === 'f' || s === 'false' || s === 'n' || s === 'no' || s === '0') return false;
          return invalid(v, from, to, mode);
        };
        case 'date': case 'timestamp': case 'timestamp_ntz': return (v) => v !== 0;
        default: return (v) => v !== 0;
      }
    case 'byte': case 'short': case 'int': case 'long': {
      const [min, max] = RANGES[to.kind]!;
      const k = to.kind;
      switch (f) {
        case 'string': return (v) => stringToIntegral(v as string, min, max) ?? invalid(v, from, to, mode);
        case 'boolean': return (v) => (v ? 1 : 0);
        case 'byte': case 'short': case 'int': case 'long':
          return (v) => ((v as number) < min || (v as number) > max ? (mode === 'cast' ? wrap(v as number, k) : overflow(v, from, to, mode)) : v);
        case 'float': case 'double': return (v) => {
          const d = v as number;
          if (Number.isNaN(d)) return mode === 'cast' ? 0 : overflow(v, from, to, mode);
          const t = Math.trunc(d);
          if (t < min || t > max) {
            if (mode !== 'cast') return overflow(javaDoubleString(d) + (f === 'double' ? 'D' : 'F'), from, to, mode);
            // Java's (int)/(long) of a double saturates; narrower types go through int and wrap
            if (k === 'long' || k === 'int') return t < min ? min : max;
            return wrap(t < -2147483648 ? -2147483648 : t > 2147483647 ? 2147483647 : t, k);
          }
          return t === 0 ? 0 : t;
        };
        case 'decimal': {
          const s = from.scale;
          return (v) => {
            const t = rescale(v as number, s, 0, 'down');
            return t < min || t > max ? (mode === 'cast' ? wrap(t, k) : overflow(v, from, to, mode)) : t;
          };
        }
        case 'timestamp': return (v) => {
          const secs = Math.floor((v as number) / 1e6);
          return secs < min || secs > max ? (mode === 'cast' ? wrap(secs, k) : overflow(v, from, to, mode)) : secs;
        };
        case 'day_time_interval': return (v) => Math.trunc((v as number) / MICROS_PER_DAY);
        case 'year_month_interval': return (v) => v;
        default: break;
      }
      break;
    }
    case 'float': case 'double': {
      const round = to.kind === 'float' ? Math.fround : (x: number): number => x;
      switch (f) {
        case 'string': return (v) => { const d = stringToDouble(v as string); return d === null ? invalid(v, from, to, mode) : round(d); };
        case 'boolean': return (v) => (v ? 1 : 0);
        case 'decimal': { const s = from.scale; return (v) => round(decimalToDouble(v as number, s)); }
        case 'timestamp': return (v) => (v as number) / 1e6;
        default: return (v) => round(v as number);
      }
    }
    case 'decimal': {
      const { precision: p, scale: s } = to;
      const ansi = mode === 'ansi';
      const fit = (x: number | null, v: unknown): unknown => (x === null ? overflow(v, from, to, mode) : x);
      switch (f) {
        case 'string': return (v) => {
          const x = parseDecimal(v as string, 38, s);
          if (x === null) return invalid(v, from, to, mode);
          return fit(checkPrecision(x, p, false), v);
        };
        case 'boolean': return (v) => fit(checkPrecision(v ? 10 ** s : 0, p, false), v);
        case 'byte': case 'short': case 'int': case 'long': return (v) => fit(checkPrecision(rescale(v as number, 0, s), p, false), v);
        case 'float': case 'double': return (v) => fit(doubleToDecimal(v as number, p, s, false), v);
        case 'decimal': { const fs = from.scale; return (v) => fit(checkPrecision(rescale(v as number, fs, s), p, false), v); }
        case 'timestamp': return (v) => fit(checkPrecision(rescale(v as number, 6, s), p, ansi), v);
        default: break;
      }
      break;
    }
    case 'date':
      switch (f) {
        case 'string': return (v) => stringToDate(v as string) ?? invalid(v, from, to, mode);
        case 'timestamp': return (v) => timestampToDays(v as number, zone);
        case 'timestamp_ntz': return (v) => Math.floor((v as number) / MICROS_PER_DAY);
        default: break;
      }
      break;
    case 'timestamp':
      switch (f) {
        case 'string': return (v) => stringToTimestamp(v as string, zone) ?? invalid(v, from, to, mode);
        case 'date': return (v) => daysToTimestamp(v as number, zone);
        case 'timestamp_ntz': return (v) => utcMicros(v as number, zone);
        case 'boolean': return (v) => (v ? 1 : 0);
        case 'decimal': { const s = from.scale; return (v) => Math.trunc(decimalToDouble(v as number, s) * 1e6); }
        case 'float': case 'double': return (v) => (Number.isFinite(v as number) ? Math.trunc((v as number) * 1e6) : null);
        default: return (v) => (v as number) * 1e6;
      }
    case 'timestamp_ntz':
      switch (f) {
        case 'string': return (v) => stringToTimestampNtz(v as string) ?? invalid(v, from, to, mode);
        case 'date': return (v) => (v as number) * MICROS_PER_DAY;
        case 'timestamp': return (v) => (v as number) + zone.offsetAt(Math.floor((v as number) / 1000)) * 1000;
        default: break;
      }
      break;
    case 'binary':
      if (f === 'string') return (v) => utf8.encode(v as string);
      return (v) => {
        const n = v as number;
        const bytes = f === 'long' ? 8 : f === 'int' ? 4 : f === 'short' ? 2 : 1;
        const out = new Uint8Array(bytes);
        let big = BigInt.asUintN(bytes * 8, BigInt(n));
        for (let i = bytes - 1; i >= 0; i--) { out[i] = Number(big & 0xffn); big >>= 8n; }
        return out;
      };
    case 'array':
      if (from.kind === 'array') {
        const el = castConverter(from.element, to.element, mode, zoneId);
        return (v) => (v as unknown[]).map((x) => (x === null ? null : el(x)));
      }
      break;
    case 'map':
      if (from.kind === 'map') {
        const kc = castConverter(from.key, to.key, mode, zoneId);
        const vc = castConverter(from.value, to.value, mode, zoneId);
        return (v) => new Map([...(v as Map<unknown, unknown>)].map(([k, x]) => [kc(k), x === null ? null : vc(x)]));
      }
      break;
    case 'struct':
      if (from.kind === 'struct') {
        const convs = from.fields.map((fl, i) => castConverter(fl.type, to.fields[i]!.type, mode, zoneId));
        return (v) => {
          const o = v as Record<string, unknown>;
          const out: Record<string, unknown> = {};
          from.fields.forEach((fl, i) => { const x = o[fl.name]; out[to.fields[i]!.name] = x === null || x === undefined ? null : convs[i]!(x); });
          return out;
        };
      }
      break;
    case 'day_time_interval': case 'year_month_interval': case 'calendar_interval':
      if (f === to.kind) return identity;
      if (to.kind === 'day_time_interval' && ['byte', 'short', 'int', 'long'].includes(f)) return (v) => (v as number) * MICROS_PER_DAY;
      if (to.kind === 'year_month_interval' && ['byte', 'short', 'int', 'long'].includes(f)) return (v) => v;
      break;
    case 'null':
      break;
  }
  throw new TsSparkError('UNSUPPORTED', `cast from ${typeSql(from)} to ${typeSql(to)} is not supported`);
}
