// Bridge to the expression evaluator's evalConstant (src/planner/expr, owned by the expression compiler).
// Loaded lazily so the optimizer still runs (without constant folding) where the evaluator is unavailable.
import type { Expression } from '../expr/expression.js';

type EvalConstant = (e: Expression) => unknown;

const spec = '../expr/index.js';
let evalFn: EvalConstant | undefined;
try {
  const mod = (await import(spec)) as { evalConstant?: EvalConstant };
  evalFn = mod.evalConstant;
} catch {
  evalFn = undefined;
}

export function constantEvaluator(): EvalConstant | undefined {
  return evalFn;
}
