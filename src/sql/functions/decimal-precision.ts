// Spark's DecimalPrecision result types for + - * / % on decimals (spark.sql.decimalOperations.allowPrecisionLoss=true),
// and the decimal type an integral type or literal widens to. Used by the operator typing in operators.ts.
import type { DataType } from '../types/data-type.js';

export const MAX_PRECISION = 38;
const MINIMUM_ADJUSTED_SCALE = 6;

export type Decimal = Extract<DataType, { kind: 'decimal' }>;

export function decimalType(precision: number, scale: number): Decimal {
  return { kind: 'decimal', precision, scale };
}

/** DecimalType.bounded: caps precision and scale at 38. */
export function bounded(precision: number, scale: number): Decimal {
  return decimalType(Math.min(precision, MAX_PRECISION), Math.min(scale, MAX_PRECISION));
}

/** DecimalType.adjustPrecisionScale: keeps at least 6 fractional digits when the precision must shrink to 38. */
export function adjustPrecisionScale(precision: number, scale: number): Decimal {
  if (precision <= MAX_PRECISION) return decimalType(precision, scale);
  if (scale < 0) return decimalType(MAX_PRECISION, scale);
  const intDigits = precision - scale;
  const minScale = Math.min(scale, MINIMUM_ADJUSTED_SCALE);
  return decimalType(MAX_PRECISION, Math.max(MAX_PRECISION - intDigits, minScale));
}

/** DecimalType.forType: the decimal an integral type converts to without loss. */
export function decimalForIntegral(t: DataType): Decimal | undefined {
  switch (t.kind) {
    case 'byte': return decimalType(3, 0);
    case 'short': return decimalType(5, 0);
    case 'int': return decimalType(10, 0);
    case 'long': return decimalType(20, 0);
    case 'decimal': return t;
    default: return undefined;
  }
}

/** DecimalType.fromLiteral for integral literals: just the digits the value needs (2 -> decimal(1,0)). */
export function decimalForIntegralLiteral(value: number): Decimal {
  const digits = Math.abs(Math.trunc(value)).toString().length;
  return decimalType(Math.max(digits, 1), 0);
}

export function widerDecimal(a: Decimal, b: Decimal): Decimal {
  const scale = Math.max(a.scale, b.scale);
  const range = Math.max(a.precision - a.scale, b.precision - b.scale);
  return bounded(range + scale, scale);
}

/** isWiderThan: every value of `t` fits `d` without loss. */
export function decimalIsWiderThan(d: Decimal, t: DataType): boolean {
  if (t.kind === 'decimal') return d.precision - d.scale >= t.precision - t.scale && d.scale >= t.scale;
  const it = decimalForIntegral(t);
  return it !== undefined && decimalIsWiderThan(d, it);
}

export type DecimalOp = 'add' | 'subtract' | 'multiply' | 'divide' | 'remainder' | 'pmod';

export function decimalResultType(op: DecimalOp, a: Decimal, b: Decimal): Decimal {
  const { precision: p1, scale: s1 } = a;
  const { precision: p2, scale: s2 } = b;
  switch (op) {
    case 'add':
    case 'subtract': {
      const scale = Math.max(s1, s2);
      return adjustPrecisionScale(Math.max(p1 - s1, p2 - s2) + scale + 1, scale);
    }
    case 'multiply':
      return adjustPrecisionScale(p1 + p2 + 1, s1 + s2);
    case 'divide': {
      const scale = Math.max(MINIMUM_ADJUSTED_SCALE, s1 + p2 + 1);
      return adjustPrecisionScale(p1 - s1 + s2 + scale, scale);
    }
    case 'remainder':
    case 'pmod': {
      const scale = Math.max(s1, s2);
      return adjustPrecisionScale(Math.min(p1 - s1, p2 - s2) + scale, scale);
    }
  }
}
