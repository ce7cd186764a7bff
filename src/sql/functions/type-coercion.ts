// Spark 3.5's common-type rules (TypeCoercion, non-ANSI): tightest common type, wider type (UNION, CASE, IN,
// COALESCE, greatest…) and the common type of a binary comparison. Pure functions of DataTypes.
import { sameType, type DataType } from '../types/data-type.js';
import { decimalForIntegral, decimalIsWiderThan, widerDecimal } from './decimal-precision.js';

const numericOrder = ['byte', 'short', 'int', 'long', 'float', 'double'] as const;

function numericRank(t: DataType): number {
  return (numericOrder as readonly string[]).indexOf(t.kind);
}

function isAtomic(t: DataType): boolean {
  return !['array', 'map', 'struct', 'null', 'calendar_interval'].includes(t.kind);
}

/** findTightestCommonType: widening without loss of precision (no decimals except integral into a wide decimal). */
export function tightestCommonType(a: DataType, b: DataType): DataType | undefined {
  if (sameType(a, b)) return a;
  if (a.kind === 'null') return b;
  if (b.kind === 'null') return a;
  const ra = numericRank(a);
  const rb = numericRank(b);
  if (ra >= 0 && rb >= 0) return ra >= rb ? a : b;
  if (a.kind === 'decimal' && rb >= 0 && rb <= 3 && decimalIsWiderThan(a, b)) return a;
  if (b.kind === 'decimal' && ra >= 0 && ra <= 3 && decimalIsWiderThan(b, a)) return b;
  const dt = new Set([a.kind, b.kind]);
  if (dt.has('timestamp') && (dt.has('date') || dt.has('timestamp_ntz'))) return { kind: 'timestamp' };
  if (dt.has('timestamp_ntz') && dt.has('date')) return { kind: 'timestamp_ntz' };
  if (a.kind === 'struct' && b.kind === 'struct') return structCommon(a, b, tightestCommonType);
  if (a.kind === 'array' && b.kind === 'array') {
    const e = tightestCommonType(a.element, b.element);
    return e && { kind: 'array', element: e, containsNull: a.containsNull || b.containsNull };
  }
  if (a.kind === 'map' && b.kind === 'map') {
    const k = tightestCommonType(a.key, b.key);
    const v = tightestCommonType(a.value, b.value);
    return k && v && { kind: 'map', key: k, value: v, valueContainsNull: a.valueContainsNull || b.valueContainsNull };
  }
  return undefined;
}

function structCommon(
  a: Extract<DataType, { kind: 'struct' }>, b: Extract<DataType, { kind: 'struct' }>,
  f: (x: DataType, y: DataType) => DataType | undefined,
): DataType | undefined {
  if (a.fields.length !== b.fields.length) return undefined;
  const fields = [];
  for (let i = 0; i < a.fields.length; i++) {
    const fa = a.fields[i]!;
    const fb = b.fields[i]!;
    if (fa.name.toLowerCase() !== fb.name.toLowerCase()) return undefined;
    const t = f(fa.type, fb.type);
    if (!t) return undefined;
    fields.push({ name: fa.name, type: t, nullable: fa.nullable || fb.nullable });
  }
  return { kind: 'struct', fields };
}

/** findWiderTypeForDecimal: decimal with decimal/integral widens as a decimal, with float/double to double. */
function widerForDecimal(a: DataType, b: DataType): DataType | undefined {
  if (a.kind === 'decimal' || b.kind === 'decimal') {
    if (a.kind === 'float' || a.kind === 'double' || b.kind === 'float' || b.kind === 'double') return { kind: 'double' };
    const da = decimalForIntegral(a);
    const db = decimalForIntegral(b);
    if (da && db) return widerDecimal(da, db);
  }
  return undefined;
}

/** findWiderTypeForTwo / coerceTypes: the common type for UNION, CASE, IN, COALESCE, greatest/least, array(). */
export function coerceTypes(a: DataType, b: DataType): DataType | undefined {
  const t = tightestCommonType(a, b) ?? widerForDecimal(a, b);
  if (t) return t;
  // stringPromotion: a string with any atomic type but binary/boolean is a string
  if (a.kind === 'string' && isAtomic(b) && b.kind !== 'binary' && b.kind !== 'boolean') return a;
  if (b.kind === 'string' && isAtomic(a) && a.kind !== 'binary' && a.kind !== 'boolean') return b;
  if (a.kind === 'array' && b.kind === 'array') {
    const e = coerceTypes(a.element, b.element);
    return e && { kind: 'array', element: e, containsNull: a.containsNull || b.containsNull };
  }
  if (a.kind === 'map' && b.kind === 'map') {
    const k = coerceTypes(a.key, b.key);
    const v = coerceTypes(a.value, b.value);
    return k && v && { kind: 'map', key: k, value: v, valueContainsNull: a.valueContainsNull || b.valueContainsNull };
  }
  if (a.kind === 'struct' && b.kind === 'struct') return structCommon(a, b, coerceTypes);
  return undefined;
}

/** The wider type of many (left to right), undefined when two of them have none. */
export function coerceAll(types: readonly DataType[]): DataType | undefined {
  let t: DataType = { kind: 'null' };
  for (const x of types) {
    const w = coerceTypes(t, x);
    if (!w) return undefined;
    t = w;
  }
  return t;
}

/** findCommonTypeForBinaryComparison (non-ANSI): string vs number compares as the number, string vs date as date… */
export function comparisonCommonType(a: DataType, b: DataType, ansi: boolean): DataType | undefined {
  if (!ansi) {
    const pair = (x: string, y: string): boolean => (a.kind === x && b.kind === y) || (a.kind === y && b.kind === x);
    if (pair('string', 'null')) return { kind: 'string' };
    if (pair('string', 'date')) return { kind: 'date' };
    if (pair('string', 'timestamp')) return { kind: 'timestamp' };
    if (pair('string', 'timestamp_ntz')) return { kind: 'timestamp_ntz' };
    if (pair('timestamp', 'date')) return { kind: 'timestamp' };
    if (pair('string', 'decimal')) return { kind: 'double' };
    if (a.kind === 'string' && isAtomic(b) && b.kind !== 'string') return b;
    if (b.kind === 'string' && isAtomic(a) && a.kind !== 'string') return a;
  } else {
    // ANSI: a string compared with a non-string is cast to the other side's type (decimals: double? no — the decimal)
    if (a.kind === 'string' && isAtomic(b) && b.kind !== 'string' && b.kind !== 'null') return b;
    if (b.kind === 'string' && isAtomic(a) && a.kind !== 'string' && a.kind !== 'null') return a;
  }
  return tightestCommonType(a, b) ?? widerForDecimal(a, b);
}

/** Spark's type name in error messages: "INT", "ARRAY<INT>", "DECIMAL(10,2)". */
export function sqlTypeName(t: DataType): string {
  return `"${typeText(t)}"`;
}

function typeText(t: DataType): string {
  switch (t.kind) {
    case 'array': return `ARRAY<${typeText(t.element)}>`;
    case 'map': return `MAP<${typeText(t.key)}, ${typeText(t.value)}>`;
    case 'struct': return `STRUCT<${t.fields.map((f) => `${f.name}: ${typeText(f.type)}`).join(', ')}>`;
    case 'null': return 'VOID';
    case 'day_time_interval': return 'INTERVAL DAY TO SECOND';
    case 'year_month_interval': return 'INTERVAL YEAR TO MONTH';
    case 'calendar_interval': return 'INTERVAL';
    default: {
      const simple: Record<string, string> = { byte: 'TINYINT', short: 'SMALLINT', long: 'BIGINT' };
      return simple[t.kind] ?? (t.kind === 'decimal' ? `DECIMAL(${t.precision},${t.scale})` : t.kind.toUpperCase());
    }
  }
}
