// Pushed-down filters (resolved expressions over the scan's columns) → the Parquet reader's StatsPredicate,
// for row-group and partition-directory pruning. Only `column <op> literal`, IN lists, IS [NOT] NULL, AND
// and OR translate; anything else is "may match" (the engine still evaluates every filter on the rows).
import type { Expression } from '../../planner/expr/expression.js';
import type { StructType } from '../types/data-type.js';
import type { CmpOp, StatsPredicate, StatValue } from './parquet/index.js';

const OPS: Record<string, CmpOp> = {
  equal_to: '=', '=': '=', '==': '=', eq: '=', equalto: '=',
  less_than: '<', '<': '<', lt: '<', lessthan: '<',
  less_than_or_equal: '<=', '<=': '<=', lte: '<=', lessthanorequal: '<=',
  greater_than: '>', '>': '>', gt: '>', greaterthan: '>',
  greater_than_or_equal: '>=', '>=': '>=', gte: '>=', greaterthanorequal: '>=',
  not_equal: '!=', '!=': '!=', '<>': '!=', ne: '!=',
};
const FLIP: Record<CmpOp, CmpOp> = { '=': '=', '!=': '!=', '<': '>', '>': '<', '<=': '>=', '>=': '<=' };

function columnName(e: Expression): string | undefined {
  return e.kind === 'attr' || e.kind === 'bound' ? e.name : undefined;
}

/** Literal (physical) → statistics domain: decimals scaled back to numbers, everything else as is. */
function statValue(e: Expression, column: string, schema: StructType): StatValue | null | undefined {
  if (e.kind !== 'literal') return undefined;
  const v = e.value;
  if (v === null) return null;
  const f = schema.fields.find((x) => x.name === column);
  if (f?.type.kind === 'decimal') return typeof v === 'number' ? v / 10 ** f.type.scale : undefined;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean' || typeof v === 'bigint') return v;
  return undefined;
}

function one(e: Expression, schema: StructType): StatsPredicate | undefined {
  switch (e.kind) {
    case 'and': {
      const l = one(e.left, schema), r = one(e.right, schema);
      return l && r ? { kind: 'and', children: [l, r] } : l ?? r;
    }
    case 'or': {
      const l = one(e.left, schema), r = one(e.right, schema);
      return l && r ? { kind: 'or', children: [l, r] } : undefined;
    }
    case 'is_null': {
      const c = columnName(e.expr);
      return c === undefined ? undefined : { kind: e.negated ? 'isNotNull' : 'isNull', column: c };
    }
    case 'in': {
      const c = columnName(e.expr);
      if (c === undefined || e.negated) return undefined;
      const values = e.list.map((x) => statValue(x, c, schema));
      return values.some((v) => v === undefined) ? undefined : { kind: 'in', column: c, values: values as (StatValue | null)[] };
    }
    case 'call': {
      const op = OPS[e.fn.toLowerCase()];
      if (op === undefined || e.args.length !== 2) return undefined;
      const [a, b] = e.args as [Expression, Expression];
      const ca = columnName(a), cb = columnName(b);
      if (ca !== undefined) {
        const v = statValue(b, ca, schema);
        return v === undefined ? undefined : { kind: 'cmp', column: ca, op, value: v };
      }
      if (cb !== undefined) {
        const v = statValue(a, cb, schema);
        return v === undefined ? undefined : { kind: 'cmp', column: cb, op: FLIP[op], value: v };
      }
      return undefined;
    }
    default: return undefined;
  }
}

/** One predicate for all filters (their conjunction), or undefined when none translates. */
export function filtersToStats(filters: readonly Expression[], schema: StructType): StatsPredicate | undefined {
  const parts = filters.map((f) => one(f, schema)).filter((p): p is StatsPredicate => p !== undefined);
  if (parts.length === 0) return undefined;
  return parts.length === 1 ? parts[0] : { kind: 'and', children: parts };
}
