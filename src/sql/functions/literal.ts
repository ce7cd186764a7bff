// literalOf: a user-facing JS value (lit(5), lit('x'), lit(new Date())…) as a typed literal in physical form
// (column-batch.ts): integers as int/bigint, other numbers double, Date as timestamp µs, arrays/objects nested.
import { exprType } from '../../planner/expr/expr-type.js';
import { TsSparkError } from '../../common/errors.js';
import type { Expression } from '../../planner/expr/expression.js';
import type { DataType } from '../types/data-type.js';
import { coerceAll } from './type-coercion.js';

type Literal = Extract<Expression, { kind: 'literal' }>;

function lit(value: unknown, type: DataType): Literal {
  return { kind: 'literal', value, type };
}

export function literalOf(value: unknown): Expression {
  if (value === null || value === undefined) return lit(null, { kind: 'null' });
  if (typeof value === 'boolean') return lit(value, { kind: 'boolean' });
  if (typeof value === 'number') {
    if (Number.isInteger(value) && !Object.is(value, -0)) {
      if (value >= -2147483648 && value <= 2147483647) return lit(value, { kind: 'int' });
      if (Number.isSafeInteger(value)) return lit(value, { kind: 'long' });
    }
    return lit(value, { kind: 'double' });
  }
  if (typeof value === 'bigint') return lit(Number(value), { kind: 'long' });
  if (typeof value === 'string') return lit(value, { kind: 'string' });
  if (value instanceof Date) return lit(value.getTime() * 1000, { kind: 'timestamp' });
  if (value instanceof Uint8Array) return lit(value, { kind: 'binary' });
  if (Array.isArray(value)) {
    const items = value.map((v) => literalOf(v) as Literal);
    const element = coerceAll(items.map((i) => i.type));
    if (!element) throw new TsSparkError('INVALID_ARGUMENT', 'literal array elements have no common type');
    return lit(items.map((i) => convertLiteralValue(i.value, i.type, element)), {
      kind: 'array', element, containsNull: items.some((i) => i.value === null),
    });
  }
  if (value instanceof Map) {
    const keys = [...value.keys()].map((k) => literalOf(k) as Literal);
    const vals = [...value.values()].map((v) => literalOf(v) as Literal);
    const kt = coerceAll(keys.map((k) => k.type)) ?? { kind: 'null' };
    const vt = coerceAll(vals.map((v) => exprType(v))) ?? { kind: 'null' };
    const m = new Map<unknown, unknown>();
    keys.forEach((k, i) => m.set(convertLiteralValue(k.value, k.type, kt), convertLiteralValue(vals[i]!.value, vals[i]!.type, vt)));
    return lit(m, { kind: 'map', key: kt, value: vt, valueContainsNull: vals.some((v) => v.value === null) });
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, literalOf(v) as Literal] as const);
    const obj: Record<string, unknown> = {};
    for (const [k, l] of entries) obj[k] = l.value;
    return lit(obj, { kind: 'struct', fields: entries.map(([k, l]) => ({ name: k, type: l.type, nullable: l.value === null })) });
  }
  throw new TsSparkError('INVALID_ARGUMENT', `[UNSUPPORTED_FEATURE.LITERAL_TYPE] Unsupported literal of type ${typeof value}`);
}

/** Widens a literal's physical value from `from` to `to` (only numeric widenings arise from JS values). */
function convertLiteralValue(v: unknown, from: DataType, to: DataType): unknown {
  if (v === null || from.kind === to.kind) return v;
  if (to.kind === 'string') return String(v);
  return v;
}
