// SQLQueryTestHelper.isSemanticallySorted over our analyzed plans: Spark keeps the engine's row order only when a
// global Sort sits at the top (under Project/Filter only), reached without crossing a Join, Aggregate, Generate,
// Sample or Distinct; every other answer is compared after sorting its rendered rows as strings.
import { assertNever } from '../../common/assert.js';
import { planChildren } from '../../planner/logical/index.js';
import type { LogicalPlan } from '../../planner/logical/logical-plan.js';

export function isSemanticallySorted(plan: LogicalPlan): boolean {
  switch (plan.kind) {
    case 'join': case 'aggregate': case 'generate': case 'distinct':
      return false;
    case 'project': case 'filter': case 'sort': {
      // Spark's PhysicalOperation(_, _, Sort(_, global = true, _)): Projects/Filters over a global sort.
      let p: LogicalPlan = plan;
      while (p.kind === 'project' || p.kind === 'filter') p = p.input;
      if (p.kind === 'sort' && p.global) return true;
      return planChildren(plan).some(isSemanticallySorted);
    }
    case 'file_scan': case 'local_relation': case 'range': case 'rdd_scan': case 'limit': case 'union':
    case 'intersect': case 'except': case 'window': case 'expand': case 'repartition': case 'cached':
      return planChildren(plan).some(isSemanticallySorted);
    default:
      return assertNever(plan, 'logical plan');
  }
}
