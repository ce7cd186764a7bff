// What query analysis carries down the tree: the catalog, function options, CTEs in scope and the enclosing
// query's scope (for correlated subqueries).
import type { LogicalPlan } from '../../planner/logical/logical-plan.js';
import type { Catalog } from '../catalog/catalog.js';
import type { ExprEnv } from './resolve-expr.js';
import type { Scope } from './scope.js';

export interface QueryCtx {
  readonly catalog: Catalog;
  readonly env: ExprEnv;
  /** CTE name (lower case) -> analyzed plan; inner WITH clauses shadow outer ones. */
  readonly ctes: ReadonlyMap<string, LogicalPlan>;
  readonly outer?: Scope;
}
