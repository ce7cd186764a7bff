// Spark's cell text for show(): the ToPrettyString cast of Spark 3.5 — `NULL` at any depth, arrays `[1, 2]`,
// maps `{a -> 1}`, structs `{1, a}`, binary `[01 02]`, Java double text, decimals with their scale,
// timestamps in the session time zone.
import { assertNever } from '../../common/assert.js';
import type { DataType } from '../types/data-type.js';
import { defaultTimeZone, formatDate, formatTimestampMicros } from './datetime-text.js';
import { javaDoubleToString, javaFloatToString } from './java-number.js';
import { arrayItems, bytesOf, dateDays, decimalText, mapEntries, structValues, timestampMicros } from './value-input.js';
import { intervalText } from './interval-text.js';

export interface RenderOptions {
  /** spark.sql.session.timeZone; default: the process's zone (like the JVM default). */
  readonly timeZone?: string;
}

/** Shared leaf rendering (numbers, dates, timestamps) of show() and the Hive/CLI format. */
export function renderScalar(v: unknown, t: DataType, zone: string): string | undefined {
  switch (t.kind) {
    case 'boolean': return v ? 'true' : 'false';
    case 'byte': case 'short': case 'int': case 'long':
      return typeof v === 'number' ? String(Math.trunc(v)) : String(v);
    case 'float': return typeof v === 'number' ? javaFloatToString(v) : String(v);
    case 'double': return typeof v === 'number' ? javaDoubleToString(v) : String(v);
    case 'decimal': return decimalText(v, t.scale);
    case 'date': {
      const d = dateDays(v);
      return typeof d === 'number' ? formatDate(d) : d;
    }
    case 'timestamp': case 'timestamp_ntz': {
      const us = timestampMicros(v);
      return typeof us === 'number' ? formatTimestampMicros(us, t.kind === 'timestamp' ? zone : 'UTC') : us;
    }
    default: return undefined;
  }
}

function hex(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (const b of bytes) parts.push(b.toString(16).toUpperCase().padStart(2, '0'));
  return `[${parts.join(' ')}]`;
}

/** The text show() prints for one value of type `t` (before escaping and truncation). */
export function renderValue(value: unknown, type: DataType, opts: RenderOptions = {}): string {
  return render(value, type, opts.timeZone ?? defaultTimeZone());
}

function render(v: unknown, t: DataType, zone: string): string {
  if (v === null || v === undefined) return 'NULL';
  switch (t.kind) {
    case 'null': return 'NULL';
    case 'boolean': case 'byte': case 'short': case 'int': case 'long': case 'float': case 'double':
    case 'decimal': case 'date': case 'timestamp': case 'timestamp_ntz':
      return renderScalar(v, t, zone)!;
    case 'string': return typeof v === 'string' ? v : String(v);
    case 'binary': return hex(bytesOf(v));
    case 'calendar_interval': case 'day_time_interval': case 'year_month_interval': return intervalText(v, t)!;
    case 'array': return `[${arrayItems(v).map((e) => render(e, t.element, zone)).join(', ')}]`;
    case 'map': return `{${mapEntries(v).map(([k, x]) => `${render(k, t.key, zone)} -> ${render(x, t.value, zone)}`).join(', ')}}`;
    case 'struct': {
      const vals = structValues(v, t);
      return `{${t.fields.map((f, i) => render(vals[i], f.type, zone)).join(', ')}}`;
    }
    default: return assertNever(t, 'data type');
  }
}
