// Spark-style tree text of logical plans (what explain prints): `Project [a#1, (b#2 + 1) AS c#3]` over
// `+- Filter (a#1 > 1)`; subquery plans appear as inner children prefixed with `:  `, as in Catalyst's treeString.
import { assertNever } from '../../common/assert.js';
import type { Expression, NamedExpression } from '../expr/expression.js';
import { attrText, exprText, sortOrderText } from './display-expr.js';
import { collectExprs } from './expr-walk.js';
import type { JoinType, LogicalPlan } from './logical-plan.js';
import { planChildren, planExpressions } from './plan-walk.js';

const joinNames: Readonly<Record<JoinType, string>> = {
  inner: 'Inner', cross: 'Cross', left_outer: 'LeftOuter', right_outer: 'RightOuter', full_outer: 'FullOuter',
  left_semi: 'LeftSemi', left_anti: 'LeftAnti',
};

function itemText(i: NamedExpression): string {
  if ((i.expr.kind === 'attr' || i.expr.kind === 'alias') && i.expr.id === i.attr.id) return exprText(i.expr);
  return `${exprText(i.expr)} AS ${attrText(i.attr.name, i.attr.id, i.attr.type)}`;
}

function list(xs: readonly Expression[]): string {
  return `[${xs.map(exprText).join(', ')}]`;
}

/** One line for one node, without its children. */
export function nodeText(p: LogicalPlan): string {
  switch (p.kind) {
    case 'file_scan': return `Relation [${p.output.map(exprText).join(',')}] ${p.source.format}`;
    case 'local_relation':
      if (p.output.length === 0 && p.batches.length === 1 && p.batches[0]!.numRows === 1) return 'OneRowRelation';
      return `LocalRelation ${list(p.output)}`;
    case 'range':
      return `Range (${p.start}, ${p.end}, step=${p.step}, splits=${p.numPartitions === undefined ? 'None' : `Some(${p.numPartitions})`})`;
    case 'rdd_scan': return `LogicalRDD ${list(p.output)}, false`;
    case 'project': return `Project [${p.items.map(itemText).join(', ')}]`;
    case 'filter': return `Filter ${exprText(p.condition)}`;
    case 'aggregate': return `Aggregate ${list(p.groupBy)}, [${p.items.map(itemText).join(', ')}]`;
    case 'join': return `Join ${joinNames[p.type]}${p.condition ? `, ${exprText(p.condition)}` : ''}${p.hint ? `, hint=${p.hint}` : ''}`;
    case 'sort': return `Sort [${p.order.map(sortOrderText).join(', ')}], ${p.global}`;
    case 'limit':
      if (p.limit < 0) return `Offset ${p.offset}`;
      return p.offset > 0 ? `Limit ${p.limit}, offset ${p.offset}` : `Limit ${p.limit}`;
    case 'union': return 'Union false, false';
    case 'intersect': return p.all ? 'Intersect All true' : 'Intersect false';
    case 'except': return p.all ? 'Except All true' : 'Except false';
    case 'distinct': return 'Distinct';
    case 'window': return `Window [${p.items.map(itemText).join(', ')}]`;
    case 'expand': return `Expand [${p.projections.map(list).join(', ')}], ${list(p.output)}`;
    case 'generate': return `Generate ${exprText(p.generator)}, ${p.outer}, ${list(p.generatorOutput)}`;
    case 'repartition':
      return p.exprs.length ? `RepartitionByExpression ${list(p.exprs)}, ${p.numPartitions ?? 'None'}` : `Repartition ${p.numPartitions ?? 'None'}, ${p.shuffle}`;
    case 'cached': return `InMemoryRelation cacheId=${p.cacheId}`;
    default: return assertNever(p, 'logical plan');
  }
}

function subqueryPlans(p: LogicalPlan): LogicalPlan[] {
  const out: LogicalPlan[] = [];
  for (const e of planExpressions(p)) {
    for (const s of collectExprs(e, (x) => x.kind === 'scalar_subquery' || x.kind === 'exists' || x.kind === 'in_subquery')) {
      if (s.kind === 'scalar_subquery' || s.kind === 'exists' || s.kind === 'in_subquery') out.push(s.plan);
    }
  }
  return out;
}

function render(p: LogicalPlan, depth: number, lastChildren: readonly boolean[], out: string[]): void {
  let prefix = '';
  if (depth > 0) {
    for (const isLast of lastChildren.slice(0, -1)) prefix += isLast ? '   ' : ':  ';
    prefix += lastChildren[lastChildren.length - 1] ? '+- ' : ':- ';
  }
  out.push(prefix + nodeText(p));
  const inner = subqueryPlans(p);
  const kids = planChildren(p);
  inner.forEach((s, i) => render(s, depth + 2, [...lastChildren, kids.length === 0, i === inner.length - 1], out));
  kids.forEach((k, i) => render(k, depth + 1, [...lastChildren, i === kids.length - 1], out));
}

/** The whole tree, one node per line, no trailing newline. */
export function displayPlan(p: LogicalPlan): string {
  const out: string[] = [];
  render(p, 0, [], out);
  return out.join('\n');
}
