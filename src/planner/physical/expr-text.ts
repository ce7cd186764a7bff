// Spark-like text of expressions in plans: attributes as name#id, operators infix, functions by name; bound
// ordinals print as the input attribute they stand for.
import { assertNever } from '../../common/assert.js';
import type { Attribute, Expression } from '../expr/expression.js';
import { simpleString } from '../../sql/types/data-type.js';

const INFIX: Readonly<Record<string, string>> = {
  add: '+', subtract: '-', multiply: '*', divide: '/', remainder: '%', mod: '%', div: 'div',
  equal_to: '=', equal_null: '<=>', not_equal: '!=', less_than: '<', less_than_or_equal: '<=', greater_than: '>', greater_than_or_equal: '>=',
  '=': '=', '<': '<', '>': '>', '<=': '<=', '>=': '>=', '+': '+', '-': '-', '*': '*', '/': '/',
};

export function exprText(e: Expression, input: readonly Attribute[] = []): string {
  const t = (x: Expression): string => exprText(x, input);
  switch (e.kind) {
    case 'attr': return `${e.name}#${e.id}`;
    case 'bound': { const a = input[e.ordinal]; return a ? `${a.name}#${a.id}` : `input[${e.ordinal}, ${simpleString(e.type)}]`; }
    case 'literal': return e.value === null || e.value === undefined ? 'null' : typeof e.value === 'string' ? e.value : String(e.value);
    case 'call': {
      const op = INFIX[e.fn];
      if (op && e.args.length === 2) return `(${t(e.args[0]!)} ${op} ${t(e.args[1]!)})`;
      return `${e.fn}(${e.args.map(t).join(', ')})`;
    }
    case 'cast': return `cast(${t(e.expr)} as ${simpleString(e.type)})`;
    case 'case': return `CASE ${e.branches.map(([c, v]) => `WHEN ${t(c)} THEN ${t(v)}`).join(' ')}${e.else ? ` ELSE ${t(e.else)}` : ''} END`;
    case 'in': return `${e.negated ? 'NOT ' : ''}${t(e.expr)} IN (${e.list.map(t).join(',')})`;
    case 'is_null': return `${e.negated ? 'isnotnull' : 'isnull'}(${t(e.expr)})`;
    case 'and': return `(${t(e.left)} AND ${t(e.right)})`;
    case 'or': return `(${t(e.left)} OR ${t(e.right)})`;
    case 'not': return `NOT ${t(e.expr)}`;
    case 'coalesce': return `coalesce(${e.args.map(t).join(', ')})`;
    case 'alias': return `${t(e.expr)} AS ${e.name}#${e.id}`;
    case 'aggregate': return `${e.fn}(${e.distinct ? 'distinct ' : ''}${e.args.map(t).join(', ')})`;
    case 'window': return `${typeof e.fn === 'string' ? `${e.fn}(${e.args.map(t).join(', ')})` : t(e.fn.aggregate)} windowspecdefinition(...)`;
    case 'scalar_subquery': return 'scalar-subquery';
    case 'exists': return 'exists(subquery)';
    case 'in_subquery': return `(${e.expr.map(t).join(', ')}) IN (subquery)`;
    case 'lambda': return `lambdafunction(${t(e.body)})`;
    case 'outer_ref': return `outer(${e.attr.name}#${e.attr.id})`;
    default: return assertNever(e, 'expression');
  }
}
