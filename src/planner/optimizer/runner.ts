// The optimizer runner: applies batches of rules top-down over the plan, to a fixpoint where asked, and keeps
// per-rule timing and effectiveness counters (Spark's RuleExecutor metrics) and checks the output is unchanged.
import { TsSparkError } from '../../common/errors.js';
import type { LogicalPlan } from '../logical/logical-plan.js';
import { outputOf, transformPlanDown } from './plan-utils.js';
import type { OptimizerConf, Rule, RuleBatch } from './rule.js';

export interface RuleMetrics {
  invocations: number;
  effective: number;
  timeNs: number;
}

export const ruleMetrics = new Map<string, RuleMetrics>();

const MAX_ITERATIONS = 100;

export function applyRule(plan: LogicalPlan, rule: Rule, conf: OptimizerConf): LogicalPlan {
  const t0 = process.hrtime.bigint();
  const out = transformPlanDown(plan, (p) => rule.apply(p, conf));
  const m = ruleMetrics.get(rule.name) ?? { invocations: 0, effective: 0, timeNs: 0 };
  m.invocations++;
  if (out !== plan) m.effective++;
  m.timeNs += Number(process.hrtime.bigint() - t0);
  ruleMetrics.set(rule.name, m);
  return out;
}

export function runBatches(plan: LogicalPlan, batches: readonly RuleBatch[], conf: OptimizerConf): LogicalPlan {
  const before = outputOf(plan).map((a) => a.id).join(',');
  let cur = plan;
  for (const batch of batches) {
    const limit = batch.strategy === 'once' ? 1 : MAX_ITERATIONS;
    for (let i = 0; i < limit; i++) {
      const start = cur;
      for (const rule of batch.rules) cur = applyRule(cur, rule, conf);
      if (cur === start) break;
    }
  }
  const after = outputOf(cur).map((a) => a.id).join(',');
  if (before !== after) throw new TsSparkError('INTERNAL', `optimizer changed the plan's output from [${before}] to [${after}]`);
  return cur;
}
