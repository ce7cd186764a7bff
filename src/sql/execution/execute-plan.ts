// SQL execution entry points on the driver: optimize → physical plan → RDDs → jobs on the core scheduler.
// `explainPlans` renders the sections Spark's explain prints.
import type { LogicalPlan } from '../../planner/logical/logical-plan.js';
import { optimize } from '../../planner/optimizer/index.js';
import { confFrom, displayPhysical, parseBytes, planPhysical, type PhysicalPlan } from '../../planner/physical/index.js';
import type { ColumnBatch } from '../batch/column-batch.js';
import type { SqlSparkContext } from './runtime.js';
import { toRdd } from './to-rdd.js';

export interface ExecutionContext {
  readonly sc: SqlSparkContext;
  readonly conf: { get(key: string): string | undefined };
}

export function physicalPlanOf(ctx: ExecutionContext, plan: LogicalPlan): PhysicalPlan {
  const get = (k: string): string | undefined => ctx.conf.get(k);
  return planPhysical(optimize(plan, ctx.conf), confFrom(get, ctx.sc.defaultParallelism));
}

export async function executePlan(ctx: ExecutionContext, plan: LogicalPlan): Promise<ColumnBatch[]> {
  const physical = physicalPlanOf(ctx, plan);
  const rdd = await toRdd({
    sc: ctx.sc,
    adaptive: (ctx.conf.get('spark.sql.adaptive.enabled') ?? 'true') !== 'false',
    advisoryBytes: parseBytes(ctx.conf.get('spark.sql.adaptive.advisoryPartitionSizeInBytes') ?? '64m'),
  }, physical);
  return rdd.collect();
}

export type ExplainMode = 'simple' | 'extended' | 'formatted' | 'codegen' | 'cost';

/** Spark's explain text. `display` renders logical plans (the analyzer's displayPlan); parsed text is optional. */
export function explainPlans(ctx: ExecutionContext, plan: LogicalPlan, mode: ExplainMode = 'simple', display?: (p: LogicalPlan) => string, parsed?: string): string {
  const optimized = optimize(plan, ctx.conf);
  const physical = displayPhysical(planPhysical(optimized, confFrom((k) => ctx.conf.get(k), ctx.sc.defaultParallelism)));
  if (mode === 'simple' || mode === 'formatted' || mode === 'codegen' || !display) return `== Physical Plan ==\n${physical}\n`;
  return [
    `== Parsed Logical Plan ==\n${parsed ?? display(plan)}`,
    `== Analyzed Logical Plan ==\n${display(plan)}`,
    `== Optimized Logical Plan ==\n${display(optimized)}`,
    `== Physical Plan ==\n${physical}`,
  ].join('\n\n') + '\n';
}
