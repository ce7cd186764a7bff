// DataFrame transformations resolved against an existing plan: withColumns, renames, drop, join, sort,
// dropDuplicates, alias, na.fill/na.drop and describe(). The Analyzer facade delegates here.
import type { Attribute, Expression, NamedExpression, SortOrder } from '../../planner/expr/expression.js';
import type { JoinType, LogicalPlan } from '../../planner/logical/logical-plan.js';
import { newExprId } from '../../planner/logical/expr-ids.js';
import { reIdPlan } from '../../planner/logical/re-id.js';
import { outputOf } from '../../planner/logical/schema-of.js';
import type { Expr, SortItem } from '../parser/ast.js';
import { isNumeric } from '../types/data-type.js';
import { typeOf } from './expr-type.js';
import { castExpression, literalOf, resolveAggregate } from './function-adapter.js';
import type { QueryCtx } from './query-context.js';
import { joinUsing } from './relations.js';
import { sortOrderOf } from './resolve-call.js';
import { asBoolean, resolveExpr, type ResolveCtx } from './resolve-expr.js';
import { selectGenerator } from './generators.js';
import { Scope } from './scope.js';
import { setOperation } from './set-ops.js';

const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

export function scopeOf(plan: LogicalPlan): Scope {
  return new Scope(outputOf(plan).map((attr) => ({ attr, qualifier: attr.qualifier ?? [], hidden: false })));
}

export function exprCtx(plan: LogicalPlan, ctx: QueryCtx): ResolveCtx {
  return { scope: scopeOf(plan), env: ctx.env, allowAggregate: false, allowWindow: true };
}

function aliasItem(expr: Expression, name: string): NamedExpression {
  const attr: Attribute = { kind: 'attr', id: newExprId(), name, type: typeOf(expr), nullable: true };
  return { expr: { kind: 'alias', expr, name, id: attr.id }, attr };
}

export function withColumns(plan: LogicalPlan, names: readonly string[], exprs: readonly Expr[], ctx: QueryCtx): LogicalPlan {
  const rc = exprCtx(plan, ctx);
  // withColumn('c', explode(x)): Generate under the projection, its one output column named c
  const gen = selectGenerator(exprs.map((expr, i) => ({ expr, alias: names[i]! })), plan, rc);
  const resolved = exprs.map((e, i) => (gen && gen.index === i ? gen.output[0]! : resolveExpr(e, rc)));
  const items: NamedExpression[] = outputOf(plan).map((a) => ({ expr: a, attr: a }));
  if (gen) plan = gen.plan;
  names.forEach((n, i) => {
    const r = resolved[i]!;
    const item = gen && gen.index === i && r.kind === 'attr' ? { expr: r, attr: r } : aliasItem(r, n);
    const at = items.findIndex((it) => same(it.attr.name, n));
    if (at >= 0) items[at] = item;
    else items.push(item);
  });
  return { kind: 'project', input: plan, items };
}

export function withColumnRenamed(plan: LogicalPlan, from: string, to: string): LogicalPlan {
  const out = outputOf(plan);
  if (!out.some((a) => same(a.name, from))) return plan;
  return { kind: 'project', input: plan, items: out.map((a) => (same(a.name, from) ? aliasItem(a, to) : { expr: a, attr: a })) };
}

export function drop(plan: LogicalPlan, names: readonly string[]): LogicalPlan {
  const out = outputOf(plan);
  const keep = out.filter((a) => !names.some((n) => same(n, a.name)));
  if (keep.length === out.length) return plan;
  return { kind: 'project', input: plan, items: keep.map((a) => ({ expr: a, attr: a })) };
}

export function join(left: LogicalPlan, right: LogicalPlan, type: JoinType, on: Expr | readonly string[] | undefined, ctx: QueryCtx): LogicalPlan {
  const leftIds = new Set(outputOf(left).map((a) => a.id));
  const r = outputOf(right).some((a) => leftIds.has(a.id)) ? reIdPlan(right) : right;
  if (Array.isArray(on)) {
    return joinUsing({ plan: left, scope: scopeOf(left) }, { plan: r, scope: scopeOf(r) }, type, on as readonly string[], ctx, false).plan;
  }
  if (on === undefined) return { kind: 'join', left, right: r, type };
  const scope = new Scope([...scopeOf(left).entries, ...scopeOf(r).entries]);
  const condition = asBoolean(resolveExpr(on as Expr, { scope, env: ctx.env, allowAggregate: false, allowWindow: false }), ctx.env.fn);
  return { kind: 'join', left, right: r, type, condition };
}

export function sort(plan: LogicalPlan, items: readonly SortItem[], ctx: QueryCtx, global = true): LogicalPlan {
  const rc = { ...exprCtx(plan, ctx), allowWindow: false };
  const order: SortOrder[] = items.map((s) => sortOrderOf(s, resolveExpr(s.expr, rc)));
  return { kind: 'sort', input: plan, order, global };
}

export function dropDuplicates(plan: LogicalPlan, cols: readonly string[] | undefined, ctx: QueryCtx): LogicalPlan {
  const out = outputOf(plan);
  if (!cols || cols.length === 0) return { kind: 'distinct', input: plan };
  const keys = cols.map((c) => scopeOf(plan).resolveOrThrow([c]).resolved.attr);
  const items: NamedExpression[] = out.map((a) => {
    if (keys.some((k) => k.id === a.id)) return { expr: a, attr: a };
    const first = resolveAggregate('first', [a], false, ctx.env.fn);
    const attr: Attribute = { ...a, id: newExprId() };
    return { expr: { kind: 'alias', expr: first, name: a.name, id: attr.id }, attr };
  });
  return { kind: 'aggregate', input: plan, groupBy: keys, items };
}

/** df.alias('t'): the same columns, now qualified by t. */
export function alias(plan: LogicalPlan, name: string): LogicalPlan {
  return { kind: 'project', input: plan, items: outputOf(plan).map((a) => ({ expr: a, attr: { ...a, qualifier: [name] } })) };
}

export function fillNa(plan: LogicalPlan, value: number | string | boolean, cols: readonly string[] | undefined): LogicalPlan {
  const lit = literalOf(value);
  const fits = (a: Attribute): boolean =>
    typeof value === 'number' ? isNumeric(a.type) : typeof value === 'string' ? a.type.kind === 'string' : a.type.kind === 'boolean';
  const items = outputOf(plan).map((a): NamedExpression => {
    if (!fits(a) || (cols && !cols.some((c) => same(c, a.name)))) return { expr: a, attr: a };
    const v = typeOf(lit).kind === a.type.kind ? lit : castExpression(lit, a.type, 'cast');
    const attr: Attribute = { ...a, id: newExprId(), nullable: false };
    return { expr: { kind: 'alias', expr: { kind: 'coalesce', args: [a, v], type: a.type }, name: a.name, id: attr.id }, attr };
  });
  return { kind: 'project', input: plan, items };
}

export function dropNa(plan: LogicalPlan, how: 'any' | 'all', thresh: number | undefined, cols: readonly string[] | undefined): LogicalPlan {
  const attrs = outputOf(plan).filter((a) => !cols || cols.some((c) => same(c, a.name)));
  const need = thresh ?? (how === 'any' ? attrs.length : 1);
  const one = (a: Attribute): Expression => ({ kind: 'case', branches: [[{ kind: 'is_null', expr: a, negated: true }, { kind: 'literal', value: 1, type: { kind: 'int' } }]], else: { kind: 'literal', value: 0, type: { kind: 'int' } }, type: { kind: 'int' } });
  const count = attrs.map(one).reduce<Expression>((x, y) => ({ kind: 'call', fn: 'add', args: [x, y], type: { kind: 'int' }, nullable: false }), { kind: 'literal', value: 0, type: { kind: 'int' } });
  const condition: Expression = { kind: 'call', fn: 'greater_than_or_equal', args: [count, { kind: 'literal', value: need, type: { kind: 'int' } }], type: { kind: 'boolean' }, nullable: false };
  return { kind: 'filter', input: plan, condition };
}

/** df.describe(cols): summary rows count, mean, stddev, min, max as strings (Spark's layout). */
export function describe(plan: LogicalPlan, cols: readonly string[], ctx: QueryCtx): LogicalPlan {
  const all = outputOf(plan);
  const attrs = cols.length ? cols.map((c) => scopeOf(plan).resolveOrThrow([c]).resolved.attr)
    : all.filter((a) => isNumeric(a.type) || a.type.kind === 'string');
  const stats = ['count', 'mean', 'stddev', 'min', 'max'] as const;
  const str = { kind: 'string' } as const;
  const rows = stats.map((s): LogicalPlan => {
    const items: NamedExpression[] = [aliasItem({ kind: 'literal', value: s, type: str }, 'summary')];
    for (const a of attrs) {
      const numeric = isNumeric(a.type);
      const fn = s === 'mean' ? 'avg' : s === 'stddev' ? 'stddev_samp' : s;
      const agg: Expression = !numeric && (s === 'mean' || s === 'stddev')
        ? { kind: 'literal', value: null, type: str }
        : resolveAggregate(fn, [a], false, ctx.env.fn);
      items.push(aliasItem(castExpression(agg, str, 'cast'), a.name));
    }
    return { kind: 'aggregate', input: plan, groupBy: [], items };
  });
  return rows.slice(1).reduce((acc, p) => setOperation('union', acc, p, true, ctx.env.fn), rows[0]!);
}
