// Physical values → the text the JSON and CSV writers emit, as Spark's JacksonGenerator / UnivocityGenerator:
// Java double text, plain decimals with their scale, `yyyy-MM-dd` dates, timestamps as
// `yyyy-MM-dd'T'HH:mm:ss.SSSXXX` in the session time zone, binary as base64 in JSON.
import { assertNever } from '../../../common/assert.js';
import type { DataType } from '../../types/data-type.js';
import { javaDoubleToString, javaFloatToString } from '../../show/java-number.js';
import { writeDate, writeTimestamp } from '../datetime-parse.js';

export interface TextFormatOptions {
  readonly timeZone: string;
  readonly dateFormat: string | undefined;
  readonly timestampFormat: string | undefined;
}

export function decimalPlain(unscaled: number, scale: number): string {
  if (scale === 0) return String(Math.round(unscaled));
  const neg = unscaled < 0;
  const digits = String(Math.abs(Math.round(unscaled))).padStart(scale + 1, '0');
  return `${neg ? '-' : ''}${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}

/** Scalar text (no quoting); undefined for nested types. */
export function scalarText(v: unknown, t: DataType, o: TextFormatOptions): string | undefined {
  switch (t.kind) {
    case 'boolean': return v ? 'true' : 'false';
    case 'byte': case 'short': case 'int': case 'long': return String(v);
    case 'float': return javaFloatToString(v as number);
    case 'double': return javaDoubleToString(v as number);
    case 'decimal': return decimalPlain(v as number, t.scale);
    case 'string': return v as string;
    case 'date': return writeDate(v as number, o.dateFormat);
    case 'timestamp': return writeTimestamp(v as number, o.timeZone, o.timestampFormat);
    case 'timestamp_ntz': return writeTimestamp(v as number, 'UTC', o.timestampFormat ?? "yyyy-MM-dd'T'HH:mm:ss.SSS");
    default: return undefined;
  }
}

/** A JSON value text of a physical value (nulls inside structs are omitted, as ignoreNullFields does). */
export function jsonValue(v: unknown, t: DataType, o: TextFormatOptions): string {
  if (v === null || v === undefined) return 'null';
  switch (t.kind) {
    case 'float': case 'double': {
      const n = v as number;
      return Number.isFinite(n) ? scalarText(n, t, o)! : JSON.stringify(scalarText(n, t, o));
    }
    case 'boolean': case 'byte': case 'short': case 'int': case 'long': case 'decimal':
      return scalarText(v, t, o)!;
    case 'string': case 'date': case 'timestamp': case 'timestamp_ntz':
      return JSON.stringify(scalarText(v, t, o));
    case 'binary': return JSON.stringify(Buffer.from(v as Uint8Array).toString('base64'));
    case 'null': return 'null';
    case 'calendar_interval': case 'day_time_interval': case 'year_month_interval': return JSON.stringify(String(v));
    case 'array': return `[${(v as unknown[]).map((e) => jsonValue(e, t.element, o)).join(',')}]`;
    case 'map': {
      const entries = v instanceof Map ? [...v.entries()] : Object.entries(v as Record<string, unknown>);
      return `{${entries.map(([k, x]) => `${JSON.stringify(String(k))}:${jsonValue(x, t.value, o)}`).join(',')}}`;
    }
    case 'struct': {
      const obj = v as Record<string, unknown>;
      const parts: string[] = [];
      t.fields.forEach((f, i) => {
        const x = Array.isArray(v) ? (v as unknown[])[i] : obj[f.name];
        if (x !== null && x !== undefined) parts.push(`${JSON.stringify(f.name)}:${jsonValue(x, f.type, o)}`);
      });
      return `{${parts.join(',')}}`;
    }
    default: return assertNever(t, 'data type');
  }
}
