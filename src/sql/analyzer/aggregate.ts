// Aggregation: which expressions are grouped, the aggregate node's items (Spark's Aggregate [groups], [items]),
// MISSING_AGGREGATION checks, hidden items for HAVING/ORDER BY, and grouping()/grouping_id() under grouping sets.
import type { Attribute, Expression, NamedExpression } from '../../planner/expr/expression.js';
import { exprText } from '../../planner/logical/display-expr.js';
import { newExprId } from '../../planner/logical/expr-ids.js';
import { exprChildren, transformExprDown, withExprChildren } from '../../planner/logical/expr-walk.js';
import { analysisError, missingAggregation } from './errors.js';
import { nullableOf, typeOf } from './expr-type.js';

/** Semantic identity of an expression: its text with attribute ids (names and aliases do not matter). */
export function exprKey(e: Expression): string {
  return exprText(e.kind === 'alias' ? e.expr : e);
}

/** Display name without ids, for generated columns. */
export function plainName(e: Expression): string {
  return exprText(e).replace(/#\d+L?/g, '');
}

/** Aggregate calls in `e`, including those inside window specs but not a window's own aggregate function. */
export function findAggregates(e: Expression, out: Expression[] = []): Expression[] {
  if (e.kind === 'aggregate') out.push(e);
  else if (e.kind === 'window') {
    const kids = exprChildren(e);
    for (const k of typeof e.fn === 'string' ? kids : kids.slice(1)) findAggregates(k, out);
    if (typeof e.fn !== 'string' && e.fn.aggregate.kind === 'aggregate') for (const a of e.fn.aggregate.args) findAggregates(a, out);
  } else for (const k of exprChildren(e)) findAggregates(k, out);
  return out;
}

export interface GroupKey {
  readonly key: string;
  /** What the aggregate node uses for this grouping expression (itself, or the Expand output attribute). */
  readonly out: Expression;
}

export interface GroupingSetsInfo {
  readonly gid: Attribute;
  readonly count: number;
}

export class AggBuilder {
  readonly items: NamedExpression[] = [];
  /** exprKey of each item's original expression, parallel to items. */
  private readonly keys: string[] = [];

  constructor(private readonly groups: readonly GroupKey[], private readonly sets?: GroupingSetsInfo) {}

  private group(e: Expression): GroupKey | undefined {
    const k = exprKey(e);
    return this.groups.find((g) => g.key === k);
  }

  private grouping(e: Extract<Expression, { kind: 'aggregate' }>): Expression {
    if (!this.sets) {
      throw analysisError('UNSUPPORTED_GROUPING_EXPRESSION', '42K0E', {}, 'grouping()/grouping_id() can only be used with GroupingSets/Cube/Rollup.');
    }
    const gid = this.sets.gid;
    if (e.fn === 'grouping_id') return gid;
    const idx = this.groups.findIndex((g) => g.key === exprKey(e.args[0]!));
    if (idx < 0) throw analysisError('GROUPING_COLUMN_MISMATCH', '42803', { grouping: plainName(e.args[0]!), groupingColumns: this.groups.map((g) => plainName(g.out)).join(', ') },
      `Column of grouping (${plainName(e.args[0]!)}) can't be found in grouping columns ${this.groups.map((g) => plainName(g.out)).join(', ')}.`);
    const shift: Expression = { kind: 'call', fn: 'shiftright', args: [gid, { kind: 'literal', value: this.sets.count - 1 - idx, type: { kind: 'int' } }], type: { kind: 'long' }, nullable: false };
    const bit: Expression = { kind: 'call', fn: 'bitwise_and', args: [shift, { kind: 'literal', value: 1, type: { kind: 'long' } }], type: { kind: 'long' }, nullable: false };
    return { kind: 'cast', expr: bit, type: { kind: 'byte' }, mode: 'cast' };
  }

  /** `e` as an aggregate item: grouped subtrees and aggregates are fine, any other column is MISSING_AGGREGATION. */
  inAgg(e: Expression): Expression {
    return transformExprDown(e, (x) => {
      const g = this.group(x);
      if (g) return g.out;
      if (x.kind === 'aggregate') return x.fn === 'grouping' || x.fn === 'grouping_id' ? this.grouping(x) : x;
      if (x.kind === 'attr') throw missingAggregation(x.name);
      if (x.kind === 'window') {
        throw analysisError('INTERNAL_WINDOW_IN_AGGREGATE', 'XX000', {}, 'window expression inside an aggregate item');
      }
      return undefined;
    });
  }

  add(e: Expression, name: string, attr?: Attribute): Attribute {
    const inner = this.inAgg(e);
    const out: Attribute = attr ?? (inner.kind === 'attr' ? inner : { kind: 'attr', id: newExprId(), name, type: typeOf(inner), nullable: nullableOf(inner) });
    const expr: Expression = inner.kind === 'attr' && inner.id === out.id ? inner : { kind: 'alias', expr: inner, name: out.name, id: out.id };
    this.items.push({ expr, attr: out });
    this.keys.push(exprKey(e));
    return out;
  }

  /** Adds the grouping columns themselves as items (used when the select list is computed above the aggregate). */
  addGroups(): void {
    for (const g of this.groups) {
      if (g.out.kind === 'attr') {
        this.items.push({ expr: g.out, attr: g.out });
        this.keys.push(g.key);
      } else this.add(g.out, plainName(g.out));
    }
  }

  /** `e` evaluated above the aggregate: matched items become their attributes, new aggregates/groups hidden items. */
  above(e: Expression): Expression {
    const outputs = new Set(this.items.map((i) => i.attr.id));
    const rewrite = (x: Expression): Expression | undefined => {
      if (x.kind === 'attr' && outputs.has(x.id)) return x;
      const k = exprKey(x);
      const hit = this.keys.indexOf(k);
      if (hit >= 0) return this.items[hit]!.attr;
      if (x.kind === 'aggregate' || this.group(x)) {
        const a = this.add(x, plainName(x));
        outputs.add(a.id);
        return a;
      }
      if (x.kind === 'attr') throw missingAggregation(x.name);
      if (x.kind === 'window') {
        const kids = exprChildren(x);
        const fnAgg = typeof x.fn === 'string' ? undefined : x.fn.aggregate;
        const head = fnAgg && fnAgg.kind === 'aggregate'
          ? [{ ...fnAgg, args: fnAgg.args.map((a) => transformExprDown(a, rewrite)) } as Expression]
          : fnAgg ? [fnAgg] : [];
        return withExprChildren(x, [...head, ...kids.slice(head.length).map((c) => transformExprDown(c, rewrite))]);
      }
      return undefined;
    };
    return transformExprDown(e, rewrite);
  }
}
