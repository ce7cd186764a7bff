// Spark-style text of resolved expressions (Expression.toString in Catalyst): `(a#1 + 1)`, `sum(v#2)`,
// `cast(x#3 as int)`, `b#4L`. Used by display.ts for plan trees (explain) and by the analyzer's plan tests.
import { assertNever } from '../../common/assert.js';
import type { Expression, FrameBoundary, SortOrder, WindowSpecification } from '../expr/expression.js';
import { simpleString, type DataType } from '../../sql/types/data-type.js';
import { typeOf } from './expr-type.js';
import { javaDoubleString } from '../../sql/parser/index.js';

const infix: Readonly<Record<string, string>> = {
  add: '+', subtract: '-', multiply: '*', divide: '/', remainder: '%', div: 'div',
  equal_to: '=', less_than: '<', less_than_or_equal: '<=', greater_than: '>', greater_than_or_equal: '>=',
  equal_null_safe: '<=>', bitwise_and: '&', bitwise_or: '|', bitwise_xor: '^',
};

export function attrText(name: string, id: number, type: DataType): string {
  return `${name}#${id}${type.kind === 'long' ? 'L' : ''}`;
}

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

function dateText(days: number): string {
  const d = new Date(days * 86400000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

export function literalText(value: unknown, type: DataType): string {
  if (value === null || value === undefined) return 'null';
  switch (type.kind) {
    case 'decimal': {
      const v = Number(value);
      return type.scale > 0 ? (v / 10 ** type.scale).toFixed(type.scale) : String(v);
    }
    case 'double': case 'float':
      return javaDoubleString(Number(value));
    case 'date':
      return typeof value === 'number' ? dateText(value) : String(value);
    case 'timestamp': case 'timestamp_ntz': {
      if (typeof value !== 'number') return String(value);
      const d = new Date(Math.floor(value / 1000));
      return `${dateText(Math.floor(value / 86400000000))} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
    }
    default:
      if (typeof value === 'object') return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
      return String(value);
  }
}

function boundText(b: FrameBoundary): string {
  switch (b.kind) {
    case 'unbounded_preceding': return 'unboundedpreceding$()';
    case 'unbounded_following': return 'unboundedfollowing$()';
    case 'current_row': return 'currentrow$()';
    case 'offset': return String(b.value);
    default: return assertNever(b, 'frame boundary');
  }
}

export function sortOrderText(o: SortOrder): string {
  return `${exprText(o.expr)} ${o.direction.toUpperCase()} ${o.nulls === 'nulls_first' ? 'NULLS FIRST' : 'NULLS LAST'}`;
}

function specText(s: WindowSpecification): string {
  const parts = [...s.partitionBy.map(exprText), ...s.orderBy.map(sortOrderText)];
  const frame = `specifiedwindowframe(${s.frame.type === 'rows' ? 'RowFrame' : 'RangeFrame'}, ${boundText(s.frame.lower)}, ${boundText(s.frame.upper)})`;
  return `windowspecdefinition(${[...parts, frame].join(', ')})`;
}

export function exprText(e: Expression): string {
  switch (e.kind) {
    case 'attr': return attrText(e.name, e.id, e.type);
    case 'bound': return `input[${e.ordinal}, ${simpleString(e.type)}, ${e.nullable}]`;
    case 'literal': return literalText(e.value, e.type);
    case 'call': {
      const op = infix[e.fn];
      if (op !== undefined && e.args.length === 2) return `(${exprText(e.args[0]!)} ${op} ${exprText(e.args[1]!)})`;
      if (e.fn === 'negative' && e.args.length === 1) return `-${exprText(e.args[0]!)}`;
      return `${e.fn}(${e.args.map(exprText).join(', ')})`;
    }
    case 'cast': return `${e.mode === 'try' ? 'try_cast' : 'cast'}(${exprText(e.expr)} as ${simpleString(e.type)})`;
    case 'case':
      return `CASE ${e.branches.map(([w, t]) => `WHEN ${exprText(w)} THEN ${exprText(t)}`).join(' ')}${e.else ? ` ELSE ${exprText(e.else)}` : ''} END`;
    case 'in': {
      const inner = `${exprText(e.expr)} IN (${e.list.map(exprText).join(',')})`;
      return e.negated ? `NOT ${inner}` : inner;
    }
    case 'is_null': return `${e.negated ? 'isnotnull' : 'isnull'}(${exprText(e.expr)})`;
    case 'and': return `(${exprText(e.left)} AND ${exprText(e.right)})`;
    case 'or': return `(${exprText(e.left)} OR ${exprText(e.right)})`;
    case 'not': return `NOT ${exprText(e.expr)}`;
    case 'coalesce': return `coalesce(${e.args.map(exprText).join(', ')})`;
    case 'alias': return `${exprText(e.expr)} AS ${attrText(e.name, e.id, typeOf(e.expr))}`;
    case 'aggregate': {
      const args = e.args.map(exprText).join(', ');
      const base = `${e.fn}(${e.distinct ? 'distinct ' : ''}${args})${e.ignoreNulls ? ' ignore nulls' : ''}`;
      return e.filter ? `${base} FILTER (WHERE ${exprText(e.filter)})` : base;
    }
    case 'window': {
      const fn = typeof e.fn === 'string' ? `${e.fn}(${e.args.map(exprText).join(', ')})` : exprText(e.fn.aggregate);
      return `${fn} ${specText(e.spec)}`;
    }
    case 'scalar_subquery': return `scalar-subquery [${e.outer.map(exprText).join(' && ')}]`;
    case 'exists': return `exists [${e.outer.map(exprText).join(' && ')}]`;
    case 'in_subquery': {
      const values = e.expr.length === 1 ? exprText(e.expr[0]!) : `named_struct(${e.expr.map(exprText).join(', ')})`;
      return `${values} IN (list [${e.outer.map(exprText).join(' && ')}])`;
    }
    case 'lambda': return `lambdafunction(${[exprText(e.body), ...e.params.map(exprText)].join(', ')})`;
    case 'outer_ref': return `outer(${exprText(e.attr)})`;
    default: return assertNever(e, 'expression');
  }
}
