// VALUES (...), (...) [AS t(a, b)]: columns col1, col2… widened to a common type per column (Spark's
// ResolveInlineTables). Rows of foldable literals become a local_relation; other constant rows a union of
// one-row projections.
import type { Attribute, Expression } from '../../planner/expr/expression.js';
import type { LogicalPlan } from '../../planner/logical/logical-plan.js';
import { newExprId } from '../../planner/logical/expr-ids.js';
import { exprExists } from '../../planner/logical/expr-walk.js';
import { exprText } from '../../planner/logical/display-expr.js';
import type { Column, ColumnBatch } from '../batch/column-batch.js';
import { physicalKind } from '../batch/column-batch.js';
import type { Expr } from '../parser/ast.js';
import type { DataType } from '../types/data-type.js';
import { analysisError, quoteId } from './errors.js';
import { nullableOf, typeOf } from './expr-type.js';
import { coerceTypes, widen } from './function-adapter.js';
import { resolveExpr, type ExprEnv } from './resolve-expr.js';
import { Scope } from './scope.js';

export const ONE_ROW: LogicalPlan = { kind: 'local_relation', output: [], batches: [{ numRows: 1, columns: [] }] };

/** A literal's physical value converted to a wider type, or undefined when that needs the cast evaluator. */
function convert(value: unknown, from: DataType, to: DataType): { v: unknown } | undefined {
  if (value === null) return { v: null };
  if (from.kind === to.kind && from.kind !== 'decimal') return { v: value };
  const n = typeof value === 'number' ? value : undefined;
  if (n === undefined) return undefined;
  const intLike = ['byte', 'short', 'int', 'long'].includes(from.kind);
  if (intLike && ['short', 'int', 'long', 'float', 'double'].includes(to.kind)) return { v: n };
  if (to.kind === 'decimal' && intLike) return { v: n * 10 ** to.scale };
  if (from.kind === 'decimal' && to.kind === 'decimal') return { v: Math.round(n * 10 ** (to.scale - from.scale)) };
  if (from.kind === 'decimal' && (to.kind === 'double' || to.kind === 'float')) return { v: n / 10 ** from.scale };
  if (from.kind === 'float' && to.kind === 'double') return { v: n };
  return undefined;
}

function buildColumn(values: readonly unknown[], t: DataType): Column {
  const n = values.length;
  const hasNull = values.some((v) => v === null);
  const valid = hasNull ? Uint8Array.from(values, (v) => (v === null ? 0 : 1)) : null;
  switch (physicalKind(t)) {
    case 'bool': return { kind: 'bool', values: Uint8Array.from(values, (v) => (v === true ? 1 : 0)), valid };
    case 'i32': return { kind: 'i32', values: Int32Array.from(values, (v) => (typeof v === 'number' ? v : 0)), valid };
    case 'f64': return { kind: 'f64', values: Float64Array.from(values, (v) => (typeof v === 'number' ? v : 0)), valid };
    case 'str': return { kind: 'str', values: values.map((v) => (v === null ? null : String(v))), valid };
    case 'obj': return { kind: 'obj', values: values.slice(0, n), valid };
  }
}

export function inlineTable(rows: readonly (readonly Expr[])[], env: ExprEnv, columnNames?: readonly string[]): LogicalPlan {
  const width = columnNames?.length ?? rows[0]?.length ?? 0;
  rows.forEach((row, i) => {
    if (row.length !== width) {
      throw analysisError('INVALID_INLINE_TABLE.NUM_COLUMNS_MISMATCH', '42000',
        { expectedNumCols: String(width), actualNumCols: String(row.length), rowIndex: String(i) },
        `Invalid inline table. Inline table expected ${width} columns but found ${row.length} columns in row ${i}.`);
    }
  });
  const ctx = { scope: new Scope([]), env, allowAggregate: true, allowWindow: false };
  const resolved = rows.map((row) => row.map((x) => {
    const e = resolveExpr(x, ctx);
    const bad = exprExists(e, (s) => s.kind === 'aggregate' || s.kind === 'window' || s.kind === 'attr' || s.kind === 'outer_ref' ||
      s.kind === 'scalar_subquery' || s.kind === 'exists' || s.kind === 'in_subquery' ||
      (s.kind === 'call' && ['rand', 'randn', 'random', 'uuid', 'shuffle'].includes(s.fn)));
    if (bad) {
      throw analysisError('INVALID_INLINE_TABLE.CANNOT_EVALUATE_EXPRESSION_IN_INLINE_TABLE', '42000', { expr: `"${exprText(e)}"` },
        `Invalid inline table. Cannot evaluate the expression "${exprText(e)}" in inline table definition.`);
    }
    return e;
  }));
  const names = Array.from({ length: width }, (_, c) => columnNames?.[c] ?? `col${c + 1}`);
  const types = names.map((name, c) => {
    let t: DataType | undefined = { kind: 'null' };
    for (const row of resolved) t = t && coerceTypes(t, typeOf(row[c]!));
    if (!t) {
      throw analysisError('INVALID_INLINE_TABLE.INCOMPATIBLE_TYPES_IN_INLINE_TABLE', '42000', { colName: quoteId(name) },
        `Invalid inline table. Found incompatible types in the column ${quoteId(name)} for inline table.`);
    }
    return t;
  });
  const output: Attribute[] = names.map((name, c) => ({
    kind: 'attr', id: newExprId(), name, type: types[c]!, nullable: resolved.some((row) => nullableOf(row[c]!)),
  }));
  const columns: unknown[][] = names.map(() => []);
  let foldable = true;
  for (const row of resolved) {
    row.forEach((e, c) => {
      const conv = e.kind === 'literal' ? convert(e.value, e.type, types[c]!) : undefined;
      if (conv) columns[c]!.push(conv.v);
      else foldable = false;
    });
  }
  if (foldable) {
    const batch: ColumnBatch = { numRows: rows.length, columns: columns.map((vs, c) => buildColumn(vs, types[c]!)) };
    return { kind: 'local_relation', output, batches: [batch] };
  }
  const inputs: LogicalPlan[] = resolved.map((row) => ({
    kind: 'project', input: ONE_ROW,
    items: row.map((e, c): { expr: Expression; attr: Attribute } => {
      const attr: Attribute = { ...output[c]!, id: newExprId() };
      return { expr: { kind: 'alias', expr: widen(e, types[c]!, env.fn), name: attr.name, id: attr.id }, attr };
    }),
  }));
  return inputs.length === 1 ? projectAs(inputs[0]!, output) : { kind: 'union', inputs, output };
}

/** Renames a single projection's outputs to the given attributes. */
function projectAs(p: LogicalPlan, output: readonly Attribute[]): LogicalPlan {
  if (p.kind !== 'project') return p;
  return { ...p, items: p.items.map((it, i) => ({ expr: it.expr.kind === 'alias' ? { ...it.expr, id: output[i]!.id } : it.expr, attr: output[i]! })) };
}
