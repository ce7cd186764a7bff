// Spark's HiveResult.toHiveString: the row text of the spark-sql CLI and of the SQL golden files —
// NULL at top level, `null` nested, nested strings double-quoted, `[1,2]`, `{1:"a"}` (entries sorted as text),
// `{"a":1}` for structs, binary as UTF-8 text; rows are tab-separated.
import { assertNever } from '../../common/assert.js';
import type { DataType, StructType } from '../types/data-type.js';
import { defaultTimeZone } from './datetime-text.js';
import { renderScalar, type RenderOptions } from './render-value.js';
import { arrayItems, bytesOf, mapEntries, structValues } from './value-input.js';
import { intervalText } from './interval-text.js';

/** One value as HiveResult prints it. */
export function renderHiveResult(value: unknown, type: DataType, opts: RenderOptions = {}): string {
  return hive(value, type, false, opts.timeZone ?? defaultTimeZone());
}

/** One row: values joined by a TAB. */
export function renderHiveRow(values: readonly unknown[], schema: StructType, opts: RenderOptions = {}): string {
  const zone = opts.timeZone ?? defaultTimeZone();
  return schema.fields.map((f, i) => hive(values[i], f.type, false, zone)).join('\t');
}

const utf8 = new TextDecoder();

function hive(v: unknown, t: DataType, nested: boolean, zone: string): string {
  if (v === null || v === undefined) return nested ? 'null' : 'NULL';
  switch (t.kind) {
    case 'null': return nested ? 'null' : 'NULL';
    case 'boolean': case 'byte': case 'short': case 'int': case 'long': case 'float': case 'double':
    case 'decimal': case 'date': case 'timestamp': case 'timestamp_ntz':
      return renderScalar(v, t, zone)!;
    case 'string': {
      const s = typeof v === 'string' ? v : String(v);
      return nested ? `"${s}"` : s;
    }
    case 'binary': return utf8.decode(bytesOf(v));
    case 'calendar_interval': case 'day_time_interval': case 'year_month_interval': return intervalText(v, t)!;
    case 'array': return `[${arrayItems(v).map((e) => hive(e, t.element, true, zone)).join(',')}]`;
    case 'map': {
      const entries = mapEntries(v).map(([k, x]) => `${hive(k, t.key, true, zone)}:${hive(x, t.value, true, zone)}`);
      entries.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      return `{${entries.join(',')}}`;
    }
    case 'struct': {
      const vals = structValues(v, t);
      return `{${t.fields.map((f, i) => `"${f.name}":${hive(vals[i], f.type, true, zone)}`).join(',')}}`;
    }
    default: return assertNever(t, 'data type');
  }
}
