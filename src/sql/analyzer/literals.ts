// SQL literals as typed literal expressions in physical form (column-batch.ts): numerals with Spark's types
// (1 int, 1L bigint, 1.5 decimal(2,1), 1.5D double), DATE/TIMESTAMP/X'' literals, intervals; and DataTypeAst -> DataType.
import { assertNever } from '../../common/assert.js';
import type { Expression } from '../../planner/expr/expression.js';
import type { DataType } from '../types/data-type.js';
import type { DataTypeAst, Expr, IntervalPart, IntervalUnit } from '../parser/ast.js';
import { analysisError } from './errors.js';

type Lit = Extract<Expression, { kind: 'literal' }>;

const lit = (value: unknown, type: DataType): Lit => ({ kind: 'literal', value, type });

export function numberLiteral(e: Extract<Expr, { kind: 'number' }>): Lit {
  switch (e.type) {
    case 'tinyint': return lit(Number(e.text), { kind: 'byte' });
    case 'smallint': return lit(Number(e.text), { kind: 'short' });
    case 'int': return lit(Number(e.text), { kind: 'int' });
    case 'bigint': return lit(Number(e.text), { kind: 'long' });
    case 'float': return lit(Math.fround(Number(e.text)), { kind: 'float' });
    case 'double': return lit(Number(e.text), { kind: 'double' });
    case 'decimal': {
      let text = e.text.replace(/^[-+]/, '');
      const neg = e.text.startsWith('-');
      let exp = 0;
      const m = /^(.*)[eE]([-+]?\d+)$/.exec(text);
      if (m) { text = m[1]!; exp = Number(m[2]); }
      const [ip = '', fp = ''] = text.split('.');
      let digits = (ip + fp).replace(/^0+(?=\d)/, '');
      let scale = fp.length - exp;
      if (scale < 0) { digits += '0'.repeat(-scale); scale = 0; }
      const significant = digits.replace(/^0+/, '') || '0';
      const precision = Math.max(significant.length, scale, 1);
      if (precision > 38) return lit(Number(e.text), { kind: 'double' });
      const unscaled = Number(significant) * (neg ? -1 : 1);
      return lit(unscaled, { kind: 'decimal', precision, scale });
    }
    default: return assertNever(e.type, 'numeric literal type');
  }
}

function parseDate(s: string): number | null {
  const m = /^\s*([+-]?\d{4,})(?:-(\d{1,2})(?:-(\d{1,2}))?)?/.exec(s);
  if (!m) return null;
  const t = Date.UTC(Number(m[1]), Number(m[2] ?? 1) - 1, Number(m[3] ?? 1));
  return Number.isNaN(t) ? null : Math.floor(t / 86400000);
}

/** Timestamps without an offset are read in UTC here (the session time zone is applied by the session layer). */
function parseTimestamp(s: string): number | null {
  const m = /^\s*(\d{4,})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?\s*$/.exec(s);
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0));
  let micros = ms * 1000 + Number((m[7] ?? '').padEnd(6, '0') || 0);
  const z = m[8];
  if (z && z !== 'Z') {
    const sign = z.startsWith('-') ? -1 : 1;
    const digits = z.slice(1).replace(':', '');
    micros -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000_000;
  }
  return micros;
}

export function typedLiteral(e: Extract<Expr, { kind: 'typedLiteral' }>): Lit {
  const bad = (type: string): never => {
    throw analysisError('INVALID_TYPED_LITERAL', '42604', { valueType: `"${type}"`, value: `'${e.value}'` },
      `The value of the typed literal "${type}" is invalid: '${e.value}'.`);
  };
  switch (e.type) {
    case 'date': return lit(parseDate(e.value) ?? bad('DATE'), { kind: 'date' });
    case 'timestamp': case 'timestamp_ltz': return lit(parseTimestamp(e.value) ?? bad('TIMESTAMP'), { kind: 'timestamp' });
    case 'timestamp_ntz': return lit(parseTimestamp(e.value) ?? bad('TIMESTAMP_NTZ'), { kind: 'timestamp_ntz' });
    case 'binary': {
      const hex = e.value.length % 2 ? `0${e.value}` : e.value;
      return lit(Uint8Array.from(hex.match(/../g) ?? [], (h) => parseInt(h, 16)), { kind: 'binary' });
    }
    default: return assertNever(e.type, 'typed literal');
  }
}

const microsPer: Readonly<Record<string, number>> = {
  week: 7 * 86400e6, day: 86400e6, hour: 3600e6, minute: 60e6, second: 1e6, millisecond: 1e3, microsecond: 1,
};

function unitOf(word: string): IntervalUnit | undefined {
  const w = word.toLowerCase().replace(/s$/, '');
  return (['year', 'month', 'week', 'day', 'hour', 'minute', 'second', 'millisecond', 'microsecond'] as const).find((u) => u === w);
}

/** INTERVAL literals: year-month units -> year_month_interval (months), day-time units -> day_time_interval (µs),
 * both -> calendar_interval {months, days, microseconds}. */
export function intervalLiteral(e: Extract<Expr, { kind: 'interval' }>): Lit {
  let months = 0;
  let micros = 0;
  let days = 0;
  let ym = false;
  let dt = false;
  const add = (value: number, unit: IntervalUnit): void => {
    if (unit === 'year' || unit === 'month') { ym = true; months += unit === 'year' ? value * 12 : value; return; }
    dt = true;
    if (unit === 'day' || unit === 'week') days += unit === 'week' ? value * 7 : value;
    else micros += Math.round(value * microsPer[unit]!);
  };
  const parts: IntervalPart[] = [...e.parts];
  for (const p of parts) {
    if (p.unit === null) {
      const words = p.value.trim().split(/\s+/);
      for (let i = 0; i + 1 < words.length; i += 2) {
        const u = unitOf(words[i + 1]!);
        if (!u) throw analysisError('INVALID_INTERVAL_FORMAT', '22006', { input: p.value }, `Error parsing '${p.value}' to interval.`);
        add(Number(words[i]), u);
      }
    } else if (e.to && /[-: ]/.test(p.value.trim().replace(/^-/, ''))) {
      const neg = p.value.trim().startsWith('-') ? -1 : 1;
      const nums = p.value.trim().replace(/^-/, '').split(/[-: ]/).map(Number);
      const order: IntervalUnit[] = ['year', 'month', 'day', 'hour', 'minute', 'second'];
      const start = order.indexOf(p.unit);
      nums.forEach((n, i) => add(neg * n, order[start + i]!));
    } else add(Number(p.value), p.unit);
  }
  if (ym && dt) return lit({ months, days, microseconds: micros }, { kind: 'calendar_interval' });
  if (ym) return lit(months, { kind: 'year_month_interval' });
  return lit(days * 86400e6 + micros, { kind: 'day_time_interval' });
}

export function dataTypeOf(t: DataTypeAst): DataType {
  switch (t.kind) {
    case 'primitive':
      switch (t.name) {
        case 'tinyint': return { kind: 'byte' };
        case 'smallint': return { kind: 'short' };
        case 'bigint': return { kind: 'long' };
        case 'void': return { kind: 'null' };
        default: return { kind: t.name };
      }
    case 'decimal': return { kind: 'decimal', precision: t.precision, scale: t.scale };
    case 'varchar': case 'char': return { kind: 'string' };
    case 'array': return { kind: 'array', element: dataTypeOf(t.element), containsNull: true };
    case 'map': return { kind: 'map', key: dataTypeOf(t.key), value: dataTypeOf(t.value), valueContainsNull: true };
    case 'struct': return { kind: 'struct', fields: t.fields.map((f) => ({ name: f.name, type: dataTypeOf(f.type), nullable: f.nullable })) };
    case 'yearMonthInterval': return { kind: 'year_month_interval' };
    case 'dayTimeInterval': return { kind: 'day_time_interval' };
    case 'calendarInterval': return { kind: 'calendar_interval' };
    default: return assertNever(t, 'data type');
  }
}
