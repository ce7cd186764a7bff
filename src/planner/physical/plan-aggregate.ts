// Plans a logical Aggregate as two-phase hash aggregation: partial aggregate → hash exchange on the grouping
// keys (single partition without keys) → final aggregate → projection of the select items over keys and results.
import type { Attribute, Expression } from '../expr/expression.js';
import type { LogicalPlan } from '../logical/logical-plan.js';
import { exprNullable, exprType, transformDown } from '../optimizer/expr-utils.js';
import { newSyntheticId, outputOf } from '../optimizer/plan-utils.js';
import { bindAll, bindExpr, boundRef } from './bind.js';
import { exprText } from './expr-text.js';
import type { AggSpec, PhysicalPlan } from './physical-plan.js';

type Agg = Extract<Expression, { kind: 'aggregate' }>;

function collectAggregates(e: Expression, into: Map<string, Agg>): void {
  transformDown(e, (x) => {
    if (x.kind === 'aggregate') { into.set(JSON.stringify(x), x); return { kind: 'literal', value: null, type: x.type }; }
    return x;
  });
}

export function aggSpec(a: Agg, input: readonly Attribute[]): AggSpec {
  return {
    fn: a.fn, args: bindAll(a.args, input), distinct: a.distinct, ignoreNulls: a.ignoreNulls ?? false, type: a.type,
    text: exprText(a, input), ...(a.filter ? { filter: bindExpr(a.filter, input) } : {}),
  };
}

export function planAggregate(p: Extract<LogicalPlan, { kind: 'aggregate' }>, child: PhysicalPlan, numPartitions: number): PhysicalPlan {
  const inAttrs = outputOf(p.input);
  const aggs = new Map<string, Agg>();
  for (const i of p.items) collectAggregates(i.expr, aggs);
  const keyAttrs: Attribute[] = p.groupBy.map((g) => (g.kind === 'attr' ? g : { kind: 'attr', id: newSyntheticId(), name: '_groupingexpression', type: exprType(g), nullable: exprNullable(g) }));
  const aggList = [...aggs.values()];
  const aggAttrs: Attribute[] = aggList.map((a) => ({ kind: 'attr', id: newSyntheticId(), name: exprText(a), type: a.type, nullable: exprNullable(a) }));
  const specs = aggList.map((a) => aggSpec(a, inAttrs));
  const k = keyAttrs.length;
  const partial: PhysicalPlan = { kind: 'hash_aggregate', mode: 'partial', input: child, keys: bindAll(p.groupBy, inAttrs), aggs: specs, output: [...keyAttrs, ...aggAttrs] };
  const exchange: PhysicalPlan = {
    kind: 'exchange', input: partial, output: partial.output,
    partitioning: k === 0 ? { kind: 'single' } : { kind: 'hash', keys: keyAttrs.map((a, i) => boundRef(i, a)), numPartitions },
  };
  const finalOut = [...keyAttrs, ...aggAttrs];
  const final: PhysicalPlan = { kind: 'hash_aggregate', mode: 'final', input: exchange, keys: keyAttrs.map((a, i) => boundRef(i, a)), aggs: specs, output: finalOut };
  const keyByText = new Map(p.groupBy.map((g, i) => [JSON.stringify(g), keyAttrs[i]!] as const));
  const aggByText = new Map(aggList.map((a, i) => [JSON.stringify(a), aggAttrs[i]!] as const));
  const items = p.items.map((i) => transformDown(i.expr, (x) => aggByText.get(JSON.stringify(x)) ?? keyByText.get(JSON.stringify(x)) ?? x));
  const identity = items.length === finalOut.length && items.every((e, i) => e.kind === 'attr' && e.id === finalOut[i]!.id);
  if (identity && p.items.every((it, i) => it.attr.id === finalOut[i]!.id)) return final;
  return { kind: 'project', input: final, exprs: items.map((e) => bindExpr(e, finalOut)), output: p.items.map((i) => i.attr) };
}
