// The data type and nullability of a resolved expression (nodes without a `type` field are boolean or
// take their child's type).
import { assertNever } from '../../common/assert.js';
import type { Expression } from '../../planner/expr/expression.js';
import type { DataType } from '../../sql/types/data-type.js';

const BOOL: DataType = { kind: 'boolean' };

export function typeOf(e: Expression): DataType {
  switch (e.kind) {
    case 'attr': case 'bound': case 'literal': case 'call': case 'cast': case 'case': case 'coalesce':
    case 'aggregate': case 'window': case 'scalar_subquery': case 'lambda':
      return e.type;
    case 'in': case 'is_null': case 'and': case 'or': case 'not': case 'exists': case 'in_subquery':
      return BOOL;
    case 'alias': return typeOf(e.expr);
    case 'outer_ref': return e.attr.type;
    default: return assertNever(e, 'expression');
  }
}

export function nullableOf(e: Expression): boolean {
  switch (e.kind) {
    case 'attr': case 'bound': case 'call': return e.nullable;
    case 'literal': return e.value === null;
    case 'is_null': case 'exists': return false;
    case 'alias': case 'not': case 'cast': return e.kind === 'cast' && e.mode === 'try' ? true : nullableOf(e.expr);
    case 'outer_ref': return e.attr.nullable;
    case 'and': case 'or': return nullableOf(e.left) || nullableOf(e.right);
    case 'coalesce': return e.args.every(nullableOf);
    case 'aggregate': return e.fn !== 'count' && e.fn !== 'count_if' && e.fn !== 'approx_count_distinct' && e.fn !== 'grouping' && e.fn !== 'grouping_id';
    case 'window':
      return !(e.fn === 'row_number' || e.fn === 'rank' || e.fn === 'dense_rank' || e.fn === 'percent_rank' || e.fn === 'cume_dist' || e.fn === 'ntile') &&
        (typeof e.fn === 'string' || nullableOf(e.fn.aggregate));
    case 'in': return nullableOf(e.expr) || e.list.some(nullableOf);
    case 'case': return !e.else || nullableOf(e.else) || e.branches.some(([, t]) => nullableOf(t));
    case 'scalar_subquery': case 'in_subquery': case 'lambda': return true;
    default: return assertNever(e, 'expression');
  }
}
