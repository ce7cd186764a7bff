// Logical plan helpers for the optimizer and physical planner: children, rebuilding with new children, each
// node's output attributes, and the expressions a node evaluates.
import { assertNever } from '../../common/assert.js';
import type { Attribute, Expression, LogicalPlan } from '../logical/logical-plan.js';
import { exprNullable, exprType } from './expr-utils.js';

export function planChildren(p: LogicalPlan): readonly LogicalPlan[] {
  switch (p.kind) {
    case 'file_scan': case 'local_relation': case 'range': case 'rdd_scan': return [];
    case 'project': case 'filter': case 'aggregate': case 'sort': case 'limit': case 'distinct': case 'window':
    case 'expand': case 'generate': case 'repartition': case 'cached': return [p.input];
    case 'join': case 'intersect': case 'except': return [p.left, p.right];
    case 'union': return p.inputs;
    default: return assertNever(p, 'logical plan');
  }
}

/** `p` with its children replaced (same object when nothing changed). */
export function withChildren(p: LogicalPlan, kids: readonly LogicalPlan[]): LogicalPlan {
  const old = planChildren(p);
  if (old.length === kids.length && old.every((c, i) => c === kids[i])) return p;
  switch (p.kind) {
    case 'file_scan': case 'local_relation': case 'range': case 'rdd_scan': return p;
    case 'project': case 'filter': case 'aggregate': case 'sort': case 'limit': case 'distinct': case 'window':
    case 'expand': case 'generate': case 'repartition': case 'cached': return { ...p, input: kids[0]! };
    case 'join': case 'intersect': case 'except': return { ...p, left: kids[0]!, right: kids[1]! };
    case 'union': return { ...p, inputs: kids };
    default: return assertNever(p, 'logical plan');
  }
}

export function outputOf(p: LogicalPlan): readonly Attribute[] {
  switch (p.kind) {
    case 'file_scan': case 'local_relation': case 'range': case 'rdd_scan': case 'union': case 'expand': return p.output;
    case 'project': case 'aggregate': return p.items.map((i) => i.attr);
    case 'window': return [...outputOf(p.input), ...p.items.map((i) => i.attr)];
    case 'filter': case 'sort': case 'limit': case 'distinct': case 'repartition': case 'cached': return outputOf(p.input);
    case 'intersect': case 'except': return outputOf(p.left);
    case 'generate': return [...outputOf(p.input), ...p.generatorOutput];
    case 'join': {
      const l = outputOf(p.left);
      const r = outputOf(p.right);
      switch (p.type) {
        case 'left_semi': case 'left_anti': return l;
        case 'left_outer': return [...l, ...r.map(nullableAttr)];
        case 'right_outer': return [...l.map(nullableAttr), ...r];
        case 'full_outer': return [...l.map(nullableAttr), ...r.map(nullableAttr)];
        case 'inner': case 'cross': return [...l, ...r];
        default: return assertNever(p.type, 'join type');
      }
    }
    default: return assertNever(p, 'logical plan');
  }
}

function nullableAttr(a: Attribute): Attribute {
  return a.nullable ? a : { ...a, nullable: true };
}

/** An attribute describing expression `e` named `name` (for synthesized projections). */
export function attributeFor(id: number, name: string, e: Expression): Attribute {
  return { kind: 'attr', id, name, type: exprType(e), nullable: exprNullable(e) };
}

/** Bottom-up plan rewrite (children first). */
export function transformPlanUp(p: LogicalPlan, f: (x: LogicalPlan) => LogicalPlan): LogicalPlan {
  return f(withChildren(p, planChildren(p).map((c) => transformPlanUp(c, f))));
}

/** Top-down plan rewrite: f on the node, then on the children of the result. */
export function transformPlanDown(p: LogicalPlan, f: (x: LogicalPlan) => LogicalPlan): LogicalPlan {
  const g = f(p);
  return withChildren(g, planChildren(g).map((c) => transformPlanDown(c, f)));
}

let syntheticId = 1_000_000_000;
/** Fresh expression ids for attributes the optimizer or planner invents (kept far from the analyzer's ids). */
export function newSyntheticId(): number {
  return syntheticId++;
}
