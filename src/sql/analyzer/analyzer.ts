// The Analyzer facade: SQL statements and DataFrame operations -> resolved logical plans, against the session
// catalog and configuration (spark.sql.ansi.enabled). Each method delegates to the file that owns the concept.
import type { JoinType, LogicalPlan } from '../../planner/logical/logical-plan.js';
import type { Catalog } from '../catalog/catalog.js';
import type { Expr, GroupingElement, Query, SelectItem, SortItem, Statement } from '../parser/ast.js';
import type { AnalyzedStatement } from './commands.js';
import * as df from './dataframe-ops.js';
import type { FnOpts } from './function-adapter.js';
import type { QueryCtx } from './query-context.js';
import { analyzeQuery } from './query.js';
import { asBoolean, resolveExpr, type ExprEnv } from './resolve-expr.js';
import type { Scope } from './scope.js';
import { analyzeSelectOver } from './select.js';
import { alignByName, setOperation, type SetOpKind } from './set-ops.js';
import { analyzeStatementIn } from './statements.js';

export interface AnalyzerConf {
  get(key: string): string | undefined;
}

export class Analyzer {
  constructor(readonly catalog: Catalog, private readonly conf: AnalyzerConf) {}

  private ctx(): QueryCtx {
    const zone = this.conf.get('spark.sql.session.timeZone');
    const fn: FnOpts = { ansi: (this.conf.get('spark.sql.ansi.enabled') ?? 'false').toLowerCase() === 'true', ...(zone ? { timeZone: zone } : {}) };
    const catalog = this.catalog;
    const env: ExprEnv = {
      fn,
      legacySetopsPrecedence: (this.conf.get('spark.sql.legacy.setopsPrecedence.enabled') ?? 'false').toLowerCase() === 'true',
      analyzeSubquery: (q: Query, outer: Scope): LogicalPlan => analyzeQuery(q, { catalog, env, ctes: new Map(), outer }),
    };
    return { catalog, env, ctes: new Map() };
  }

  analyzeStatement(stmt: Statement): AnalyzedStatement {
    return analyzeStatementIn(stmt, this.ctx());
  }

  analyzeQuery(q: Query): LogicalPlan {
    return analyzeQuery(q, this.ctx());
  }

  select(plan: LogicalPlan, items: readonly SelectItem[]): LogicalPlan {
    return analyzeSelectOver({ plan, scope: df.scopeOf(plan) }, { kind: 'select', distinct: false, items, windows: [] }, [], this.ctx());
  }

  filter(plan: LogicalPlan, cond: Expr): LogicalPlan {
    const c = this.ctx();
    const e = resolveExpr(cond, { ...df.exprCtx(plan, c), allowWindow: false, clause: 'WHERE' });
    return { kind: 'filter', input: plan, condition: asBoolean(e, c.env.fn) };
  }

  withColumns(plan: LogicalPlan, names: readonly string[], exprs: readonly Expr[]): LogicalPlan {
    return df.withColumns(plan, names, exprs, this.ctx());
  }

  withColumnRenamed(plan: LogicalPlan, from: string, to: string): LogicalPlan {
    return df.withColumnRenamed(plan, from, to);
  }

  drop(plan: LogicalPlan, names: readonly string[]): LogicalPlan {
    return df.drop(plan, names);
  }

  /** groupBy(...).agg(...): `items` is the whole output list (grouping columns first, as the session builds it). */
  aggregate(plan: LogicalPlan, groupBy: readonly GroupingElement[], items: readonly SelectItem[]): LogicalPlan {
    const core = { kind: 'select' as const, distinct: false, items, windows: [], groupBy };
    const p = analyzeSelectOver({ plan, scope: df.scopeOf(plan) }, core, [], this.ctx());
    return p;
  }

  join(left: LogicalPlan, right: LogicalPlan, type: JoinType, on: Expr | readonly string[] | undefined): LogicalPlan {
    return df.join(left, right, type, on, this.ctx());
  }

  sort(plan: LogicalPlan, items: readonly SortItem[], global = true): LogicalPlan {
    return df.sort(plan, items, this.ctx(), global);
  }

  limit(plan: LogicalPlan, n: number, offset = 0): LogicalPlan {
    return { kind: 'limit', input: plan, limit: n, offset };
  }

  setOp(kind: SetOpKind, left: LogicalPlan, right: LogicalPlan, all: boolean, byName = false, allowMissingColumns = false): LogicalPlan {
    const sides = byName ? alignByName(left, right, allowMissingColumns) : { left, right };
    return setOperation(kind, sides.left, sides.right, all, this.ctx().env.fn);
  }

  distinct(plan: LogicalPlan): LogicalPlan {
    return { kind: 'distinct', input: plan };
  }

  dropDuplicates(plan: LogicalPlan, cols?: readonly string[]): LogicalPlan {
    return df.dropDuplicates(plan, cols, this.ctx());
  }

  alias(plan: LogicalPlan, name: string): LogicalPlan {
    return df.alias(plan, name);
  }

  fillNa(plan: LogicalPlan, value: number | string | boolean, cols?: readonly string[]): LogicalPlan {
    return df.fillNa(plan, value, cols);
  }

  dropNa(plan: LogicalPlan, how: 'any' | 'all' = 'any', thresh?: number, cols?: readonly string[]): LogicalPlan {
    return df.dropNa(plan, how, thresh, cols);
  }

  describe(plan: LogicalPlan, cols: readonly string[] = []): LogicalPlan {
    return df.describe(plan, cols, this.ctx());
  }
}
