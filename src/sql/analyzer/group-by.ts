// GROUP BY elements -> grouping expressions and grouping sets: ordinals and select aliases (as Spark allows),
// ROLLUP/CUBE/GROUPING SETS, and the Expand node that feeds an aggregate over grouping sets.
import type { Attribute, Expression } from '../../planner/expr/expression.js';
import type { LogicalPlan } from '../../planner/logical/logical-plan.js';
import { newExprId } from '../../planner/logical/expr-ids.js';
import { outputOf } from '../../planner/logical/schema-of.js';
import type { Expr, GroupingElement } from '../parser/ast.js';
import { analysisError } from './errors.js';
import { findAggregates, exprKey, plainName, type GroupKey, type GroupingSetsInfo } from './aggregate.js';
import { typeOf } from './expr-type.js';
import { resolveExpr, type ResolveCtx } from './resolve-expr.js';

export interface SelectItemInfo {
  readonly expr: Expression;
  readonly name: string;
  readonly attr: Attribute;
}

export interface Grouping {
  readonly exprs: readonly Expression[];
  /** Index sets into exprs; undefined for a plain GROUP BY. */
  readonly sets?: readonly (readonly number[])[];
}

function resolveGroupExpr(x: Expr, items: readonly SelectItemInfo[], ctx: ResolveCtx): Expression {
  if (x.kind === 'number' && x.type === 'int') {
    const n = Number(x.text);
    if (n < 1 || n > items.length) {
      throw analysisError('GROUP_BY_POS_OUT_OF_RANGE', '42805', { index: String(n), size: String(items.length) },
        `GROUP BY position ${n} is not in select list (valid range is [1, ${items.length}]).`);
    }
    const item = items[n - 1]!;
    if (findAggregates(item.expr).length) {
      throw analysisError('GROUP_BY_POS_AGGREGATE', '42903', { index: String(n), aggExpr: plainName(item.expr) },
        `GROUP BY ${n} refers to an expression ${plainName(item.expr)} that contains an aggregate function. Aggregate functions are not allowed in GROUP BY.`);
    }
    return item.expr;
  }
  if (x.kind === 'column' && x.parts.length === 1 && !ctx.scope.tryLocal(x.parts)) {
    const alias = items.find((i) => i.name.toLowerCase() === x.parts[0]!.toLowerCase());
    if (alias && !findAggregates(alias.expr).length) return alias.expr;
  }
  const e = resolveExpr(x, { ...ctx, allowAggregate: false, allowWindow: false, clause: 'GROUP BY' });
  return e;
}

export function resolveGrouping(elements: readonly GroupingElement[], items: readonly SelectItemInfo[], ctx: ResolveCtx): Grouping {
  const exprs: Expression[] = [];
  const indexOf = (e: Expression): number => {
    const k = exprKey(e);
    const i = exprs.findIndex((x) => exprKey(x) === k);
    if (i >= 0) return i;
    exprs.push(e);
    return exprs.length - 1;
  };
  const r = (x: Expr): number => indexOf(resolveGroupExpr(x, items, ctx));
  let sets: number[][] | undefined;
  const plain: number[] = [];
  for (const el of elements) {
    switch (el.kind) {
      case 'expr': plain.push(r(el.expr)); break;
      case 'rollup': {
        const ids = el.items.map(r);
        const s = ids.map((_, i) => ids.slice(0, ids.length - i));
        sets = cross(sets, [...s, []]);
        break;
      }
      case 'cube': {
        const ids = el.items.map(r);
        const s: number[][] = [];
        for (let mask = (1 << ids.length) - 1; mask >= 0; mask--) s.push(ids.filter((_, i) => mask & (1 << (ids.length - 1 - i))));
        sets = cross(sets, s);
        break;
      }
      case 'groupingSets':
        sets = cross(sets, el.sets.map((set) => set.map(r)));
        break;
    }
  }
  if (!sets) return { exprs };
  return { exprs, sets: sets.map((s) => [...new Set([...plain, ...s])]) };
}

function cross(a: number[][] | undefined, b: number[][]): number[][] {
  if (!a) return b;
  return a.flatMap((x) => b.map((y) => [...x, ...y]));
}

/** Expand for grouping sets: child columns, then each grouping expression (null when not in the set), then the id. */
export function expandForSets(child: LogicalPlan, g: Grouping): { plan: LogicalPlan; groups: GroupKey[]; info: GroupingSetsInfo; groupBy: Expression[] } {
  const childAttrs = outputOf(child);
  const n = g.exprs.length;
  const groupAttrs: Attribute[] = g.exprs.map((e) => ({ kind: 'attr', id: newExprId(), name: plainName(e), type: typeOf(e), nullable: true }));
  const gid: Attribute = { kind: 'attr', id: newExprId(), name: 'spark_grouping_id', type: { kind: 'long' }, nullable: false };
  const projections = g.sets!.map((set) => {
    let id = 0;
    for (let i = 0; i < n; i++) if (!set.includes(i)) id |= 1 << (n - 1 - i);
    return [
      ...childAttrs,
      ...g.exprs.map((e, i): Expression => (set.includes(i) ? e : { kind: 'literal', value: null, type: typeOf(e) })),
      { kind: 'literal', value: id, type: { kind: 'long' } } as Expression,
    ];
  });
  const plan: LogicalPlan = { kind: 'expand', input: child, projections, output: [...childAttrs, ...groupAttrs, gid] };
  return {
    plan,
    groups: g.exprs.map((e, i) => ({ key: exprKey(e), out: groupAttrs[i]! })),
    info: { gid, count: n },
    groupBy: [...groupAttrs, gid],
  };
}
