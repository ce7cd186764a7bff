// Physical values (column-batch.ts) <-> user-facing JS values of collect()/createDataFrame:
//   boolean, numbers (byte…long, float, double), decimal -> number (unscaled / 10^scale),
//   date -> Date at UTC midnight of the day, timestamp -> Date of the instant (ms; µs beyond are dropped),
//   timestamp_ntz -> Date whose UTC fields are the wall-clock time, binary -> Uint8Array,
//   array -> Array, map -> Map, struct -> plain object; intervals stay physical (µs, months, {months,days,microseconds}).
import { TsSparkError } from '../../common/errors.js';
import type { DataType } from '../../sql/types/data-type.js';
import { MICROS_PER_DAY } from './kernels/calendar.js';
import { doubleToDecimal, POW10 } from './kernels/decimal.js';
import { parseDecimal, stringToDate, stringToTimestamp } from './kernels/text.js';
import { getZone } from './kernels/time-zone.js';

export function valueToJs(value: unknown, type: DataType): unknown {
  if (value === null || value === undefined) return null;
  switch (type.kind) {
    case 'decimal': return (value as number) / POW10[type.scale]!;
    case 'date': return new Date((value as number) * 86_400_000);
    case 'timestamp': case 'timestamp_ntz': return new Date(Math.floor((value as number) / 1000));
    case 'array': return (value as unknown[]).map((v) => valueToJs(v, type.element));
    case 'map': return new Map([...(value as Map<unknown, unknown>)].map(([k, v]) => [valueToJs(k, type.key), valueToJs(v, type.value)]));
    case 'struct': {
      const o = value as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const f of type.fields) out[f.name] = valueToJs(o[f.name], f.type);
      return out;
    }
    default: return value;
  }
}

function bad(v: unknown, type: DataType): never {
  throw new TsSparkError('INVALID_ARGUMENT', `value ${String(v)} (${typeof v}) is not a valid ${type.kind}`);
}

export function jsToValue(v: unknown, type: DataType): unknown {
  if (v === null || v === undefined) return null;
  switch (type.kind) {
    case 'boolean': return typeof v === 'boolean' ? v : bad(v, type);
    case 'byte': case 'short': case 'int': case 'long': case 'float': case 'double':
      if (typeof v === 'bigint') return Number(v);
      if (typeof v !== 'number') return bad(v, type);
      return type.kind === 'float' ? Math.fround(v) : ['byte', 'short', 'int', 'long'].includes(type.kind) ? Math.trunc(v) : v;
    case 'decimal':
      if (typeof v === 'number') return doubleToDecimal(v, type.precision, type.scale, false);
      if (typeof v === 'bigint') return Number(v) * POW10[type.scale]!;
      if (typeof v === 'string') return parseDecimal(v, type.precision, type.scale);
      return bad(v, type);
    case 'string': return typeof v === 'string' ? v : String(v);
    case 'binary': return v instanceof Uint8Array ? v : typeof v === 'string' ? new TextEncoder().encode(v) : bad(v, type);
    case 'date':
      if (v instanceof Date) return Math.floor(v.getTime() / 86_400_000);
      if (typeof v === 'string') return stringToDate(v) ?? bad(v, type);
      if (typeof v === 'number') return Math.trunc(v);
      return bad(v, type);
    case 'timestamp': case 'timestamp_ntz':
      if (v instanceof Date) return v.getTime() * 1000;
      if (typeof v === 'string') return stringToTimestamp(v, getZone(type.kind === 'timestamp_ntz' ? 'UTC' : undefined)) ?? bad(v, type);
      if (typeof v === 'number') return v * 1000;
      return bad(v, type);
    case 'array': return Array.isArray(v) ? v.map((x) => jsToValue(x, type.element)) : bad(v, type);
    case 'map': {
      const entries = v instanceof Map ? [...v] : typeof v === 'object' ? Object.entries(v as object) : bad(v, type);
      return new Map(entries.map(([k, x]) => [jsToValue(k, type.key), jsToValue(x, type.value)]));
    }
    case 'struct': {
      if (typeof v !== 'object') return bad(v, type);
      const o = v as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      type.fields.forEach((f, i) => { out[f.name] = jsToValue(Array.isArray(v) ? (v as unknown[])[i] : o[f.name], f.type); });
      return out;
    }
    case 'day_time_interval': return typeof v === 'number' ? v : bad(v, type);
    default: return v;
  }
}

export { MICROS_PER_DAY };
