// FROM clause relations: views/CTEs (fresh ids per reference), file tables, subqueries, VALUES, range(),
// aliases with column lists, and joins (ON, USING, NATURAL with Spark's coalesced key columns).
import type { Attribute, Expression, NamedExpression } from '../../planner/expr/expression.js';
import type { JoinType, LogicalPlan } from '../../planner/logical/logical-plan.js';
import { newExprId } from '../../planner/logical/expr-ids.js';
import { reIdPlan } from '../../planner/logical/re-id.js';
import { outputOf } from '../../planner/logical/schema-of.js';
import type { JoinType as AstJoinType, Relation, TableAlias } from '../parser/ast.js';
import { analysisError, quoteId } from './errors.js';
import { coerceTypes, widen } from './function-adapter.js';
import { generatorTable } from './generators.js';
import { inlineTable, ONE_ROW } from './inline-table.js';
import type { QueryCtx } from './query-context.js';
import { analyzeQuery } from './query.js';
import { asBoolean, resolveExpr } from './resolve-expr.js';
import { Scope, type ScopeEntry } from './scope.js';

export interface Analyzed {
  readonly plan: LogicalPlan;
  readonly scope: Scope;
}

const joinTypes: Readonly<Record<AstJoinType, JoinType>> = {
  inner: 'inner', cross: 'cross', left: 'left_outer', right: 'right_outer', full: 'full_outer', leftSemi: 'left_semi', leftAnti: 'left_anti',
};

/** Applies `AS t(a, b)`: qualifier t, columns renamed by a projection. */
export function aliased(plan: LogicalPlan, alias: TableAlias | undefined, defaultQualifier: readonly string[], outer?: Scope): Analyzed {
  const qualifier = alias ? [alias.name] : defaultQualifier;
  let out = outputOf(plan);
  if (alias?.columns) {
    if (alias.columns.length !== out.length) {
      throw analysisError('ASSIGNMENT_ARITY_MISMATCH', '42802', { numExpr: String(alias.columns.length), numTarget: String(out.length) },
        `Number of column aliases does not match number of columns. Number of column aliases: ${alias.columns.length}; number of columns: ${out.length}.`);
    }
    const items: NamedExpression[] = out.map((a, i) => {
      const attr: Attribute = { ...a, id: newExprId(), name: alias.columns![i]! };
      return { expr: { kind: 'alias', expr: a, name: attr.name, id: attr.id }, attr };
    });
    plan = { kind: 'project', input: plan, items };
    out = items.map((i) => i.attr);
  }
  return { plan, scope: Scope.of(out.map((a) => ({ ...a, qualifier })), qualifier, outer) };
}

function rangePlan(args: readonly Expression[]): LogicalPlan {
  const nums = args.map((a) => {
    if (a.kind !== 'literal' || typeof a.value !== 'number') {
      throw analysisError('DATATYPE_MISMATCH.NON_FOLDABLE_INPUT', '42K09', {}, 'range() arguments must be constant integers.');
    }
    return a.value;
  });
  const [start, end, step, parts] = nums.length === 1 ? [0, nums[0]!, 1, undefined] : [nums[0]!, nums[1]!, nums[2] ?? 1, nums[3]];
  const output: [Attribute] = [{ kind: 'attr', id: newExprId(), name: 'id', type: { kind: 'long' }, nullable: false }];
  return parts === undefined ? { kind: 'range', start, end, step, output } : { kind: 'range', start, end, step, numPartitions: parts, output };
}

export function analyzeRelation(rel: Relation, ctx: QueryCtx): Analyzed {
  switch (rel.kind) {
    case 'table': {
      const cte = rel.name.length === 1 ? ctx.ctes.get(rel.name[0]!.toLowerCase()) : undefined;
      const plan = cte ? reIdPlan(cte) : ctx.catalog.lookupRelation(rel.name);
      return aliased(plan, rel.alias, [rel.name[rel.name.length - 1]!]);
    }
    case 'fileTable':
      return aliased(ctx.catalog.resolveFileTable(rel.format, rel.path), rel.alias, [rel.format, rel.path]);
    case 'subquery':
      return aliased(analyzeQuery(rel.query, { ...ctx }), rel.alias, []);
    case 'values':
      return aliased(inlineTable(rel.rows, ctx.env, rel.alias?.columns), rel.alias && { name: rel.alias.name }, []);
    case 'tableFunction': {
      const name = rel.name[rel.name.length - 1]!.toLowerCase();
      const gctx = { scope: new Scope([], ctx.outer), env: ctx.env, allowAggregate: false, allowWindow: false };
      const gen = generatorTable(rel.name, rel.args, ONE_ROW, gctx);
      if (gen) return aliased(gen.plan, rel.alias, []);
      if (name !== 'range') {
        throw analysisError('UNRESOLVABLE_TABLE_VALUED_FUNCTION', '42883', { name: quoteId(name) },
          `Could not resolve ${quoteId(name)} to a table-valued function.`);
      }
      const args = rel.args.map((a) => resolveExpr(a, { scope: new Scope([]), env: ctx.env, allowAggregate: false, allowWindow: false }));
      return aliased(rangePlan(args), rel.alias, []);
    }
    case 'join': {
      const left = analyzeRelation(rel.left, ctx);
      const right = analyzeRelation(rel.right, ctx);
      const type = joinTypes[rel.type];
      if (rel.natural || rel.using) {
        const lv = left.scope.visible();
        const rv = right.scope.visible();
        const keys = rel.using ?? lv.filter((a) => rv.some((b) => b.name.toLowerCase() === a.name.toLowerCase())).map((a) => a.name);
        return joinUsing(left, right, type, keys, ctx);
      }
      const scope = new Scope([...left.scope.entries, ...right.scope.entries], ctx.outer);
      const condition = rel.on
        ? asBoolean(resolveExpr(rel.on, { scope, env: ctx.env, allowAggregate: false, allowWindow: false, clause: 'JOIN' }), ctx.env.fn)
        : undefined;
      const plan: LogicalPlan = condition ? { kind: 'join', left: left.plan, right: right.plan, type, condition } : { kind: 'join', left: left.plan, right: right.plan, type };
      const entries = type === 'left_semi' || type === 'left_anti' ? left.scope.entries : scope.entries;
      return { plan, scope: new Scope(entries, ctx.outer) };
    }
    default: {
      const never: never = rel;
      throw new Error(`unexpected relation ${JSON.stringify(never)}`);
    }
  }
}

function findKey(scope: Scope, name: string, side: string): Attribute {
  const hit = scope.visible().find((a) => a.name.toLowerCase() === name.toLowerCase());
  if (!hit) {
    throw analysisError('UNRESOLVED_USING_COLUMN_FOR_JOIN', '42703', { colName: quoteId(name), side, suggestion: scope.candidates().join(', ') },
      `USING column ${quoteId(name)} cannot be resolved on the ${side} side of the join. The ${side}-side columns: [${scope.candidates().join(', ')}].`);
  }
  return hit;
}

/** USING/NATURAL joins: keys once (left's for inner/left/semi/anti, right's for right, coalesce for full), then the
 * other columns of each side; the other side's key stays reachable by qualifier (hidden). */
export function joinUsing(left: Analyzed, right: Analyzed, type: JoinType, keys: readonly string[], ctx: QueryCtx, keepHidden = true): Analyzed {
  const fn = ctx.env.fn;
  const pairs = keys.map((k) => [findKey(left.scope, k, 'left'), findKey(right.scope, k, 'right')] as const);
  let condition: Expression | undefined;
  for (const [l, r] of pairs) {
    const t = coerceTypes(l.type, r.type) ?? l.type;
    const eq: Expression = { kind: 'call', fn: 'equal_to', args: [widen(l, t, fn), widen(r, t, fn)], type: { kind: 'boolean' }, nullable: l.nullable || r.nullable };
    condition = condition ? { kind: 'and', left: condition, right: eq } : eq;
  }
  const join: LogicalPlan = condition ? { kind: 'join', left: left.plan, right: right.plan, type, condition } : { kind: 'join', left: left.plan, right: right.plan, type };
  const joinOut = new Map(outputOf(join).map((a) => [a.id, a]));
  const cur = (a: Attribute): Attribute => joinOut.get(a.id) ?? a;
  const isKey = (a: Attribute, side: 0 | 1): boolean => pairs.some((p) => p[side].id === a.id);
  const items: NamedExpression[] = [];
  const entries: ScopeEntry[] = [];
  const leftEntries = (a: Attribute) => left.scope.entries.find((e) => e.attr.id === a.id)!;
  const rightEntries = (a: Attribute) => right.scope.entries.find((e) => e.attr.id === a.id)!;
  for (const [l, r] of pairs) {
    let item: NamedExpression;
    if (type === 'right_outer') item = { expr: cur(r), attr: cur(r) };
    else if (type === 'full_outer') {
      const attr: Attribute = { kind: 'attr', id: newExprId(), name: l.name, type: l.type, nullable: l.nullable && r.nullable };
      item = { expr: { kind: 'alias', expr: { kind: 'coalesce', args: [cur(l), cur(r)], type: l.type }, name: l.name, id: attr.id }, attr };
    } else item = { expr: cur(l), attr: cur(l) };
    items.push(item);
    const srcEntry = type === 'right_outer' ? rightEntries(r) : leftEntries(l);
    const src = srcEntry.origin ?? (type === 'right_outer' ? right.scope.entries.indexOf(srcEntry) : left.scope.entries.indexOf(srcEntry));
    entries.push({ attr: item.attr, qualifier: type === 'right_outer' ? rightEntries(r).qualifier : leftEntries(l).qualifier, hidden: false, origin: src });
  }
  left.scope.entries.forEach((e, i) => { if (!isKey(e.attr, 0)) { items.push({ expr: cur(e.attr), attr: cur(e.attr) }); entries.push({ ...e, attr: cur(e.attr), origin: e.origin ?? i }); } });
  if (type !== 'left_semi' && type !== 'left_anti') {
    right.scope.entries.forEach((e, i) => { if (!isKey(e.attr, 1)) { items.push({ expr: cur(e.attr), attr: cur(e.attr) }); entries.push({ ...e, attr: cur(e.attr), origin: e.origin ?? i }); } });
  }
  if (keepHidden) {
    const hidden = pairs.flatMap(([l, r]) => (type === 'left_semi' || type === 'left_anti' ? [l] : [l, r]))
      .filter((a) => !items.some((i) => i.attr.id === a.id));
    for (const a of hidden) {
      const li = left.scope.entries.findIndex((x) => x.attr.id === a.id);
      const e = li >= 0 ? left.scope.entries[li]! : right.scope.entries.find((x) => x.attr.id === a.id)!;
      items.push({ expr: cur(a), attr: cur(a) });
      entries.push({ attr: cur(a), qualifier: e.qualifier, hidden: true, origin: e.origin ?? (li >= 0 ? li : right.scope.entries.indexOf(e)) });
    }
  }
  return { plan: { kind: 'project', input: join, items }, scope: new Scope(entries, ctx.outer) };
}
