// Plans a logical Join: equi-join keys are extracted from the condition; broadcast hash join when the build side
// is estimated under spark.sql.autoBroadcastJoinThreshold (or hinted), else shuffled hash join over hash
// exchanges on the keys; joins without equi keys become nested-loop joins with a broadcast (or single) side.
import type { Expression } from '../expr/expression.js';
import type { JoinType, LogicalPlan } from '../logical/logical-plan.js';
import { andAll, conjuncts, references } from '../optimizer/expr-utils.js';
import { outputOf } from '../optimizer/plan-utils.js';
import { bindAll, bindExpr } from './bind.js';
import type { PhysicalPlan } from './physical-plan.js';

export interface JoinPlanning {
  readonly numPartitions: number;
  readonly broadcastThreshold: number;
  estimateSize(p: LogicalPlan): number;
}

const EQ = new Set(['equal_to', '=', '==']);

function splitKeys(p: Extract<LogicalPlan, { kind: 'join' }>): { lk: Expression[]; rk: Expression[]; rest: Expression[] } {
  const lIds = new Set(outputOf(p.left).map((a) => a.id));
  const rIds = new Set(outputOf(p.right).map((a) => a.id));
  const side = (e: Expression): 'l' | 'r' | undefined => {
    const refs = [...references(e)];
    if (refs.length === 0) return undefined;
    if (refs.every((r) => lIds.has(r))) return 'l';
    if (refs.every((r) => rIds.has(r))) return 'r';
    return undefined;
  };
  const lk: Expression[] = [];
  const rk: Expression[] = [];
  const rest: Expression[] = [];
  for (const c of p.condition ? conjuncts(p.condition) : []) {
    if (c.kind === 'call' && EQ.has(c.fn) && c.args.length === 2) {
      const [a, b] = [c.args[0]!, c.args[1]!];
      const sa = side(a);
      const sb = side(b);
      if (sa === 'l' && sb === 'r') { lk.push(a); rk.push(b); continue; }
      if (sa === 'r' && sb === 'l') { lk.push(b); rk.push(a); continue; }
    }
    rest.push(c);
  }
  return { lk, rk, rest };
}

const BUILD_RIGHT: ReadonlySet<JoinType> = new Set(['inner', 'cross', 'left_outer', 'left_semi', 'left_anti']);
const BUILD_LEFT: ReadonlySet<JoinType> = new Set(['inner', 'cross', 'right_outer']);

export function planJoin(p: Extract<LogicalPlan, { kind: 'join' }>, left: PhysicalPlan, right: PhysicalPlan, output: PhysicalPlan['output'], cfg: JoinPlanning): PhysicalPlan {
  const { lk, rk, rest } = splitKeys(p);
  const lOut = outputOf(p.left);
  const rOut = outputOf(p.right);
  const both = [...lOut, ...rOut];
  const residual = andAll(rest);
  const condition = residual ? bindExpr(residual, both) : undefined;
  const cond = condition ? { condition } : {};
  const lSize = cfg.estimateSize(p.left);
  const rSize = cfg.estimateSize(p.right);
  const hinted = p.hint === 'broadcast';
  if (lk.length === 0) {
    if (p.type === 'right_outer' || p.type === 'full_outer') {
      const single = (x: PhysicalPlan): PhysicalPlan => ({ kind: 'exchange', input: x, output: x.output, partitioning: { kind: 'single' } });
      return { kind: 'nested_loop_join', joinType: p.type, left: single(left), right: single(right), output, ...cond };
    }
    return { kind: 'nested_loop_join', joinType: p.type, left, right: { kind: 'broadcast_exchange', input: right, output: right.output }, output, ...cond };
  }
  const leftKeys = bindAll(lk, lOut);
  const rightKeys = bindAll(rk, rOut);
  const canRight = BUILD_RIGHT.has(p.type) && (hinted || rSize <= cfg.broadcastThreshold);
  const canLeft = BUILD_LEFT.has(p.type) && lSize <= cfg.broadcastThreshold;
  if (canRight || canLeft) {
    const buildSide = canRight && (!canLeft || rSize <= lSize || hinted) ? 'right' : 'left';
    const bl = buildSide === 'left' ? { kind: 'broadcast_exchange' as const, input: left, output: left.output } : left;
    const br = buildSide === 'right' ? { kind: 'broadcast_exchange' as const, input: right, output: right.output } : right;
    return { kind: 'hash_join', strategy: 'broadcast', buildSide, joinType: p.type, left: bl, right: br, leftKeys, rightKeys, output, ...cond };
  }
  const n = cfg.numPartitions;
  const ex = (x: PhysicalPlan, keys: Expression[]): PhysicalPlan => ({ kind: 'exchange', input: x, output: x.output, partitioning: { kind: 'hash', keys, numPartitions: n } });
  const buildSide = p.type === 'right_outer' || (p.type === 'inner' && lSize < rSize) ? 'left' : 'right';
  return { kind: 'hash_join', strategy: 'shuffled', buildSide, joinType: p.type, left: ex(left, leftKeys), right: ex(right, rightKeys), leftKeys, rightKeys, output, ...cond };
}
