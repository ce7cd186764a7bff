// UNION/INTERSECT/EXCEPT [ALL|DISTINCT] by position (or by name for unionByName): column counts must match,
// columns are widened to a common type (casts projected on each side), output names come from the left side.
import type { Attribute, Expression, NamedExpression } from '../../planner/expr/expression.js';
import type { LogicalPlan } from '../../planner/logical/logical-plan.js';
import { newExprId } from '../../planner/logical/expr-ids.js';
import { outputOf } from '../../planner/logical/schema-of.js';
import type { DataType } from '../types/data-type.js';
import { sameType, simpleString } from '../types/data-type.js';
import { analysisError, ordinalWord } from './errors.js';
import { coerceTypes, widen, type FnOpts } from './function-adapter.js';

export type SetOpKind = 'union' | 'intersect' | 'except';

function opName(kind: SetOpKind, all: boolean): string {
  return `${kind.toUpperCase()}${all && kind !== 'union' ? ' ALL' : ''}`;
}

function castTo(plan: LogicalPlan, types: readonly DataType[], fn: FnOpts): LogicalPlan {
  const out = outputOf(plan);
  if (out.every((a, i) => sameType(a.type, types[i]!))) return plan;
  const items: NamedExpression[] = out.map((a, i) => {
    if (sameType(a.type, types[i]!)) return { expr: a, attr: a };
    const attr: Attribute = { ...a, id: newExprId(), type: types[i]! };
    const expr: Expression = { kind: 'alias', expr: widen(a, types[i]!, fn), name: a.name, id: attr.id };
    return { expr, attr };
  });
  return { kind: 'project', input: plan, items };
}

export function setOperation(kind: SetOpKind, left: LogicalPlan, right: LogicalPlan, all: boolean, fn: FnOpts): LogicalPlan {
  const l = outputOf(left);
  const r = outputOf(right);
  const op = opName(kind, all);
  if (l.length !== r.length) {
    throw analysisError('NUM_COLUMNS_MISMATCH', '42826',
      { operator: op, firstNumColumns: String(l.length), invalidOrdinalNum: 'second', invalidNumColumns: String(r.length) },
      `${op} can only be performed on inputs with the same number of columns, but the first input has ${l.length} columns and the second input has ${r.length} columns.`);
  }
  const types = l.map((a, i) => {
    const t = fn.ansi ? ansiSetOpType(a.type, r[i]!.type) ?? coerceTypes(a.type, r[i]!.type) : coerceTypes(a.type, r[i]!.type);
    if (!t) {
      const dataType1 = `"${simpleString(r[i]!.type).toUpperCase()}"`;
      const dataType2 = `"${simpleString(a.type).toUpperCase()}"`;
      throw analysisError('INCOMPATIBLE_COLUMN_TYPE', '42825',
        { operator: op, columnOrdinalNumber: ordinalWord(i), tableOrdinalNumber: 'second', dataType1, dataType2, hint: '' },
        `${op} can only be performed on tables with compatible column types. The ${ordinalWord(i)} column of the second table is ${dataType1} type which is not compatible with ${dataType2} at the same column of the first table..`);
    }
    return t;
  });
  const lp = castTo(left, types, fn);
  const rp = castTo(right, types, fn);
  if (kind === 'union') {
    const lo = outputOf(lp);
    const ro = outputOf(rp);
    const output: Attribute[] = lo.map((a, i) => ({ kind: 'attr', id: newExprId(), name: a.name, type: types[i]!, nullable: a.nullable || ro[i]!.nullable }));
    const union: LogicalPlan = { kind: 'union', inputs: [lp, rp], output };
    return all ? union : { kind: 'distinct', input: union };
  }
  return { kind, left: lp, right: rp, all };
}

/** unionByName: reorders the right side's columns by the left side's names (allowMissing fills nulls). */
export function alignByName(left: LogicalPlan, right: LogicalPlan, allowMissing: boolean): { left: LogicalPlan; right: LogicalPlan } {
  const l = outputOf(left);
  const r = outputOf(right);
  const find = (xs: readonly Attribute[], n: string) => xs.find((a) => a.name.toLowerCase() === n.toLowerCase());
  const missing = (name: string): never => {
    throw analysisError('NUM_COLUMNS_MISMATCH', '42826', { operator: 'UNION', firstNumColumns: String(l.length), invalidOrdinalNum: 'second', invalidNumColumns: String(r.length) },
      `Cannot resolve column name "${name}" in the unionByName inputs.`);
  };
  const nullOf = (a: Attribute): NamedExpression => {
    const attr: Attribute = { ...a, id: newExprId(), nullable: true };
    return { expr: { kind: 'alias', expr: { kind: 'literal', value: null, type: a.type }, name: a.name, id: attr.id }, attr };
  };
  const rightItems: NamedExpression[] = l.map((a) => {
    const hit = find(r, a.name);
    if (hit) return { expr: hit, attr: hit };
    return allowMissing ? nullOf(a) : missing(a.name);
  });
  let newLeft = left;
  if (allowMissing) {
    const extra = r.filter((a) => !find(l, a.name));
    if (extra.length) {
      newLeft = { kind: 'project', input: left, items: [...l.map((a) => ({ expr: a, attr: a })), ...extra.map(nullOf)] };
      rightItems.push(...extra.map((a) => ({ expr: a, attr: a })));
    }
  } else if (r.length !== l.length) {
    r.filter((a) => !find(l, a.name)).forEach((a) => missing(a.name));
  }
  return { left: newLeft, right: { kind: 'project', input: right, items: rightItems } };
}

/**
 * ANSI mode (Spark 4's default): a string column meeting a numeric one in a set operation is cast to the numeric
 * side (integral → bigint), so a non-numeric string fails at run time with CAST_INVALID_INPUT, as Spark does.
 */
function ansiSetOpType(a: DataType, b: DataType): DataType | undefined {
  const numeric = (t: DataType): boolean => ['byte', 'short', 'int', 'long', 'float', 'double', 'decimal'].includes(t.kind);
  const integral = (t: DataType): boolean => ['byte', 'short', 'int', 'long'].includes(t.kind);
  if (a.kind === 'string' && numeric(b)) return integral(b) ? { kind: 'long' } : b;
  if (b.kind === 'string' && numeric(a)) return integral(a) ? { kind: 'long' } : a;
  return undefined;
}
