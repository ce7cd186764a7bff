// column-pruning: a Project or Aggregate needs only the attributes it references; unneeded columns are dropped
// below it — from file scans' output (the reader decodes only those), projections, aggregates and join inputs.
//   before: Project [a#1] ← Filter b#2 > 0 ← FileScan [a#1, b#2, c#3]
//   after:  Project [a#1] ← Filter b#2 > 0 ← FileScan [a#1, b#2]
import type { Attribute, LogicalPlan } from '../../logical/logical-plan.js';
import { references } from '../expr-utils.js';
import { outputOf } from '../plan-utils.js';
import type { Rule } from '../rule.js';

type Ids = ReadonlySet<number>;

function keepAttrs(output: readonly Attribute[], need: Ids): readonly Attribute[] {
  const kept = output.filter((a) => need.has(a.id));
  return kept.length > 0 ? kept : output.slice(0, 1);
}

function projectOnto(p: LogicalPlan, need: Ids): LogicalPlan {
  const out = outputOf(p);
  const kept = keepAttrs(out, need);
  if (kept.length === out.length) return p;
  if (p.kind === 'project') return pruneTo(p, need);
  return { kind: 'project', input: p, items: kept.map((a) => ({ expr: a, attr: a })) };
}

/** `p` with columns outside `need` removed where that is free (never changes `p`'s rows). */
export function pruneTo(p: LogicalPlan, need: Ids): LogicalPlan {
  switch (p.kind) {
    case 'file_scan': {
      const want = new Set(need);
      for (const f of p.filters) references(f, want);
      const output = keepAttrs(p.output, want);
      return output.length === p.output.length ? p : { ...p, output };
    }
    case 'filter': {
      const want = new Set(need);
      references(p.condition, want);
      const input = pruneTo(p.input, want);
      return input === p.input ? p : { ...p, input };
    }
    case 'project': {
      const items = p.items.filter((i) => need.has(i.attr.id));
      const kept = items.length > 0 ? items : p.items.slice(0, 1);
      const want = new Set<number>();
      for (const i of kept) references(i.expr, want);
      const input = pruneTo(p.input, want);
      if (kept.length === p.items.length && input === p.input) return p;
      return { ...p, items: kept, input };
    }
    case 'aggregate': {
      const items = p.items.filter((i) => need.has(i.attr.id));
      const kept = items.length > 0 ? items : p.items.slice(0, 1);
      return kept.length === p.items.length ? p : { ...p, items: kept };
    }
    case 'join': {
      const want = new Set(need);
      if (p.condition) references(p.condition, want);
      const left = projectOnto(p.left, want);
      const right = p.type === 'left_semi' || p.type === 'left_anti' ? projectOnto(p.right, want) : projectOnto(p.right, want);
      return left === p.left && right === p.right ? p : { ...p, left, right };
    }
    default:
      return p;
  }
}

export const columnPruning: Rule = {
  name: 'column-pruning',
  apply(plan) {
    if (plan.kind === 'project') {
      const want = new Set<number>();
      for (const i of plan.items) references(i.expr, want);
      const input = pruneTo(plan.input, want);
      return input === plan.input ? plan : { ...plan, input };
    }
    if (plan.kind === 'aggregate') {
      const want = new Set<number>();
      for (const i of plan.items) references(i.expr, want);
      for (const g of plan.groupBy) references(g, want);
      const input = pruneTo(plan.input, want);
      return input === plan.input ? plan : { ...plan, input };
    }
    return plan;
  },
};
