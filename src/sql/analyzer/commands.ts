// What analyzeStatement returns: a query plan, or a command the session executes (views, SET, SHOW, DESCRIBE,
// EXPLAIN, CACHE…). Commands carry analyzed plans and resolved names, never SQL text to re-parse.
import type { Attribute } from '../../planner/expr/expression.js';
import type { LogicalPlan } from '../../planner/logical/logical-plan.js';
import type { ExplainMode, Statement } from '../parser/ast.js';

export type AnalyzedStatement =
  | { readonly kind: 'query'; readonly plan: LogicalPlan }
  /** CREATE [OR REPLACE] [GLOBAL] TEMP VIEW name AS query (plain CREATE VIEW is also a session view here). */
  | { readonly kind: 'create_view'; readonly name: string; readonly plan: LogicalPlan; readonly replace: boolean; readonly ifNotExists: boolean; readonly global: boolean }
  | { readonly kind: 'drop_view'; readonly name: string; readonly ifExists: boolean; readonly exists: boolean }
  /** DESCRIBE t / DESCRIBE QUERY q: rows col_name, data_type, comment. */
  | { readonly kind: 'describe'; readonly columns: readonly Attribute[]; readonly extended: boolean }
  | { readonly kind: 'show_tables'; readonly pattern?: string }
  | { readonly kind: 'show_columns'; readonly columns: readonly Attribute[] }
  | { readonly kind: 'explain'; readonly mode: ExplainMode; readonly parsed: Statement; readonly analyzed: AnalyzedStatement }
  | { readonly kind: 'set'; readonly key?: string; readonly value?: string; readonly verbose: boolean }
  | { readonly kind: 'reset'; readonly key?: string }
  /** CACHE [LAZY] TABLE name [AS query]: `plan` is the view to create first when a query is given. */
  | { readonly kind: 'cache_table'; readonly name: string; readonly lazy: boolean; readonly plan?: LogicalPlan }
  | { readonly kind: 'uncache_table'; readonly name: string; readonly ifExists: boolean }
  | { readonly kind: 'clear_cache' }
  | { readonly kind: 'refresh_table'; readonly name: string }
  | { readonly kind: 'use'; readonly namespace: readonly string[] }
  | { readonly kind: 'show_databases' }
  | { readonly kind: 'show_functions'; readonly pattern?: string }
  /** Tables, databases and INSERT need a persistent catalog: passed through for the session to refuse or handle. */
  | { readonly kind: 'unsupported'; readonly statement: Statement };
