// One SELECT block: FROM, WHERE, select list with * expansion, GROUP BY/grouping sets, HAVING, window
// functions, DISTINCT and the query's ORDER BY (which may use select aliases, ordinals and columns that are
// not selected: those ride along as hidden columns and are projected away after the sort).
import type { Attribute, Expression, NamedExpression, SortOrder } from '../../planner/expr/expression.js';
import type { LogicalPlan } from '../../planner/logical/logical-plan.js';
import { newExprId } from '../../planner/logical/expr-ids.js';
import { outputOf } from '../../planner/logical/schema-of.js';
import { collectExprs, exprExists, transformExprDown } from '../../planner/logical/expr-walk.js';
import { exprToSql } from '../parser/index.js';
import type { SelectCore, SelectItem, SortItem, WindowRef } from '../parser/ast.js';
import { AggBuilder, exprKey, findAggregates, type GroupKey } from './aggregate.js';
import { analysisError, quoteParts } from './errors.js';
import { nullableOf, typeOf } from './expr-type.js';
import { expandForSets, resolveGrouping, type SelectItemInfo } from './group-by.js';
import { ONE_ROW } from './inline-table.js';
import type { QueryCtx } from './query-context.js';
import { analyzeRelation, type Analyzed } from './relations.js';
import { sortOrderOf } from './resolve-call.js';
import { asBoolean, resolveExpr, type ResolveCtx } from './resolve-expr.js';
import { Scope } from './scope.js';
import { aggregateGenerator, applyLateralViews, buildGenerate, selectGenerator, type AggregateGenerator, type SelectGenerator } from './generators.js';
import { TsSparkError } from '../../common/errors.js';

function itemInfo(expr: Expression, name: string, keepAttr: boolean): SelectItemInfo {
  if (keepAttr && expr.kind === 'attr') return { expr, name, attr: expr };
  return { expr, name, attr: { kind: 'attr', id: newExprId(), name, type: typeOf(expr), nullable: nullableOf(expr) } };
}

export function named(i: SelectItemInfo, expr: Expression = i.expr): NamedExpression {
  if (expr.kind === 'attr' && expr.id === i.attr.id) return { expr, attr: i.attr };
  return { expr: { kind: 'alias', expr, name: i.attr.name, id: i.attr.id }, attr: i.attr };
}

/** Resolves a select list against a scope: `*`/`t.*` expansion, aliases and Spark's derived names. */
export function resolveSelectItems(items: readonly SelectItem[], ctx: ResolveCtx, gen?: SelectGenerator): SelectItemInfo[] {
  const out: SelectItemInfo[] = [];
  for (const [idx, it] of items.entries()) {
    if (gen && idx === gen.index) {
      for (const a of gen.output) out.push({ expr: a, name: a.name, attr: a });
      continue;
    }
    if (it.expr.kind === 'star') {
      const attrs = it.expr.qualifier.length ? ctx.scope.qualified(it.expr.qualifier) : ctx.scope.visible();
      if (!attrs) {
        const q = quoteParts(it.expr.qualifier);
        throw analysisError('CANNOT_RESOLVE_STAR_EXPAND', '42704', { targetString: q, columns: ctx.scope.candidates().join(', ') },
          `Cannot resolve ${q}.* given input columns ${ctx.scope.candidates().join(', ')}.`);
      }
      for (const a of attrs) out.push({ expr: a, name: a.name, attr: a });
      continue;
    }
    const e = resolveExpr(it.expr, ctx);
    // a plain column keeps the name as written (Spark: SELECT COL1 FROM t(col1) outputs COL1)
    const name = it.alias ?? (e.kind === 'attr' && it.expr.kind === 'column' ? it.expr.parts[it.expr.parts.length - 1]! : exprToSql(it.expr, {
      columnName: (parts) => ctx.scope.tryResolve(parts)?.resolved.attr.name ?? parts[parts.length - 1]!,
    }));
    out.push(itemInfo(e, name, e.kind === 'attr' ? e.name === name : it.alias === undefined));
  }
  return out;
}

const hasWindow = (e: Expression): boolean => exprExists(e, (x) => x.kind === 'window');

/** Replaces window expressions by attributes of a window node built over `input`. */
function extractWindows(input: LogicalPlan, exprs: readonly Expression[], names: readonly (string | undefined)[], reuse: readonly (Attribute | undefined)[]):
  { plan: LogicalPlan; exprs: Expression[] } {
  const items: NamedExpression[] = [];
  const byKey = new Map<string, Attribute>();
  const rewritten = exprs.map((e, idx) => transformExprDown(e, (x) => {
    if (x.kind !== 'window') return undefined;
    const k = exprKey(x);
    let a = byKey.get(k);
    if (!a) {
      const whole = x === e && reuse[idx];
      a = whole || { kind: 'attr', id: newExprId(), name: names[idx] && x === e ? names[idx]! : `_we${items.length}`, type: typeOf(x), nullable: nullableOf(x) };
      items.push({ expr: { kind: 'alias', expr: x, name: a.name, id: a.id }, attr: a });
      byKey.set(k, a);
    }
    return a;
  }));
  return { plan: { kind: 'window', input, items }, exprs: rewritten };
}

export function analyzeSelect(core: SelectCore, orderBy: readonly SortItem[], ctx: QueryCtx): LogicalPlan {
  const from = core.from ? analyzeRelation(core.from, ctx) : { plan: ONE_ROW, scope: new Scope([]) };
  return analyzeSelectOver(from, core, orderBy, ctx);
}

/** The select block over an already analyzed FROM (DataFrame select/agg use this directly). */
export function analyzeSelectOver(from: Analyzed, core: SelectCore, orderBy: readonly SortItem[], ctx: QueryCtx): LogicalPlan {
  const aggGen = aggregateGenerator(core);
  if (aggGen) return generateOverAggregate(from, aggGen, orderBy, ctx);
  let scope = from.scope.withOuter(ctx.outer);
  const windows = new Map<string, WindowRef>(core.windows.map((w) => [w.name.toLowerCase(), w.spec]));
  let base: ResolveCtx = { scope, env: ctx.env, allowAggregate: true, allowWindow: true, windows };
  let plan = from.plan;
  if (core.lateralViews?.length) {
    const lv = applyLateralViews(plan, scope, core.lateralViews, base);
    plan = lv.plan; scope = lv.scope; base = { ...base, scope };
  }
  if (core.where) {
    const cond = resolveExpr(core.where, { ...base, allowAggregate: false, allowWindow: false, clause: 'WHERE' });
    plan = { kind: 'filter', input: plan, condition: asBoolean(cond, ctx.env.fn) };
  }
  const gen = selectGenerator(core.items, plan, base);
  if (gen) plan = gen.plan;
  let items = resolveSelectItems(core.items, base, gen);
  const aggMode = (core.groupBy?.length ?? 0) > 0 || core.having !== undefined || items.some((i) => findAggregates(i.expr).length > 0);
  if (gen && aggMode) {
    throw new TsSparkError('UNSUPPORTED', 'A generator in the SELECT list of an aggregate query is not supported yet; aggregate in a subquery first.');
  }
  const windowed = items.some((i) => hasWindow(i.expr));
  if (aggMode) {
    const grouping = resolveGrouping(core.groupBy ?? [], items, base);
    let groups: GroupKey[] = grouping.exprs.map((e) => ({ key: exprKey(e), out: e }));
    let groupBy: Expression[] = [...grouping.exprs];
    let info;
    if (grouping.sets) {
      const ex = expandForSets(plan, grouping);
      plan = ex.plan; groups = ex.groups; groupBy = ex.groupBy; info = ex.info;
    }
    const builder = new AggBuilder(groups, info);
    let selectExprs: Expression[];
    if (windowed) {
      builder.addGroups();
      selectExprs = items.map((i) => builder.above(i.expr));
    } else {
      // a plain grouped column keeps the attribute the aggregate outputs for it (the Expand's, under grouping sets)
      items = items.map((i) => ({ ...i, attr: builder.add(i.expr, i.name, i.expr === i.attr ? undefined : i.attr) }));
      selectExprs = items.map((i) => i.attr);
    }
    const post: ResolveCtx = { ...base, scope: outputScope(items, scope, ctx) };
    let having: Expression | undefined;
    if (core.having) {
      // HAVING sees grouping columns before select-list aliases (Spark 3.4+: `SELECT SUM(a) AS b … GROUP BY b
      // HAVING b > 10` filters on the column b), then the aliases, then the other FROM columns
      const groupCols = grouping.exprs.filter((e): e is Attribute => e.kind === 'attr');
      const groupEntries = scope.entries.filter((e) => !e.hidden && groupCols.some((g) => g.id === e.attr.id));
      const havingScope = groupEntries.length > 0 ? new Scope(groupEntries, ctx.outer, post.scope) : post.scope;
      having = builder.above(asBoolean(resolveExpr(core.having, { ...post, scope: havingScope }), ctx.env.fn));
    }
    const sorts = orderBy.map((s) => resolveSort(s, items, post, (e) => builder.above(e)));
    plan = { kind: 'aggregate', input: plan, groupBy, items: builder.items };
    if (having) plan = { kind: 'filter', input: plan, condition: having };
    return finish(plan, items, selectExprs, windowed, sorts, core.distinct, !windowed);
  }
  const post: ResolveCtx = { ...base, scope: outputScope(items, scope, ctx) };
  const sorts = orderBy.map((s) => resolveSort(s, items, post, (e) => e));
  return finish(plan, items, items.map((i) => i.expr), windowed, sorts, core.distinct, false);
}

/** The aggregate block computes the generator's arguments; Generate runs over its output, then the select list. */
function generateOverAggregate(from: Analyzed, g: AggregateGenerator, orderBy: readonly SortItem[], ctx: QueryCtx): LogicalPlan {
  const inner = analyzeSelectOver(from, g.core, orderBy, ctx);
  const out = outputOf(inner);
  const args = g.argNames.map((n) => ({ kind: 'column', parts: [n] }) as const);
  const names = g.item.aliases ?? (g.item.alias !== undefined ? [g.item.alias] : undefined);
  const rc: ResolveCtx = { scope: Scope.of(out, undefined, ctx.outer), env: ctx.env, allowAggregate: false, allowWindow: false };
  const gen = buildGenerate(inner, { ...g.call, args }, false, names, rc, g.item.aliases ? undefined : g.item.alias);
  const kept = [...out.slice(0, g.index), ...gen.output, ...out.slice(g.index + g.argNames.length)];
  let plan: LogicalPlan = { kind: 'project', input: gen.plan, items: kept.map((a) => ({ expr: a, attr: a })) };
  return g.distinct ? { kind: 'distinct', input: plan } : plan;
}

/** Select outputs first, then the FROM columns (Spark's order for HAVING and ORDER BY). */
function outputScope(items: readonly SelectItemInfo[], from: Scope, ctx: QueryCtx): Scope {
  return new Scope(items.map((i) => ({ attr: i.attr, qualifier: i.attr.qualifier ?? [], hidden: false })), ctx.outer, from);
}

function resolveSort(s: SortItem, items: readonly SelectItemInfo[], ctx: ResolveCtx, lift: (e: Expression) => Expression): SortOrder {
  if (s.expr.kind === 'number' && s.expr.type === 'int') {
    const n = Number(s.expr.text);
    if (n < 1 || n > items.length) {
      throw analysisError('ORDER_BY_POS_OUT_OF_RANGE', '42805', { index: String(n), size: String(items.length) },
        `ORDER BY position ${n} is not in select list (valid range is [1, ${items.length}]).`);
    }
    return sortOrderOf(s, items[n - 1]!.attr);
  }
  return sortOrderOf(s, lift(resolveExpr(s.expr, { ...ctx, allowWindow: false })));
}

/** Window node, projection of the select list (+ hidden sort columns), DISTINCT, sort, and the final trim. */
function finish(input: LogicalPlan, items: readonly SelectItemInfo[], exprs: readonly Expression[], windowed: boolean,
  sorts: readonly SortOrder[], distinct: boolean, projectedByAggregate: boolean): LogicalPlan {
  let plan = input;
  let selectExprs = [...exprs];
  if (windowed) {
    const w = extractWindows(plan, selectExprs, items.map((i) => i.name), items.map((i) => i.attr));
    plan = w.plan; selectExprs = w.exprs;
  }
  const visible = items.map((i) => i.attr);
  const outIds = new Set(visible.map((a) => a.id));
  const hidden: Attribute[] = [];
  for (const s of sorts) {
    for (const x of collectExprs(s.expr, (e) => e.kind === 'attr')) {
      if (x.kind === 'attr' && !outIds.has(x.id) && !hidden.some((h) => h.id === x.id)) hidden.push(x);
    }
  }
  if (!projectedByAggregate) {
    const projItems = items.map((i, k) => named(i, selectExprs[k]));
    const identity = plan.kind !== 'window' && hidden.length === 0 && false;
    if (!identity) plan = { kind: 'project', input: plan, items: [...projItems, ...hidden.map((h) => ({ expr: h, attr: h }))] };
  } else if (hidden.length === 0) {
    // the aggregate also computes what only HAVING uses (`HAVING sum(x) > 3` not selected): trim it here (with
    // hidden sort columns the trim after the sort does it), or an IN subquery sees two columns
    const out = outputOf(plan);
    if (out.length !== visible.length || out.some((a, i) => a.id !== visible[i]!.id)) {
      plan = { kind: 'project', input: plan, items: visible.map((a) => ({ expr: a, attr: a })) };
    }
  }
  if (distinct) plan = { kind: 'distinct', input: plan };
  if (sorts.length) plan = { kind: 'sort', input: plan, order: sorts, global: true };
  if (hidden.length) plan = { kind: 'project', input: plan, items: visible.map((a) => ({ expr: a, attr: a })) };
  return plan;
}
