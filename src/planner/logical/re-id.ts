// Copies a plan with fresh expression ids for every attribute it defines (Spark's DeduplicateRelations /
// newInstance): a view or CTE referenced twice, or a self-join, must not expose the same ids on both sides.
import { assertNever } from '../../common/assert.js';
import type { Attribute, Expression, ExprId, NamedExpression } from '../expr/expression.js';
import { newExprId } from './expr-ids.js';
import { transformExprUp } from './expr-walk.js';
import type { LogicalPlan } from './logical-plan.js';
import { mapPlanExpressions, transformPlanUp } from './plan-walk.js';

class Renamer {
  readonly ids = new Map<ExprId, ExprId>();

  fresh(a: Attribute): Attribute {
    const id = newExprId();
    this.ids.set(a.id, id);
    return { ...a, id };
  }

  ref(a: Attribute): Attribute {
    const id = this.ids.get(a.id);
    return id === undefined ? a : { ...a, id };
  }

  expr(e: Expression): Expression {
    return transformExprUp(e, (x) => {
      switch (x.kind) {
        case 'attr': return this.ref(x);
        case 'outer_ref': return { ...x, attr: this.ref(x.attr) };
        case 'alias': {
          const id = this.ids.get(x.id);
          return id === undefined ? x : { ...x, id };
        }
        case 'scalar_subquery': case 'exists': case 'in_subquery':
          return { ...x, plan: this.plan(x.plan), outer: x.outer.map((a) => this.ref(a)) };
        default: return x;
      }
    });
  }

  items(items: readonly NamedExpression[]): NamedExpression[] {
    // every expression reads the input's ids, so rename them all before the items' own attributes get fresh ids;
    // a column passed through as itself keeps its input's (already renamed) id
    const exprs = items.map((i) => this.expr(i.expr));
    return items.map((i, k) => {
      const expr = exprs[k]!;
      if (i.expr.kind === 'attr' && i.expr.id === i.attr.id && expr.kind === 'attr') return { expr, attr: { ...i.attr, id: expr.id } };
      const attr = this.fresh(i.attr);
      return { expr: expr.kind === 'alias' && expr.id === i.attr.id ? { ...expr, id: attr.id } : expr, attr };
    });
  }

  node(p: LogicalPlan): LogicalPlan {
    switch (p.kind) {
      case 'file_scan': return { ...p, output: p.output.map((a) => this.fresh(a)), filters: p.filters.map((e) => this.expr(e)) };
      case 'local_relation': case 'rdd_scan': return { ...p, output: p.output.map((a) => this.fresh(a)) };
      case 'range': return { ...p, output: [this.fresh(p.output[0])] };
      case 'project': case 'window': return { ...p, items: this.items(p.items) };
      case 'aggregate': return { ...p, groupBy: p.groupBy.map((e) => this.expr(e)), items: this.items(p.items) };
      case 'union': return { ...p, output: p.output.map((a) => this.fresh(a)) };
      case 'expand': {
        const projections = p.projections.map((row) => row.map((e) => this.expr(e)));
        return { ...p, projections, output: p.output.map((a) => this.fresh(a)) };
      }
      case 'generate': return { ...p, generator: this.expr(p.generator), generatorOutput: p.generatorOutput.map((a) => this.fresh(a)) };
      case 'filter': case 'join': case 'sort': case 'repartition':
        return mapPlanExpressions(p, (e) => this.expr(e));
      case 'limit': case 'intersect': case 'except': case 'distinct': case 'cached':
        return p;
      default: return assertNever(p, 'logical plan');
    }
  }

  plan(p: LogicalPlan): LogicalPlan {
    return transformPlanUp(p, (x) => this.node(x));
  }
}

/** The plan with fresh ids; `mapping` receives old id -> new id for the plan's output. */
export function reIdPlan(p: LogicalPlan, mapping?: Map<ExprId, ExprId>): LogicalPlan {
  const r = new Renamer();
  const out = r.plan(p);
  if (mapping) for (const [k, v] of r.ids) mapping.set(k, v);
  return out;
}


