// reorder-joins (Spark's ReorderJoin): a cluster of 3+ inner joins (comma joins with WHERE equalities) becomes a
// left-deep tree that starts from the first written relation and adds, at each step, the first relation (in
// written order) joined to what is already there by a condition, so no join is a cross join when a condition could
// connect it; unconnected relations come last, the cheapest first.
//   before: ((part × supplier) ⋈ lineitem) ⋈ orders    after: ((part ⋈ lineitem) ⋈ supplier) ⋈ orders, re-projected
// The physical planner then broadcasts whichever side is small. (Cost-based choices need distinct counts we do not
// have: "smallest connected first" made Q5 join customer to supplier on nationkey, a many-to-many explosion, and
// "largest first" put Q3's selective customer filter after the big lineitem ⋈ orders shuffle.) Each conjunct is
// placed at the first join where all its columns are present; a Project restores the output order.
import type { Expression, LogicalPlan } from '../../logical/logical-plan.js';
import { estimateSize } from '../../physical/estimate-size.js';
import { andAll, conjuncts, isDeterministic, references } from '../expr-utils.js';
import { outputOf } from '../plan-utils.js';
import type { Rule } from '../rule.js';

type Join = Extract<LogicalPlan, { kind: 'join' }>;

function isInner(p: LogicalPlan): p is Join {
  return p.kind === 'join' && (p.type === 'inner' || p.type === 'cross') && p.hint === undefined;
}

/** Leaves (non-inner-join subtrees) in written order and every join's conjuncts; false when a condition is not deterministic. */
function flatten(p: LogicalPlan, leaves: LogicalPlan[], conds: Expression[]): boolean {
  if (!isInner(p)) { leaves.push(p); return true; }
  if (p.condition) {
    if (!isDeterministic(p.condition)) return false;
    conds.push(...conjuncts(p.condition));
  }
  return flatten(p.left, leaves, conds) && flatten(p.right, leaves, conds);
}

const SELECTIVITY: Readonly<Record<string, number>> = { equal_to: 0.1, in: 0.25, like: 0.25, startswith: 0.25, endswith: 0.25, contains: 0.25 };

/** Estimated bytes after the leaf's own filters (a crude per-conjunct selectivity, only used to order joins). */
function leafCost(p: LogicalPlan): number {
  let factor = 1;
  let q = p;
  while (q.kind === 'filter' || q.kind === 'project') {
    if (q.kind === 'filter') for (const c of conjuncts(q.condition)) factor *= c.kind === 'call' ? SELECTIVITY[c.fn] ?? 0.5 : 0.5;
    q = q.input;
  }
  return estimateSize(p) * factor;
}

interface Placed { readonly leaf: number; readonly conds: readonly Expression[] }

/** The greedy order: the first written leaf, then the first leaf connected to the set (the cheapest when none is). */
function chooseOrder(leaves: readonly LogicalPlan[], conds: readonly Expression[]): Placed[] {
  const ids = leaves.map((l) => new Set(outputOf(l).map((a) => a.id)));
  const refs = conds.map((c) => [...references(c)]);
  const cost = leaves.map(leafCost);
  const ownerOf = (id: number): number => ids.findIndex((s) => s.has(id));
  const condLeaves = refs.map((rs) => new Set(rs.map(ownerOf)));
  const start = 0;
  const inSet = new Set([start]);
  const used = new Set<number>();
  const order: Placed[] = [{ leaf: start, conds: [] }];
  const ready = (k: number, extra: number): boolean => [...condLeaves[k]!].every((l) => l === extra || inSet.has(l));
  while (inSet.size < leaves.length) {
    let best = -1;
    let bestConnected = false;
    for (let i = 0; i < leaves.length; i++) {
      if (inSet.has(i)) continue;
      const connected = condLeaves.some((ls, k) => !used.has(k) && ls.has(i) && ls.size > 1 && ready(k, i));
      // the first connected leaf in written order (Spark's choice); among unconnected ones, the cheapest
      if (best < 0 || (connected && !bestConnected) || (!connected && !bestConnected && cost[i]! < cost[best]!)) { best = i; bestConnected = connected; }
    }
    const placed: Expression[] = [];
    condLeaves.forEach((_, k) => { if (!used.has(k) && ready(k, best)) { used.add(k); placed.push(conds[k]!); } });
    inSet.add(best);
    order.push({ leaf: best, conds: placed });
  }
  // conjuncts over the start leaf alone (or over nothing) go to the first join
  const rest = conds.filter((_, k) => !used.has(k));
  if (rest.length > 0 && order.length > 1) order[1] = { leaf: order[1]!.leaf, conds: [...rest, ...order[1]!.conds] };
  return order;
}

/** True when `p` already is the left-deep tree `order` builds (so the rule is a no-op on its own output). */
function isAlready(p: LogicalPlan, leaves: readonly LogicalPlan[], order: readonly Placed[]): boolean {
  let cur = p;
  for (let i = order.length - 1; i >= 1; i--) {
    if (!isInner(cur) || cur.right !== leaves[order[i]!.leaf]) return false;
    const have = cur.condition ? conjuncts(cur.condition) : [];
    const want = order[i]!.conds;
    if (have.length !== want.length || have.some((c) => !want.includes(c))) return false;
    cur = cur.left;
  }
  return cur === leaves[order[0]!.leaf];
}

export const reorderJoins: Rule = {
  name: 'reorder-joins',
  apply(plan) {
    if (!isInner(plan)) return plan;
    const leaves: LogicalPlan[] = [];
    const conds: Expression[] = [];
    if (!flatten(plan, leaves, conds) || leaves.length < 3) return plan;
    const order = chooseOrder(leaves, conds);
    if (isAlready(plan, leaves, order)) return plan;
    let tree: LogicalPlan = leaves[order[0]!.leaf]!;
    for (const step of order.slice(1)) {
      const condition = andAll(step.conds);
      tree = { kind: 'join', type: condition ? 'inner' : 'cross', left: tree, right: leaves[step.leaf]!, ...(condition ? { condition } : {}) };
    }
    const want = outputOf(plan);
    const got = outputOf(tree);
    if (want.length === got.length && want.every((a, i) => a.id === got[i]!.id)) return tree;
    return { kind: 'project', input: tree, items: want.map((a) => ({ expr: a, attr: a })) };
  },
};
