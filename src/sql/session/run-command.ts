// Runs the commands spark.sql() returns instead of queries (CREATE VIEW, SET, SHOW TABLES, DESCRIBE, EXPLAIN,
// CACHE TABLE…) eagerly, as Spark does, and returns their result as a DataFrame with Spark's result columns.
import { assertNever } from '../../common/assert.js';
import { TsSparkError } from '../../common/errors.js';
import type { Attribute } from '../../planner/expr/expression.js';
import { displayPlan, newExprId } from '../../planner/logical/index.js';
import type { LogicalPlan } from '../../planner/logical/logical-plan.js';
import type { AnalyzedStatement } from '../analyzer/index.js';
import { simpleString, T, type DataType, type StructType } from '../types/data-type.js';
import { DataFrame } from './dataframe.js';
import { rowsToBatches } from './data-to-plan.js';
import type { SparkSession } from './spark-session.js';
import { createTable, dropTable, insertInto } from './session-tables.js';
import { formatExplain } from './explain-formatted.js';

type Command = Exclude<AnalyzedStatement, { kind: 'query' }>;

export function runCommand(spark: SparkSession, cmd: Command): DataFrame {
  switch (cmd.kind) {
    case 'create_view':
      if (cmd.ifNotExists && spark.catalogImpl.tableExists(cmd.name)) return empty(spark);
      if (cmd.replace) spark.catalogImpl.createOrReplaceTempView(cmd.name, cmd.plan);
      else spark.catalogImpl.createTempView(cmd.name, cmd.plan);
      return empty(spark);
    case 'drop_view':
      if (!cmd.exists && !cmd.ifExists) throw spark.catalogImpl.tableNotFound([cmd.name]);
      spark.catalogImpl.dropTempView(cmd.name);
      return empty(spark);
    case 'describe':
      return result(spark, [['col_name', T.string], ['data_type', T.string], ['comment', T.string]], cmd.columns.map((a) => [a.name, simpleString(a.type), null]));
    case 'show_tables': {
      const re = cmd.pattern ? likePattern(cmd.pattern) : undefined;
      const rows = spark.catalogImpl.listTables().filter((t) => !re || re.test(t.name)).map((t) => ['', t.name, true]);
      return result(spark, [['namespace', T.string], ['tableName', T.string], ['isTemporary', T.boolean]], rows);
    }
    case 'show_columns':
      return result(spark, [['col_name', T.string]], cmd.columns.map((a) => [a.name]));
    case 'show_databases':
      return result(spark, [['namespace', T.string]], [['default']]);
    case 'show_functions':
      return result(spark, [['function', T.string]], []);
    case 'explain': {
      const plan = cmd.analyzed.kind === 'query' ? cmd.analyzed.plan : undefined;
      const text = plan === undefined ? '== Physical Plan ==\nExecutedCommand\n'
        : cmd.mode === 'formatted' ? formatExplain(spark.engine.explain(plan, 'simple'))
          : spark.engine.explain(plan, cmd.mode === 'cost' ? 'extended' : cmd.mode);
      return result(spark, [['plan', T.string]], [[text]]);
    }
    case 'set': {
      if (cmd.key === undefined) {
        const all = Object.entries(spark.conf.getAll()).sort(([a], [b]) => a.localeCompare(b));
        return result(spark, [['key', T.string], ['value', T.string]], all.map(([k, v]) => [k, v]));
      }
      if (cmd.value !== undefined) spark.conf.set(cmd.key, cmd.value);
      return result(spark, [['key', T.string], ['value', T.string]], [[cmd.key, spark.conf.get(cmd.key) ?? '<undefined>']]);
    }
    case 'reset':
      if (cmd.key) spark.conf.unset(cmd.key);
      return empty(spark);
    case 'cache_table': {
      if (cmd.plan) spark.catalogImpl.createOrReplaceTempView(cmd.name, cmd.plan);
      spark.catalog.cacheTable(cmd.name);
      return empty(spark);
    }
    case 'uncache_table':
      if (spark.catalogImpl.tableExists(cmd.name)) spark.catalog.uncacheTable(cmd.name);
      else if (!cmd.ifExists) throw spark.catalogImpl.tableNotFound([cmd.name]);
      return empty(spark);
    case 'clear_cache':
      spark.catalog.clearCache();
      return empty(spark);
    case 'refresh_table':
    case 'use':
      return empty(spark);
    case 'unsupported':
      if (cmd.statement.kind === 'createTable') {
        createTable(spark, cmd.statement);
        return empty(spark);
      }
      if (cmd.statement.kind === 'insert') {
        insertInto(spark, cmd.statement);
        return empty(spark);
      }
      if (cmd.statement.kind === 'drop' && cmd.statement.object === 'table') {
        const name = cmd.statement.name[cmd.statement.name.length - 1]!;
        if (!dropTable(spark, name) && !cmd.statement.ifExists) {
          throw spark.catalogImpl.tableNotFound([name]);
        }
        return empty(spark);
      }
      throw new TsSparkError('UNSUPPORTED', `[UNSUPPORTED_FEATURE] ${cmd.statement.kind} needs a persistent catalog, which tsspark does not have yet; use temporary views (CREATE TEMPORARY VIEW … USING / AS)`, {
        details: { errorClass: 'UNSUPPORTED_FEATURE' },
      });
    default:
      return assertNever(cmd, 'command');
  }
}

function empty(spark: SparkSession): DataFrame {
  return result(spark, [], []);
}

function result(spark: SparkSession, columns: ReadonlyArray<readonly [string, DataType]>, rows: unknown[][]): DataFrame {
  const schema: StructType = { kind: 'struct', fields: columns.map(([name, type]) => ({ name, type, nullable: true })) };
  const output: Attribute[] = schema.fields.map((f) => ({ kind: 'attr', id: newExprId(), name: f.name, type: f.type, nullable: true }));
  const plan: LogicalPlan = { kind: 'local_relation', output, batches: columns.length === 0 ? [] : rowsToBatches(rows, schema) };
  return new DataFrame(spark, plan);
}

/** SHOW TABLES LIKE 'pattern': '*' any characters, '|' alternatives (Spark's pattern syntax). */
function likePattern(p: string): RegExp {
  const alts = p.split('|').map((a) => a.trim().replace(/[.+?^${}()[\]\\]/g, '\\$&').replace(/\*/g, '.*'));
  return new RegExp(`^(?:${alts.join('|')})$`, 'i');
}

export { displayPlan };
