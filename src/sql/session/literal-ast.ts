// JS values as SQL literal ASTs (lit(), comparisons with plain values): integers within int range → int,
// other integers → bigint, fractions → double, bigint → bigint, Date → TIMESTAMP, strings, booleans, null.
import { TsSparkError } from '../../common/errors.js';
import type { Expr } from '../parser/ast.js';

export function literalAst(v: unknown): Expr {
  if (v === null || v === undefined) return { kind: 'null' };
  switch (typeof v) {
    case 'boolean': return { kind: 'boolean', value: v };
    case 'string': return { kind: 'string', value: v };
    case 'bigint': return { kind: 'number', type: 'bigint', text: v.toString() };
    case 'number':
      if (Number.isInteger(v) && !Object.is(v, -0)) return { kind: 'number', type: v >= -2147483648 && v <= 2147483647 ? 'int' : 'bigint', text: String(v) };
      if (Number.isNaN(v)) return { kind: 'cast', expr: { kind: 'string', value: 'NaN' }, type: { kind: 'primitive', name: 'double' }, mode: 'cast' };
      if (!Number.isFinite(v)) return { kind: 'cast', expr: { kind: 'string', value: v > 0 ? 'Infinity' : '-Infinity' }, type: { kind: 'primitive', name: 'double' }, mode: 'cast' };
      return { kind: 'number', type: 'double', text: String(v) };
    default:
      if (v instanceof Date) return { kind: 'typedLiteral', type: 'timestamp', value: v.toISOString() };
      if (Array.isArray(v)) return { kind: 'function', name: ['array'], args: v.map(literalAst), distinct: false };
      throw new TsSparkError('INVALID_ARGUMENT', `[UNSUPPORTED_FEATURE.LITERAL_TYPE] Literal for '${String(v)}' of ${Object.prototype.toString.call(v)} is not supported`);
  }
}
