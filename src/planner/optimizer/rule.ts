// The optimizer rule shape: a named function that rewrites one plan node (the runner owns traversal) and
// returns the same object when it has nothing to do.
import type { LogicalPlan } from '../logical/logical-plan.js';

export interface OptimizerConf {
  get(key: string): string | undefined;
}

export interface Rule {
  readonly name: string;
  /** Rewrites `plan` (one node; may look at its children). Return `plan` itself when unchanged. */
  apply(plan: LogicalPlan, conf: OptimizerConf): LogicalPlan;
}

export interface RuleBatch {
  readonly name: string;
  /** 'once' runs each rule one pass; 'fixpoint' repeats until no rule changes the plan (or maxIterations). */
  readonly strategy: 'once' | 'fixpoint';
  readonly rules: readonly Rule[];
}
