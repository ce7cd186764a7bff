// Public surface of logical plans: the plan union, output schemas, traversal helpers and the plan text.
export type { LogicalPlan, JoinType, FileSource } from './logical-plan.js';
export { outputOf, schemaOf, attributesToStruct } from './schema-of.js';
export { planChildren, withPlanChildren, transformPlanUp, transformPlanDown, planExpressions, mapPlanExpressions } from './plan-walk.js';
export { exprChildren, withExprChildren, transformExprUp, transformExprDown, exprExists, collectExprs } from './expr-walk.js';
export { displayPlan, nodeText } from './display.js';
export { exprText, sortOrderText, literalText } from './display-expr.js';
export { newExprId } from './expr-ids.js';
export { reIdPlan } from './re-id.js';
export { typeOf, nullableOf } from './expr-type.js';
