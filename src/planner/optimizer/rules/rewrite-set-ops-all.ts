// rewrite-set-ops-all: EXCEPT ALL and INTERSECT ALL as aggregation + row replication (Spark's RewriteExceptAll /
// RewriteIntersectAll), so they run on the ordinary aggregate and generate operators.
//   EXCEPT ALL:    Union(L + 1 AS v, R + -1 AS v) → Aggregate(cols, sum(v) AS n) → Filter(n > 0)
//                  → Generate(explode(sequence(1, n))) → Project(cols)
//   INTERSECT ALL: Union(L + (true, null), R + (null, true)) → Aggregate(cols, count(l) AS a, count(r) AS b)
//                  → Filter(a >= 1 AND b >= 1) → Generate(explode(sequence(1, least(a, b)))) → Project(cols)
import type { Attribute, Expression, NamedExpression } from '../../expr/expression.js';
import { newExprId, outputOf } from '../../logical/index.js';
import type { LogicalPlan } from '../../logical/logical-plan.js';
import { T, type DataType } from '../../../sql/types/data-type.js';
import type { Rule } from '../rule.js';

export const rewriteSetOpsAll: Rule = {
  name: 'rewrite-set-ops-all',
  apply(plan) {
    if ((plan.kind !== 'except' && plan.kind !== 'intersect') || !plan.all) return plan;
    const cols = outputOf(plan.left);
    return plan.kind === 'except' ? exceptAll(plan.left, plan.right, cols) : intersectAll(plan.left, plan.right, cols);
  },
};

function exceptAll(left: LogicalPlan, right: LogicalPlan, cols: readonly Attribute[]): LogicalPlan {
  const v = attr('vcol', T.long, false);
  const union = unionWith(left, right, cols, [[v, lit(1, T.long)]], [[v, lit(-1, T.long)]]);
  const n = attr('sum', T.long, true);
  const agg = aggregate(union, cols, [[n, { kind: 'aggregate', fn: 'sum', args: [v], distinct: false, type: T.long }]]);
  const kept: LogicalPlan = { kind: 'filter', input: agg, condition: call('greater_than', [n, lit(0, T.long)], T.boolean) };
  return replicate(kept, n, cols);
}

function intersectAll(left: LogicalPlan, right: LogicalPlan, cols: readonly Attribute[]): LogicalPlan {
  const l = attr('vcol1', T.boolean, true);
  const r = attr('vcol2', T.boolean, true);
  const union = unionWith(left, right, cols, [[l, lit(true, T.boolean)], [r, lit(null, T.boolean)]], [[l, lit(null, T.boolean)], [r, lit(true, T.boolean)]]);
  const a = attr('count_l', T.long, false);
  const b = attr('count_r', T.long, false);
  const agg = aggregate(union, cols, [
    [a, { kind: 'aggregate', fn: 'count', args: [l], distinct: false, type: T.long }],
    [b, { kind: 'aggregate', fn: 'count', args: [r], distinct: false, type: T.long }],
  ]);
  const both: Expression = { kind: 'and', left: call('greater_than_or_equal', [a, lit(1, T.long)], T.boolean), right: call('greater_than_or_equal', [b, lit(1, T.long)], T.boolean) };
  const kept: LogicalPlan = { kind: 'filter', input: agg, condition: both };
  const m = attr('min_count', T.long, false);
  const withMin: LogicalPlan = { kind: 'project', input: kept, items: [...cols.map(pass), named(m, call('least', [a, b], T.long))] };
  return replicate(withMin, m, cols);
}

/** Union of both sides, each with extra tagging columns; the right side is realigned to the left's columns. */
function unionWith(left: LogicalPlan, right: LogicalPlan, cols: readonly Attribute[], leftTags: ReadonlyArray<readonly [Attribute, Expression]>, rightTags: ReadonlyArray<readonly [Attribute, Expression]>): LogicalPlan {
  const lp: LogicalPlan = { kind: 'project', input: left, items: [...cols.map(pass), ...leftTags.map(([a, e]) => named(a, e))] };
  const rCols = outputOf(right);
  const rp: LogicalPlan = {
    kind: 'project',
    input: right,
    items: [...rCols.map((c, i) => named(attr(cols[i]!.name, cols[i]!.type, true), c)), ...rightTags.map(([a, e]) => named(attr(a.name, a.type, a.nullable), e))],
  };
  return { kind: 'union', inputs: [lp, rp], output: outputOf(lp) };
}

function aggregate(input: LogicalPlan, cols: readonly Attribute[], aggs: ReadonlyArray<readonly [Attribute, Expression]>): LogicalPlan {
  return { kind: 'aggregate', input, groupBy: cols, items: [...cols.map(pass), ...aggs.map(([a, e]) => named(a, e))] };
}

/** Each row `n` times: explode(sequence(1, n)), then back to the set operation's columns. */
function replicate(input: LogicalPlan, n: Attribute, cols: readonly Attribute[]): LogicalPlan {
  const seq = call('sequence', [lit(1, T.long), n], T.array(T.long, false));
  const g = attr('col', T.long, false);
  const gen: LogicalPlan = { kind: 'generate', input, generator: call('explode', [seq], T.long), outer: false, position: false, generatorOutput: [g] };
  return { kind: 'project', input: gen, items: cols.map(pass) };
}

function attr(name: string, type: DataType, nullable: boolean): Attribute {
  return { kind: 'attr', id: newExprId(), name, type, nullable };
}

function pass(a: Attribute): NamedExpression {
  return { expr: a, attr: a };
}

function named(a: Attribute, e: Expression): NamedExpression {
  return { expr: { kind: 'alias', expr: e, name: a.name, id: a.id }, attr: a };
}

function lit(value: unknown, type: DataType): Expression {
  return { kind: 'literal', value, type };
}

function call(fn: string, args: readonly Expression[], type: DataType): Expression {
  return { kind: 'call', fn, args, type, nullable: true };
}
