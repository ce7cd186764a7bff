// analyzeStatement: parsed statements -> query plans or commands (see commands.ts).
import type { Attribute } from '../../planner/expr/expression.js';
import { outputOf } from '../../planner/logical/schema-of.js';
import type { Statement } from '../parser/ast.js';
import type { AnalyzedStatement } from './commands.js';
import { analysisError, quoteParts, tableNotFound } from './errors.js';
import { dataTypeOf } from './literals.js';
import type { QueryCtx } from './query-context.js';
import { analyzeQuery } from './query.js';
import { aliased } from './relations.js';
import { newExprId } from '../../planner/logical/expr-ids.js';
import type { LogicalPlan } from '../../planner/logical/logical-plan.js';

function viewName(parts: readonly string[]): string {
  if (parts.length > 1 && parts[0]!.toLowerCase() !== 'global_temp') {
    throw analysisError('TEMP_VIEW_NAME_TOO_MANY_NAME_PARTS', '428EK', { actualName: quoteParts(parts) },
      `CREATE TEMPORARY VIEW or the corresponding Dataset APIs only accept single-part view names, but got: ${quoteParts(parts)}.`);
  }
  return parts[parts.length - 1]!;
}

export function analyzeStatementIn(stmt: Statement, ctx: QueryCtx): AnalyzedStatement {
  const cat = ctx.catalog;
  switch (stmt.kind) {
    case 'query': return { kind: 'query', plan: analyzeQuery(stmt, ctx) };
    case 'createView': {
      const name = viewName(stmt.name);
      let plan = analyzeQuery(stmt.query, ctx);
      if (stmt.columns) plan = aliased(plan, { name, columns: stmt.columns }, []).plan;
      if (!stmt.replace && !stmt.ifNotExists && cat.tableExists(name)) {
        const relationName = quoteParts([name]);
        throw analysisError('TEMP_TABLE_OR_VIEW_ALREADY_EXISTS', '42P07', { relationName },
          `Cannot create the temporary view ${relationName} because it already exists.`);
      }
      return { kind: 'create_view', name, plan, replace: stmt.replace, ifNotExists: stmt.ifNotExists, global: stmt.global };
    }
    case 'createViewUsing': {
      const name = viewName(stmt.name);
      const path = stmt.options.path ?? stmt.options.PATH ?? '';
      let plan: LogicalPlan = cat.resolveFileTable(stmt.provider, path, stmt.options);
      if (stmt.columns) {
        const output: Attribute[] = stmt.columns.map((c) => ({ kind: 'attr', id: newExprId(), name: c.name, type: dataTypeOf(c.type), nullable: c.nullable }));
        if (plan.kind === 'file_scan') plan = { ...plan, output, source: { ...plan.source, schema: { kind: 'struct', fields: output.map((a) => ({ name: a.name, type: a.type, nullable: a.nullable })) } } };
      }
      return { kind: 'create_view', name, plan, replace: stmt.replace, ifNotExists: false, global: stmt.global };
    }
    case 'drop': {
      if (stmt.object === 'database') return { kind: 'unsupported', statement: stmt };
      if (stmt.object === 'table' && !(stmt.name.length === 1 && cat.tableExists(stmt.name[0]!))) return { kind: 'unsupported', statement: stmt };
      const name = stmt.name[stmt.name.length - 1]!;
      const exists = stmt.name.length === 1 && cat.tableExists(name);
      if (!exists && !stmt.ifExists) throw tableNotFound(stmt.name);
      return { kind: 'drop_view', name, ifExists: stmt.ifExists, exists };
    }
    case 'describeTable': {
      const plan = cat.lookupRelation(stmt.name);
      return { kind: 'describe', columns: outputOf(plan), extended: stmt.extended };
    }
    case 'describeQuery': return { kind: 'describe', columns: outputOf(analyzeQuery(stmt.query, ctx)), extended: false };
    case 'showTables': return stmt.pattern === undefined ? { kind: 'show_tables' } : { kind: 'show_tables', pattern: stmt.pattern };
    case 'showColumns': return { kind: 'show_columns', columns: outputOf(cat.lookupRelation(stmt.table)) };
    case 'showDatabases': return { kind: 'show_databases' };
    case 'showFunctions': return stmt.pattern === undefined ? { kind: 'show_functions' } : { kind: 'show_functions', pattern: stmt.pattern };
    case 'explain': return { kind: 'explain', mode: stmt.mode, parsed: stmt.statement, analyzed: analyzeStatementIn(stmt.statement, ctx) };
    case 'set': return { kind: 'set', verbose: stmt.verbose, ...(stmt.key !== undefined ? { key: stmt.key } : {}), ...(stmt.value !== undefined ? { value: stmt.value } : {}) };
    case 'reset': return stmt.key === undefined ? { kind: 'reset' } : { kind: 'reset', key: stmt.key };
    case 'cacheTable': {
      const name = viewName(stmt.name);
      if (stmt.query) return { kind: 'cache_table', name, lazy: stmt.lazy, plan: analyzeQuery(stmt.query, ctx) };
      cat.lookupRelation(stmt.name);
      return { kind: 'cache_table', name, lazy: stmt.lazy };
    }
    case 'uncacheTable': {
      const name = stmt.name[stmt.name.length - 1]!;
      if (!stmt.ifExists && !cat.tableExists(name)) throw tableNotFound(stmt.name);
      return { kind: 'uncache_table', name, ifExists: stmt.ifExists };
    }
    case 'clearCache': return { kind: 'clear_cache' };
    case 'refreshTable': return { kind: 'refresh_table', name: stmt.name[stmt.name.length - 1]! };
    case 'use':
      cat.setCurrentDatabase(stmt.namespace[stmt.namespace.length - 1]!);
      return { kind: 'use', namespace: stmt.namespace };
    case 'createTable': case 'createDatabase': case 'insert':
      return { kind: 'unsupported', statement: stmt };
    default: {
      const never: never = stmt;
      throw new Error(`unexpected statement ${JSON.stringify(never)}`);
    }
  }
}
