// CSV schema inference as Spark's CSVInferSchema: per column, try int → bigint → double → date → timestamp →
// boolean → string starting from the type inferred so far; merge rows with the tightest common type
// (date+timestamp → timestamp, other conflicts → string); all-null columns end as string.
import { T, type DataType } from '../../types/data-type.js';
import { parseDate, parseTimestamp } from '../datetime-parse.js';

export interface CsvInferOptions {
  readonly nullValue: string;
  readonly dateFormat: string | undefined;
  readonly timestampFormat: string | undefined;
  readonly timeZone: string;
  readonly prefersDate: boolean;
}

const INT_RE = /^[+-]?\d+$/;
const DOUBLE_RE = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?[dDfF]?\s*$/;
const INF_NAN = new Set(['NaN', 'Infinity', '+Infinity', '-Infinity', 'Inf', '+Inf', '-Inf']);

export function isCsvInt(s: string): boolean {
  if (!INT_RE.test(s)) return false;
  const n = Number(s);
  return n >= -2147483648 && n <= 2147483647;
}
export function isCsvLong(s: string): boolean {
  if (!INT_RE.test(s)) return false;
  const b = BigInt(s);
  return b >= -9223372036854775808n && b <= 9223372036854775807n;
}
export function isCsvDouble(s: string): boolean {
  return DOUBLE_RE.test(s) || INF_NAN.has(s);
}

const ORDER = ['int', 'long', 'double', 'date', 'timestamp', 'boolean'] as const;

function fits(kind: (typeof ORDER)[number], s: string, o: CsvInferOptions): boolean {
  switch (kind) {
    case 'int': return isCsvInt(s);
    case 'long': return isCsvLong(s);
    case 'double': return isCsvDouble(s);
    case 'date': return o.prefersDate && parseDate(s, o.dateFormat ?? 'yyyy-MM-dd') !== null && (o.dateFormat !== undefined || /^\s*\d{4}-\d{1,2}-\d{1,2}\s*$/.test(s));
    case 'timestamp': return parseTimestamp(s, o.timeZone, o.timestampFormat) !== null;
    case 'boolean': return /^(true|false)$/i.test(s);
  }
}

const TYPES: Record<(typeof ORDER)[number], DataType> = { int: T.int, long: T.long, double: T.double, date: T.date, timestamp: T.timestamp, boolean: T.boolean };

/** CSVInferSchema.inferField. */
export function inferCsvField(soFar: DataType, field: string | null, o: CsvInferOptions): DataType {
  if (field === null || field === o.nullValue) return soFar;
  if (soFar.kind === 'string') return T.string;
  const startAt = soFar.kind === 'null' ? 0 : ORDER.indexOf(soFar.kind as (typeof ORDER)[number]);
  for (let k = Math.max(0, startAt); k < ORDER.length; k++) {
    if (fits(ORDER[k]!, field, o)) return mergeCsvTypes(soFar, TYPES[ORDER[k]!]);
  }
  return T.string;
}

/** CSVInferSchema.compatibleType. */
export function mergeCsvTypes(a: DataType, b: DataType): DataType {
  if (a.kind === 'null') return b;
  if (b.kind === 'null' || a.kind === b.kind) return a;
  const num = ['int', 'long', 'double'];
  if (num.includes(a.kind) && num.includes(b.kind)) return num.indexOf(a.kind) > num.indexOf(b.kind) ? a : b;
  if ((a.kind === 'date' && b.kind === 'timestamp') || (a.kind === 'timestamp' && b.kind === 'date')) return T.timestamp;
  return T.string;
}
