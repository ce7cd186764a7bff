// Bridge to the expression evaluator's evalConstant (src/planner/expr), used by constant folding.
import type { Expression } from '../expr/expression.js';
import { evalConstant } from '../expr/index.js';

export function constantEvaluator(): ((e: Expression) => unknown) | undefined {
  return evalConstant;
}
