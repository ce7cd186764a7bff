// The data type of any resolved expression (nodes without a `type` field — predicates, aliases, subquery
// predicates — derive it). Used by the function registry and the code generator.
import type { DataType } from '../../sql/types/data-type.js';
import type { Expression } from './expression.js';

const BOOLEAN: DataType = { kind: 'boolean' };

export function exprType(e: Expression): DataType {
  switch (e.kind) {
    case 'in': case 'is_null': case 'and': case 'or': case 'not': case 'exists': case 'in_subquery':
      return BOOLEAN;
    case 'alias': return exprType(e.expr);
    case 'outer_ref': return e.attr.type;
    default: return e.type;
  }
}
