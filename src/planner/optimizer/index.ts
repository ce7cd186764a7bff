// The optimizer's entry point: the default rule batches (Spark's order: operator push-down to a fixpoint, then
// constant folding and boolean simplification, then pruning) and `optimize(plan, conf)`.
import type { LogicalPlan } from '../logical/logical-plan.js';
import type { OptimizerConf, RuleBatch } from './rule.js';
import { runBatches } from './runner.js';
import { collapseProject } from './rules/collapse-project.js';
import { columnPruning } from './rules/column-pruning.js';
import { combineFilters } from './rules/combine-filters.js';
import { constantFolding } from './rules/constant-folding.js';
import { eliminateOuterJoin } from './rules/eliminate-outer-join.js';
import { eliminateSorts } from './rules/eliminate-sorts.js';
import { extractCommonConjunctsRule } from './rules/extract-common-conjuncts.js';
import { limitPushdown } from './rules/limit-pushdown.js';
import { pushDownFilter } from './rules/push-down-filter.js';
import { pushSemiAntiJoin } from './rules/push-semi-anti-join.js';
import { reorderJoins } from './rules/reorder-joins.js';
import { rewriteSubqueries } from './rules/rewrite-subqueries.js';
import { rewriteSetOpsAll } from './rules/rewrite-set-ops-all.js';
import { simplifyBoolean } from './rules/simplify-boolean.js';

export const defaultBatches: readonly RuleBatch[] = [
  { name: 'Rewrite Subqueries', strategy: 'once', rules: [rewriteSubqueries] },
  { name: 'Replace Operators', strategy: 'once', rules: [rewriteSetOpsAll] },
  { name: 'Operator Optimization', strategy: 'fixpoint', rules: [combineFilters, extractCommonConjunctsRule, eliminateOuterJoin, pushDownFilter, pushSemiAntiJoin, collapseProject, limitPushdown, eliminateSorts, constantFolding, simplifyBoolean] },
  { name: 'Join Reorder', strategy: 'once', rules: [reorderJoins] },
  { name: 'Column Pruning', strategy: 'fixpoint', rules: [columnPruning, collapseProject] },
];

const EMPTY_CONF: OptimizerConf = { get: () => undefined };

export function optimize(plan: LogicalPlan, conf: OptimizerConf = EMPTY_CONF): LogicalPlan {
  return runBatches(plan, defaultBatches, conf);
}

export type { OptimizerConf, Rule, RuleBatch } from './rule.js';
export { ruleMetrics } from './runner.js';
