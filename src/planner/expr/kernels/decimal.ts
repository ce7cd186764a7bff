// Decimal arithmetic on unscaled values (column-batch.ts keeps decimals unscaled in doubles): rescaling with
// HALF_UP / HALF_EVEN, Spark's + - * / % results at the result type's scale, overflow to NULL (or error in ANSI).
// Exact while values stay below 2^53; intermediate products and quotients go through BigInt when they would not.
import { TsSparkError } from '../../../common/errors.js';

export const POW10: readonly number[] = Array.from({ length: 39 }, (_, i) => 10 ** i);
const BIG10: readonly bigint[] = Array.from({ length: 80 }, (_, i) => 10n ** BigInt(i));

export function bigDivRound(num: bigint, den: bigint, mode: 'up' | 'even' | 'floor' | 'ceil' | 'down'): bigint {
  if (den < 0n) { num = -num; den = -den; }
  let q = num / den;
  const r = num - q * den;
  if (r === 0n) return q;
  const neg = num < 0n;
  switch (mode) {
    case 'down': return q;
    case 'floor': return neg ? q - 1n : q;
    case 'ceil': return neg ? q : q + 1n;
    case 'up': {
      const twice = (r < 0n ? -r : r) * 2n;
      if (twice >= den) q += neg ? -1n : 1n;
      return q;
    }
    case 'even': {
      const twice = (r < 0n ? -r : r) * 2n;
      if (twice > den || (twice === den && q % 2n !== 0n)) q += neg ? -1n : 1n;
      return q;
    }
  }
}

export type Rounding = 'up' | 'even' | 'floor' | 'ceil' | 'down';

/** v × 10^(to - from), rounded (HALF_UP by default) when the scale shrinks. */
export function rescale(v: number, from: number, to: number, mode: Rounding = 'up'): number {
  if (to === from) return v;
  if (to > from) {
    const r = v * POW10[to - from]!;
    return Number.isSafeInteger(r) ? r : Number(BigInt(v) * BIG10[to - from]!);
  }
  const d = from - to;
  if (d > 22 || !Number.isSafeInteger(v)) return Number(bigDivRound(BigInt(Math.trunc(v)), BIG10[d]!, mode));
  const den = POW10[d]!;
  let q = Math.trunc(v / den);
  let r = v - q * den;
  if ((v >= 0 && r < 0) || (v < 0 && r > 0)) { q += v >= 0 ? -1 : 1; r = v - q * den; }
  if (r === 0) return q;
  const neg = v < 0;
  const twice = Math.abs(r) * 2;
  switch (mode) {
    case 'down': return q;
    case 'floor': return neg ? q - 1 : q;
    case 'ceil': return neg ? q : q + 1;
    case 'up': return twice >= den ? q + (neg ? -1 : 1) : q;
    case 'even': return twice > den || (twice === den && q % 2 !== 0) ? q + (neg ? -1 : 1) : q;
  }
}

/** NULL (non-ANSI) or an error (ANSI) when the value needs more than `precision` digits. */
export function checkPrecision(v: number, precision: number, ansi: boolean): number | null {
  if (Math.abs(v) < POW10[precision]!) return v === 0 ? 0 : v;
  if (ansi) {
    throw new TsSparkError('ARITHMETIC_ERROR',
      `[NUMERIC_VALUE_OUT_OF_RANGE.WITH_SUGGESTION] The value cannot be represented as Decimal(${precision}). If necessary set "spark.sql.ansi.enabled" to "false" to bypass this error, and return NULL instead.`,
      { details: { errorClass: 'NUMERIC_VALUE_OUT_OF_RANGE' } });
  }
  return null;
}

export interface DecimalOpTypes {
  readonly s1: number;
  readonly s2: number;
  readonly p: number;
  readonly s: number;
  readonly ansi: boolean;
}

function align(a: number, b: number, t: DecimalOpTypes): [number, number, number] {
  const sc = Math.max(t.s1, t.s2);
  return [rescale(a, t.s1, sc), rescale(b, t.s2, sc), sc];
}

export function decimalAdd(a: number, b: number, t: DecimalOpTypes): number | null {
  const [x, y, sc] = align(a, b, t);
  const sum = x + y;
  const exact = Number.isSafeInteger(sum) ? sum : Number(BigInt(x) + BigInt(y));
  return checkPrecision(rescale(exact, sc, t.s), t.p, t.ansi);
}

export function decimalSubtract(a: number, b: number, t: DecimalOpTypes): number | null {
  return decimalAdd(a, -b, t);
}

export function decimalMultiply(a: number, b: number, t: DecimalOpTypes): number | null {
  const prod = a * b;
  const sc = t.s1 + t.s2;
  if (Number.isSafeInteger(prod)) return checkPrecision(rescale(prod, sc, t.s), t.p, t.ansi);
  const big = BigInt(a) * BigInt(b);
  const r = t.s >= sc ? big * BIG10[t.s - sc]! : bigDivRound(big, BIG10[sc - t.s]!, 'up');
  return checkPrecision(Number(r), t.p, t.ansi);
}

export function decimalDivide(a: number, b: number, t: DecimalOpTypes): number | null {
  if (b === 0) return divideByZero(t.ansi);
  // a/10^s1 ÷ b/10^s2 at scale s  =  a × 10^(s + s2 - s1) ÷ b
  const k = t.s + t.s2 - t.s1;
  const num = k >= 0 ? BigInt(a) * BIG10[k]! : BigInt(a);
  const den = k >= 0 ? BigInt(b) : BigInt(b) * BIG10[-k]!;
  return checkPrecision(Number(bigDivRound(num, den, 'up')), t.p, t.ansi);
}

export function decimalRemainder(a: number, b: number, t: DecimalOpTypes): number | null {
  if (b === 0) return divideByZero(t.ansi);
  const [x, y, sc] = align(a, b, t);
  return checkPrecision(rescale(x % y, sc, t.s), t.p, t.ansi);
}

export function decimalPmod(a: number, b: number, t: DecimalOpTypes): number | null {
  if (b === 0) return divideByZero(t.ansi);
  const [x, y, sc] = align(a, b, t);
  let r = x % y;
  if (r < 0) r = (r + y) % y;
  return checkPrecision(rescale(r, sc, t.s), t.p, t.ansi);
}

/** IntegralDivide on decimals: truncated quotient as a long. */
export function decimalDiv(a: number, b: number, t: DecimalOpTypes): number | null {
  if (b === 0) return divideByZero(t.ansi);
  const [x, y] = align(a, b, t);
  return Number(bigDivRound(BigInt(x), BigInt(y), 'down'));
}

export function divideByZero(ansi: boolean): null {
  if (ansi) {
    throw new TsSparkError('ARITHMETIC_ERROR',
      '[DIVIDE_BY_ZERO] Division by zero. Use `try_divide` to tolerate divisor being 0 and return NULL instead. If necessary set "spark.sql.ansi.enabled" to "false" to bypass this error.',
      { details: { errorClass: 'DIVIDE_BY_ZERO' } });
  }
  return null;
}

/** Unscaled decimal -> double. */
export function decimalToDouble(v: number, scale: number): number {
  return scale === 0 ? v : v / POW10[scale]!;
}

/** double -> unscaled decimal(p, s) via its shortest decimal text (Spark's Decimal(BigDecimal.valueOf(d))). */
export function doubleToDecimal(d: number, precision: number, scale: number, ansi: boolean): number | null {
  if (!Number.isFinite(d)) return null;
  const direct = d * POW10[scale]!;
  if (Number.isInteger(direct) && Math.abs(direct) < 2 ** 52 && direct / POW10[scale]! === d) return checkPrecision(direct, precision, ansi);
  const s = String(d);
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(s)!;
  let intPart = m[2]!;
  let frac = m[3] ?? '';
  let exp = Number(m[4] ?? 0);
  while (exp > 0) { intPart += frac[0] ?? '0'; frac = frac.slice(1); exp--; }
  while (exp < 0) { frac = (intPart.slice(-1) || '0') + frac; intPart = intPart.slice(0, -1) || '0'; exp++; }
  let v = BigInt(intPart + frac.slice(0, scale).padEnd(scale, '0'));
  if ((frac[scale] ?? '0') >= '5') v += 1n;
  const n = Number(m[1] === '-' ? -v : v);
  return checkPrecision(n, precision, ansi);
}
