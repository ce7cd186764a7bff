// Parsed JSON values → physical values of a Spark type (column-batch.ts layout; nested values are physical
// too: arrays as JS arrays, structs as plain objects by field name, maps as Map). A value that does not fit
// the type throws BadJsonValue so the reader can apply the parse mode (Spark keeps the other fields).
import { assertNever } from '../../../common/assert.js';
import type { DataType } from '../../types/data-type.js';
import { parseDate, parseTimestamp } from '../datetime-parse.js';

export class BadJsonValue extends Error {}

export interface JsonConvertOptions {
  readonly timeZone: string;
  readonly dateFormat: string | undefined;
  readonly timestampFormat: string | undefined;
}

const bad = (v: unknown, t: DataType): never => { throw new BadJsonValue(`cannot parse ${JSON.stringify(v)} as ${t.kind}`); };

export function convertJson(v: unknown, t: DataType, o: JsonConvertOptions): unknown {
  if (v === null || v === undefined) return null;
  switch (t.kind) {
    case 'null': return null;
    case 'boolean': return typeof v === 'boolean' ? v : bad(v, t);
    case 'byte': case 'short': case 'int': {
      const lim = t.kind === 'byte' ? 127 : t.kind === 'short' ? 32767 : 2147483647;
      return typeof v === 'number' && Number.isInteger(v) && v <= lim && v >= -lim - 1 ? v : bad(v, t);
    }
    case 'long': return typeof v === 'number' && Number.isInteger(v) ? v : bad(v, t);
    case 'float': case 'double':
      if (typeof v === 'number') return t.kind === 'float' ? Math.fround(v) : v;
      if (v === 'NaN') return NaN;
      if (v === 'Infinity' || v === '+Infinity' || v === '+INF' || v === 'INF') return Infinity;
      if (v === '-Infinity' || v === '-INF') return -Infinity;
      return bad(v, t);
    case 'decimal': {
      const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*[+-]?\d+(\.\d*)?([eE][+-]?\d+)?\s*$/.test(v) ? Number(v) : NaN;
      if (Number.isNaN(n)) return bad(v, t);
      const unscaled = Math.round(n * 10 ** t.scale);
      return Math.abs(unscaled) >= 10 ** t.precision ? bad(v, t) : unscaled;
    }
    case 'string':
      if (typeof v === 'string') return v;
      return typeof v === 'object' ? JSON.stringify(v) : String(v);
    case 'binary': return typeof v === 'string' ? Uint8Array.from(Buffer.from(v, 'base64')) : bad(v, t);
    case 'date': {
      if (typeof v !== 'string') return bad(v, t);
      const d = parseDate(v, o.dateFormat);
      return d === null ? bad(v, t) : d;
    }
    case 'timestamp': case 'timestamp_ntz': {
      if (typeof v === 'number') return v * 1_000_000; // Spark reads numbers as seconds since the epoch
      if (typeof v !== 'string') return bad(v, t);
      const us = parseTimestamp(v, t.kind === 'timestamp' ? o.timeZone : 'UTC', o.timestampFormat);
      return us === null ? bad(v, t) : us;
    }
    case 'calendar_interval': case 'day_time_interval': case 'year_month_interval': return bad(v, t);
    case 'array': return Array.isArray(v) ? v.map((e) => convertJson(e, t.element, o)) : bad(v, t);
    case 'map': {
      if (typeof v !== 'object' || Array.isArray(v)) return bad(v, t);
      const m = new Map<unknown, unknown>();
      for (const [k, x] of Object.entries(v as Record<string, unknown>)) m.set(k, convertJson(x, t.value, o));
      return m;
    }
    case 'struct': {
      if (typeof v !== 'object' || Array.isArray(v)) return bad(v, t);
      const src = v as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const f of t.fields) out[f.name] = convertJson(src[f.name], f.type, o);
      return out;
    }
    default: return assertNever(t, 'data type');
  }
}
