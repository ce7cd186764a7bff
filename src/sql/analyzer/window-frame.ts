// Window frame boundaries: literal offsets of ROWS frames, and RANGE frames with value offsets checked as Spark's
// SpecifiedWindowFrame does (one order key, offset type matching the key type) with the offset put in key units.
import type { FrameBoundary, SortOrder, WindowFrame } from '../../planner/expr/expression.js';
import { exprToSql } from '../parser/index.js';
import type { FrameBound, WindowSpec } from '../parser/ast.js';
import type { DataType } from '../types/data-type.js';
import { analysisError } from './errors.js';
import { typeOf } from './expr-type.js';
import { resolveExpr, type ResolveCtx } from './resolve-expr.js';

interface Bound {
  readonly boundary: FrameBoundary;
  /** The offset literal's type (value boundaries only). */
  readonly type?: DataType;
}

const MICROS_PER_DAY = 86_400_000_000;

function boundary(b: FrameBound, ctx: ResolveCtx): Bound {
  switch (b.kind) {
    case 'unboundedPreceding': return { boundary: { kind: 'unbounded_preceding' } };
    case 'unboundedFollowing': return { boundary: { kind: 'unbounded_following' } };
    case 'currentRow': return { boundary: { kind: 'current_row' } };
    case 'preceding': case 'following': {
      const v = resolveExpr(b.offset, { ...ctx, allowAggregate: false, allowWindow: false });
      if (v.kind !== 'literal' || typeof v.value !== 'number') {
        throw analysisError('DATATYPE_MISMATCH.SPECIFIED_WINDOW_FRAME_WITHOUT_FOLDABLE', '42K09', {}, 'Window frame boundary must be a literal.');
      }
      const t = typeOf(v);
      const n = t.kind === 'decimal' ? v.value / 10 ** t.scale : v.value;
      return { boundary: { kind: 'offset', value: b.kind === 'preceding' ? -n : n }, type: t };
    }
  }
}

/** Spark's text of the window specification, for error messages: `(ORDER BY a ASC NULLS FIRST RANGE BETWEEN …)`. */
function specText(spec: WindowSpec): string {
  const s = exprToSql({ kind: 'function', name: ['f'], args: [], distinct: false, over: spec });
  return s.slice(s.indexOf(' OVER ') + 6);
}

function mismatch(spec: WindowSpec, sub: string, params: Record<string, string>, detail: string): Error {
  const sqlExpr = `"${specText(spec)}"`;
  return analysisError(`DATATYPE_MISMATCH.${sub}`, '42K09', { sqlExpr, ...params },
    `Cannot resolve ${sqlExpr} due to data type mismatch: ${detail}.`);
}

const integral = new Set(['byte', 'short', 'int', 'long']);
const numeric = new Set(['byte', 'short', 'int', 'long', 'float', 'double', 'decimal']);

/** An offset in the order key's units: numbers as they are, intervals as days (DATE) or µs (TIMESTAMP). */
function keyOffset(b: Bound, key: DataType, spec: WindowSpec, keyText: string): FrameBoundary {
  if (b.boundary.kind !== 'offset' || !b.type) return b.boundary;
  const t = b.type;
  const v = b.boundary.value;
  const ok = (numeric.has(key.kind) && numeric.has(t.kind))
    || (key.kind === 'date' && (integral.has(t.kind) || t.kind === 'day_time_interval'))
    || ((key.kind === 'timestamp' || key.kind === 'timestamp_ntz') && t.kind === 'day_time_interval');
  if (!ok) {
    throw mismatch(spec, 'RANGE_FRAME_INVALID_TYPE', { orderSpecType: `"${keyText}"`, valueBoundaryType: `"${typeText(t)}"` },
      `The data type "${keyText}" used in the order specification does not match the data type "${typeText(t)}" which is used in the range frame`);
  }
  if (key.kind === 'date' && t.kind === 'day_time_interval') return { kind: 'offset', value: v / MICROS_PER_DAY };
  return b.boundary;
}

function typeText(t: DataType): string {
  switch (t.kind) {
    case 'day_time_interval': return 'INTERVAL DAY TO SECOND';
    case 'year_month_interval': return 'INTERVAL YEAR TO MONTH';
    case 'calendar_interval': return 'INTERVAL';
    case 'decimal': return `DECIMAL(${t.precision},${t.scale})`;
    case 'long': return 'BIGINT';
    case 'short': return 'SMALLINT';
    case 'byte': return 'TINYINT';
    default: return t.kind.toUpperCase();
  }
}

/** The frame of an explicitly framed window: ROWS offsets as given, RANGE value offsets validated against the key. */
export function explicitFrame(spec: WindowSpec & { frame: NonNullable<WindowSpec['frame']> }, orderBy: readonly SortOrder[], ctx: ResolveCtx): WindowFrame {
  const lower = boundary(spec.frame.start, ctx);
  const upper = boundary(spec.frame.end, ctx);
  if (spec.frame.type === 'rows' || (!lower.type && !upper.type)) {
    return { type: spec.frame.type, lower: lower.boundary, upper: upper.boundary };
  }
  if (orderBy.length === 0) {
    throw mismatch(spec, 'RANGE_FRAME_WITHOUT_ORDER', {}, 'A range window frame cannot be used in an unordered window specification');
  }
  if (orderBy.length > 1) {
    const orderSpec = spec.orderBy.map((s) => exprToSql({ kind: 'function', name: ['f'], args: [], distinct: false, over: { kind: 'windowSpec', partitionBy: [], orderBy: [s] } })
      .replace(/^f\(\) OVER \(ORDER BY /, '').replace(/ RANGE BETWEEN .*$/, '')).join(',');
    throw mismatch(spec, 'RANGE_FRAME_MULTI_ORDER', { orderSpec },
      `A range window frame with value boundaries cannot be used in a window specification with multiple order by expressions: ${orderSpec}`);
  }
  const key = typeOf(orderBy[0]!.expr);
  const keyText = typeText(key);
  return { type: 'range', lower: keyOffset(lower, key, spec, keyText), upper: keyOffset(upper, key, spec, keyText) };
}
