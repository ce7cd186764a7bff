// Public surface of the function registry (S2): typing of scalar functions/operators, aggregates, windows and
// generators with Spark 3.5's coercion rules; casts and literals.
export { resolveFunction, isScalarFunction, isGeneratorFunction, scalarFunctionNames } from './registry.js';
export type { ResolveOptions } from './resolve-context.js';
export { isNullable } from './resolve-context.js';
export { isAggregateFunction, resolveAggregate } from './aggregates.js';
export { isWindowFunction, resolveWindowFunction } from './window-functions.js';
export { resolveGenerator, type ResolvedGenerator } from './collection-functions.js';
export { resolveCase, resolveIn } from './conditional-functions.js';
export { coerceTypes, coerceAll, tightestCommonType, comparisonCommonType } from './type-coercion.js';
export { castExpression, canCast, implicitCast, type CastMode } from './cast.js';
export { literalOf } from './literal.js';
export { exprSql, typeSql } from './expr-sql.js';
export { decimalResultType, adjustPrecisionScale } from './decimal-precision.js';
