// The analyzer's only door to the function registry (S2, src/sql/functions): scalar calls, aggregates, window
// functions, coercion, casts and literals.
import type { Expression } from '../../planner/expr/expression.js';
import { sameType, type DataType } from '../types/data-type.js';
import {
  castExpression, coerceTypes, implicitCast, isAggregateFunction, isGeneratorFunction, isWindowFunction, literalOf,
  resolveAggregate, resolveFunction, resolveGenerator, resolveWindowFunction,
} from '../functions/index.js';
import { typeOf } from './expr-type.js';

export interface FnOpts {
  readonly ansi: boolean;
  /** spark.sql.session.timeZone: string ↔ timestamp casts and date-time functions use it. */
  readonly timeZone?: string;
}

export {
  castExpression, coerceTypes, isAggregateFunction, isGeneratorFunction, isWindowFunction, literalOf, resolveAggregate,
  resolveFunction, resolveGenerator, resolveWindowFunction,
};

/** Casts `e` to `to` as type coercion does (no-op when the type already matches). */
export function widen(e: Expression, to: DataType, opts: FnOpts): Expression {
  return sameType(typeOf(e), to) ? e : implicitCast(e, to, opts);
}
