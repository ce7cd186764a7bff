// Tables created with CREATE TABLE … USING (and filled by INSERT INTO) in the session's default database.
// They live in memory for the session (there is no persistent warehouse yet): a table is the union of the
// plans inserted into it, each cast to the table's columns, registered in the catalog under its name.
import { TsSparkError } from '../../common/errors.js';
import type { Attribute } from '../../planner/expr/expression.js';
import { newExprId, outputOf } from '../../planner/logical/index.js';
import type { LogicalPlan } from '../../planner/logical/logical-plan.js';
import { dataTypeOf } from '../analyzer/literals.js';
import { castExpression } from '../functions/index.js';
import type { Statement } from '../parser/ast.js';
import type { StructField } from '../types/data-type.js';
import type { SparkSession } from './spark-session.js';

interface SessionTable {
  readonly fields: readonly StructField[];
  readonly parts: LogicalPlan[];
}

const tablesBySession = new WeakMap<SparkSession, Map<string, SessionTable>>();

function tables(spark: SparkSession): Map<string, SessionTable> {
  let m = tablesBySession.get(spark);
  if (!m) tablesBySession.set(spark, (m = new Map()));
  return m;
}

export function createTable(spark: SparkSession, stmt: Extract<Statement, { kind: 'createTable' }>): void {
  const name = stmt.name[stmt.name.length - 1]!.toLowerCase();
  if (spark.catalogImpl.tableExists(name)) {
    if (stmt.ifNotExists) return;
    if (!stmt.replace) {
      throw new TsSparkError('ANALYSIS_ERROR', `[TABLE_OR_VIEW_ALREADY_EXISTS] Cannot create table or view \`spark_catalog\`.\`default\`.\`${name}\` because it already exists.`, {
        details: { errorClass: 'TABLE_OR_VIEW_ALREADY_EXISTS' },
      });
    }
  }
  let fields: StructField[];
  const parts: LogicalPlan[] = [];
  if (stmt.query) {
    const plan = spark.analyzer.analyzeQuery(stmt.query);
    fields = outputOf(plan).map((a) => ({ name: a.name, type: a.type, nullable: true }));
    parts.push(plan);
  } else {
    fields = (stmt.columns ?? []).map((c) => ({ name: c.name, type: dataTypeOf(c.type), nullable: c.nullable }));
  }
  const t: SessionTable = { fields, parts };
  tables(spark).set(name, t);
  register(spark, name, t);
}

export function insertInto(spark: SparkSession, stmt: Extract<Statement, { kind: 'insert' }>): void {
  const name = stmt.table[stmt.table.length - 1]!.toLowerCase();
  const t = tables(spark).get(name);
  if (!t) {
    throw spark.catalogImpl.tableNotFound([name]);
  }
  const plan = spark.analyzer.analyzeQuery(stmt.query);
  const cols = outputOf(plan);
  if (cols.length !== t.fields.length) {
    throw new TsSparkError('ANALYSIS_ERROR', `[INSERT_COLUMN_ARITY_MISMATCH.${cols.length > t.fields.length ? 'TOO_MANY_DATA_COLUMNS' : 'NOT_ENOUGH_DATA_COLUMNS'}] Cannot write to \`spark_catalog\`.\`default\`.\`${name}\`, the reason is too ${cols.length > t.fields.length ? 'many' : 'few'} data columns: Table columns: ${t.fields.map((f) => `\`${f.name}\``).join(', ')}. Data columns: ${cols.map((c) => `\`${c.name}\``).join(', ')}.`, {
      details: { errorClass: 'INSERT_COLUMN_ARITY_MISMATCH' },
    });
  }
  if (stmt.overwrite) t.parts.length = 0;
  t.parts.push(plan);
  register(spark, name, t);
}

export function dropTable(spark: SparkSession, name: string): boolean {
  const key = name.toLowerCase();
  const had = tables(spark).delete(key);
  if (had) spark.catalogImpl.dropTempView(key);
  return had;
}

/** The table's relation: an empty relation with its columns, unioned with every inserted plan cast to them. */
function register(spark: SparkSession, name: string, t: SessionTable): void {
  const output: Attribute[] = t.fields.map((f) => ({ kind: 'attr', id: newExprId(), name: f.name, type: f.type, nullable: true, qualifier: [name] }));
  const inputs: LogicalPlan[] = [{ kind: 'local_relation', output, batches: [] }];
  for (const p of t.parts) {
    const cols = outputOf(p);
    inputs.push({
      kind: 'project',
      input: p,
      items: cols.map((c, i) => {
        const f = t.fields[i]!;
        const attr: Attribute = { kind: 'attr', id: newExprId(), name: f.name, type: f.type, nullable: true };
        return { expr: { kind: 'alias', expr: castExpression(c, f.type, 'cast'), name: f.name, id: attr.id }, attr };
      }),
    });
  }
  const plan: LogicalPlan = inputs.length === 1 ? inputs[0]! : { kind: 'union', inputs, output };
  spark.catalogImpl.createOrReplaceTempView(name, plan);
}
