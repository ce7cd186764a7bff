// Cast typing: which casts Spark allows (Cast.canCast / canAnsiCast) and castExpression, which builds the node
// (or returns the expression itself when it already has the type).
import { exprType } from '../../planner/expr/expr-type.js';
import type { Expression } from '../../planner/expr/expression.js';
import { isNumeric, sameType, type DataType } from '../types/data-type.js';
import { exprSql, typeSql } from './expr-sql.js';
import { mismatch } from './type-errors.js';

export type CastMode = 'cast' | 'try' | 'ansi';

const datetimeKinds = new Set(['date', 'timestamp', 'timestamp_ntz']);
const intervalKinds = new Set(['calendar_interval', 'day_time_interval', 'year_month_interval']);

export function canCast(from: DataType, to: DataType, ansi = false): boolean {
  if (sameType(from, to) || from.kind === 'null') return true;
  switch (to.kind) {
    case 'string':
      return from.kind !== 'calendar_interval' || !ansi;
    case 'binary':
      return from.kind === 'string' || (!ansi && ['byte', 'short', 'int', 'long'].includes(from.kind));
    case 'boolean':
      return from.kind === 'string' || isNumeric(from) || (!ansi && datetimeKinds.has(from.kind));
    case 'byte': case 'short': case 'int': case 'long': case 'float': case 'double': case 'decimal':
      return from.kind === 'string' || from.kind === 'boolean' || isNumeric(from) || from.kind === 'timestamp' ||
        
        ((from.kind === 'day_time_interval' || from.kind === 'year_month_interval') && to.kind !== 'float' && to.kind !== 'double');
    case 'date':
      return from.kind === 'string' || from.kind === 'timestamp' || from.kind === 'timestamp_ntz';
    case 'timestamp':
      return from.kind === 'string' || from.kind === 'date' || from.kind === 'timestamp_ntz' || (isNumeric(from)) ||
        (!ansi && from.kind === 'boolean');
    case 'timestamp_ntz':
      return from.kind === 'string' || from.kind === 'date' || from.kind === 'timestamp';
    case 'calendar_interval': case 'day_time_interval': case 'year_month_interval':
      return from.kind === 'string' || (intervalKinds.has(from.kind) && from.kind === to.kind) ||
        (to.kind !== 'calendar_interval' && ['byte', 'short', 'int', 'long', 'decimal'].includes(from.kind));
    case 'array':
      return from.kind === 'array' && canCast(from.element, to.element, ansi);
    case 'map':
      return from.kind === 'map' && canCast(from.key, to.key, ansi) && canCast(from.value, to.value, ansi);
    case 'struct':
      return from.kind === 'struct' && from.fields.length === to.fields.length &&
        from.fields.every((f, i) => canCast(f.type, to.fields[i]!.type, ansi));
    case 'null':
      return false;
  }
}

/** Builds CAST(e AS to); throws DATATYPE_MISMATCH.CAST_WITHOUT_SUGGESTION when Spark refuses the cast. */
export function castExpression(e: Expression, to: DataType, mode: CastMode, timeZone?: string): Expression {
  if (sameType(exprType(e), to)) return e;
  if (!canCast(exprType(e), to, mode === 'ansi')) {
    const text = `CAST(${exprSql(e)} AS ${typeSql(to)})`;
    throw mismatch('CAST_WITHOUT_SUGGESTION', text, `cannot cast "${typeSql(exprType(e))}" to "${typeSql(to)}"`);
  }
  return timeZone === undefined ? { kind: 'cast', expr: e, type: to, mode } : { kind: 'cast', expr: e, type: to, mode, timeZone };
}

/** An implicit cast inserted by type coercion: the session's eval mode, no error check for allowed widenings. */
export function implicitCast(e: Expression, to: DataType, opts: { readonly ansi: boolean; readonly timeZone?: string }): Expression {
  if (sameType(exprType(e), to)) return e;
  // a NULL literal just changes type
  if (e.kind === 'literal' && e.value === null) return { kind: 'literal', value: null, type: to };
  return castExpression(e, to, opts.ansi ? 'ansi' : 'cast', opts.timeZone);
}
