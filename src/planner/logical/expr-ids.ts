// Fresh expression ids (Spark's exprId): every attribute the analyzer defines gets one, unique in the driver process.
import type { ExprId } from '../expr/expression.js';

let next = 1;

export function newExprId(): ExprId {
  return next++;
}
