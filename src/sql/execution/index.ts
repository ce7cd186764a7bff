// SQL execution API: run logical plans as jobs, explain them, optimize them.
export { executePlan, explainPlans, physicalPlanOf, type ExecutionContext, type ExplainMode } from './execute-plan.js';
export { optimize } from '../../planner/optimizer/index.js';
export type { SqlSparkContext } from './runtime.js';
