// Renders resolved expressions as Spark's Expression.sql, for error messages ("Cannot resolve "(a + b)" …")
// and for plan text. Operators print infix as Spark does; everything else as name(args).
import { exprType } from '../../planner/expr/expr-type.js';
import type { Expression } from '../../planner/expr/expression.js';
import { javaDoubleString } from '../parser/expr-to-sql.js';
import type { DataType } from '../types/data-type.js';

const infix: Record<string, string> = {
  add: '+', subtract: '-', multiply: '*', divide: '/', remainder: '%', div: 'div', equal_to: '=', not_equal: '!=',
  less_than: '<', less_than_or_equal: '<=', greater_than: '>', greater_than_or_equal: '>=', equal_null_safe: '<=>',
  bitwise_and: '&', bitwise_or: '|', bitwise_xor: '^',
};

export { typeSql } from '../types/type-sql.js';
import { typeSql } from '../types/type-sql.js';

function literalSql(value: unknown, t: DataType): string {
  if (value === null || value === undefined) return 'NULL';
  switch (t.kind) {
    case 'string': return `'${String(value).replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
    case 'long': return `${String(value)}L`;
    case 'byte': return `${String(value)}Y`;
    case 'short': return `${String(value)}S`;
    case 'double': return `${javaDoubleString(value as number)}D`;
    case 'float': return `${javaDoubleString(value as number)}F`;
    case 'decimal': {
      const v = value as number;
      const s = Math.abs(v).toString().padStart(t.scale + 1, '0');
      const text = t.scale > 0 ? `${s.slice(0, s.length - t.scale)}.${s.slice(s.length - t.scale)}` : s;
      return `${v < 0 ? '-' : ''}${text}BD`;
    }
    default: return String(value);
  }
}

export function exprSql(e: Expression): string {
  switch (e.kind) {
    case 'attr': return e.name;
    case 'bound': return e.name;
    case 'literal': return literalSql(e.value, exprType(e));
    case 'call': {
      const op = infix[e.fn];
      if (op && e.args.length === 2) return `(${exprSql(e.args[0]!)} ${op} ${exprSql(e.args[1]!)})`;
      if (e.fn === 'unary_minus') return `(- ${exprSql(e.args[0]!)})`;
      if (e.fn === 'positive') return `(+ ${exprSql(e.args[0]!)})`;
      if (e.fn === 'bitwise_not') return `~${exprSql(e.args[0]!)}`;
      if (e.fn === 'if') return `(IF(${e.args.map(exprSql).join(', ')}))`;
      return `${e.fn}(${e.args.map(exprSql).join(', ')})`;
    }
    case 'cast': return `CAST(${exprSql(e.expr)} AS ${typeSql(exprType(e))})`;
    case 'case': return `CASE ${e.branches.map(([w, t]) => `WHEN ${exprSql(w)} THEN ${exprSql(t)}`).join(' ')}${e.else ? ` ELSE ${exprSql(e.else)}` : ''} END`;
    case 'in': {
      const s = `(${exprSql(e.expr)} IN (${e.list.map(exprSql).join(', ')}))`;
      return e.negated ? `(NOT ${s})` : s;
    }
    case 'is_null': return `(${exprSql(e.expr)} IS ${e.negated ? 'NOT ' : ''}NULL)`;
    case 'and': case 'or': return `(${exprSql(e.left)} ${e.kind.toUpperCase()} ${exprSql(e.right)})`;
    case 'not': return `(NOT ${exprSql(e.expr)})`;
    case 'coalesce': return `coalesce(${e.args.map(exprSql).join(', ')})`;
    case 'alias': return exprSql(e.expr);
    case 'aggregate': return `${e.fn}(${e.distinct ? 'DISTINCT ' : ''}${e.args.map(exprSql).join(', ')})`;
    case 'window': return `${typeof e.fn === 'string' ? e.fn : exprSql(e.fn.aggregate)}(${e.args.map(exprSql).join(', ')}) OVER (...)`;
    case 'scalar_subquery': return 'scalarsubquery()';
    case 'exists': return 'exists()';
    case 'in_subquery': return `(${e.expr.map(exprSql).join(', ')} IN (listquery()))`;
    case 'lambda': return `lambdafunction(${exprSql(e.body)}, ${e.params.map((p) => p.name).join(', ')})`;
    case 'outer_ref': return `outer(${e.attr.name})`;
  }
}
