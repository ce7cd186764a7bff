// Resolves parsed expressions (ast.ts Expr) against a scope into typed Expressions: columns and struct fields,
// operators as registry calls ('add', 'equal_to', …), predicates, CASE, CAST, subqueries with outer references.
// Function calls, aggregates and windows are in resolve-call.ts.
import { assertNever } from '../../common/assert.js';
import type { Attribute, Expression } from '../../planner/expr/expression.js';
import type { LogicalPlan } from '../../planner/logical/logical-plan.js';
import { outputOf } from '../../planner/logical/schema-of.js';
import type { BinaryOp, Expr, Query, WindowRef } from '../parser/ast.js';
import type { DataType } from '../types/data-type.js';
import { analysisError } from './errors.js';
import { nullableOf, typeOf } from './expr-type.js';
import { castExpression, coerceTypes, resolveFunction, widen, type FnOpts } from './function-adapter.js';
import { dataTypeOf, intervalLiteral, numberLiteral, typedLiteral } from './literals.js';
import { resolveCall } from './resolve-call.js';
import { attrRef, Scope } from './scope.js';

export interface ExprEnv {
  readonly fn: FnOpts;
  /** spark.sql.legacy.setopsPrecedence.enabled: all set operators bind equally, left to right (Spark 2.x). */
  readonly legacySetopsPrecedence?: boolean;
  /** Analyzes a subquery whose correlated names resolve against `outer`. */
  analyzeSubquery(q: Query, outer: Scope): LogicalPlan;
}

export interface ResolveCtx {
  readonly scope: Scope;
  readonly env: ExprEnv;
  readonly allowAggregate: boolean;
  readonly allowWindow: boolean;
  readonly windows?: ReadonlyMap<string, WindowRef>;
  /** Where aggregates are refused, the clause named in the error (e.g. 'WHERE'). */
  readonly clause?: string;
}

const opFunctions: Partial<Record<BinaryOp, string>> = {
  '+': 'add', '-': 'subtract', '*': 'multiply', '/': 'divide', '%': 'remainder', div: 'div', '||': 'concat',
  '&': 'bitwise_and', '|': 'bitwise_or', '^': 'bitwise_xor', '=': 'equal_to', '<': 'less_than',
  '<=': 'less_than_or_equal', '>': 'greater_than', '>=': 'greater_than_or_equal', '<=>': 'equal_null_safe',
};

const BOOL: DataType = { kind: 'boolean' };

export function asBoolean(e: Expression, fn: FnOpts): Expression {
  const t = typeOf(e);
  return t.kind === 'boolean' ? e : t.kind === 'null' ? widen(e, BOOL, fn) : castExpression(e, BOOL, fn.ansi ? 'ansi' : 'cast');
}

function structField(e: Expression, name: string): Expression {
  const t = typeOf(e);
  if (t.kind !== 'struct') {
    throw analysisError('INVALID_EXTRACT_BASE_FIELD_TYPE', '42000', { base: `"${name}"`, other: `"${t.kind.toUpperCase()}"` },
      `Can't extract a value from "${name}". Need a complex type [STRUCT, ARRAY, MAP] but got "${t.kind.toUpperCase()}".`);
  }
  const f = t.fields.find((x) => x.name.toLowerCase() === name.toLowerCase());
  if (!f) {
    throw analysisError('FIELD_NOT_FOUND', '42704', { fieldName: `\`${name}\``, fields: t.fields.map((x) => `\`${x.name}\``).join(', ') },
      `No such struct field \`${name}\` in ${t.fields.map((x) => `\`${x.name}\``).join(', ')}.`);
  }
  return { kind: 'call', fn: 'get_struct_field', args: [e, { kind: 'literal', value: f.name, type: { kind: 'string' } }], type: f.type, nullable: true };
}

export function resolveColumn(parts: readonly string[], ctx: ResolveCtx): Expression {
  const { resolved, outer } = ctx.scope.resolveOrThrow(parts);
  let e: Expression = attrRef(resolved.attr, outer);
  for (const f of resolved.fields) e = structField(e, f);
  return e;
}

function subqueryPlan(q: Query, ctx: ResolveCtx): { plan: LogicalPlan; outer: Attribute[] } {
  const inner = new Scope([], ctx.scope);
  const plan = ctx.env.analyzeSubquery(q, inner);
  const seen = new Set<number>();
  const outer = inner.outerRefs.filter((a) => !seen.has(a.id) && (seen.add(a.id), true));
  return { plan, outer };
}

function coerceAllTo(es: readonly Expression[], fn: FnOpts, what: string): Expression[] {
  let t: DataType | undefined = { kind: 'null' };
  for (const e of es) t = t && coerceTypes(t, typeOf(e));
  if (!t) {
    throw analysisError('DATATYPE_MISMATCH.DATA_DIFF_TYPES', '42K09', { functionName: `\`${what}\``, dataType: `[${es.map((e) => `"${typeOf(e).kind.toUpperCase()}"`).join(', ')}]` },
      `Cannot resolve "${what}" due to data type mismatch: Input to \`${what}\` should all be the same type, but it's [${es.map((e) => `"${typeOf(e).kind.toUpperCase()}"`).join(', ')}].`);
  }
  const target = t;
  return es.map((e) => widen(e, target, fn));
}

export function resolveBinary(op: BinaryOp, l: Expression, r: Expression, fn: FnOpts): Expression {
  if (op === 'and' || op === 'or') return { kind: op, left: asBoolean(l, fn), right: asBoolean(r, fn) };
  if (op === '<>') return { kind: 'not', expr: resolveFunction('equal_to', [l, r], fn) };
  return resolveFunction(opFunctions[op]!, [l, r], fn);
}

export function resolveExpr(e: Expr, ctx: ResolveCtx): Expression {
  const r = (x: Expr): Expression => resolveExpr(x, ctx);
  const fn = ctx.env.fn;
  const not = (x: Expression, negated: boolean): Expression => (negated ? { kind: 'not', expr: x } : x);
  switch (e.kind) {
    case 'null': return { kind: 'literal', value: null, type: { kind: 'null' } };
    case 'boolean': return { kind: 'literal', value: e.value, type: BOOL };
    case 'number': return numberLiteral(e);
    case 'string': return { kind: 'literal', value: e.value, type: { kind: 'string' } };
    case 'typedLiteral': return typedLiteral(e);
    case 'interval': return intervalLiteral(e);
    case 'column': return resolveColumn(e.parts, ctx);
    case 'star':
      throw analysisError('INVALID_USAGE_OF_STAR_OR_REGEX', '42000', { elem: `'*'`, prettyName: 'expression' },
        `Invalid usage of '*' in expression.`);
    case 'field': return structField(r(e.expr), e.name);
    case 'subscript': {
      const base = r(e.expr);
      const idx = r(e.index);
      const t = typeOf(base);
      if (t.kind === 'map') return { kind: 'call', fn: 'get_map_value', args: [base, widen(idx, t.key, fn)], type: t.value, nullable: true };
      if (t.kind === 'array') return { kind: 'call', fn: 'get_array_item', args: [base, idx], type: t.element, nullable: true };
      return resolveFunction('element_at', [base, idx], fn);
    }
    case 'unary': {
      const x = r(e.expr);
      switch (e.op) {
        case '-': return resolveFunction('negative', [x], fn);
        case '+': return resolveFunction('positive', [x], fn);
        case '~': return resolveFunction('bitwise_not', [x], fn);
        default: return { kind: 'not', expr: asBoolean(x, fn) };
      }
    }
    case 'binary': return resolveBinary(e.op, r(e.left), r(e.right), fn);
    case 'isNull': return { kind: 'is_null', expr: r(e.expr), negated: e.negated };
    case 'isBoolean': {
      const x = r(e.expr);
      const inner: Expression = e.value === null ? { kind: 'is_null', expr: x, negated: false }
        : resolveFunction('equal_null_safe', [x, { kind: 'literal', value: e.value, type: BOOL }], fn);
      return not(inner, e.negated);
    }
    case 'isDistinctFrom': return not(resolveFunction('equal_null_safe', [r(e.left), r(e.right)], fn), !e.negated);
    case 'between': {
      const x = r(e.expr);
      const inner: Expression = {
        kind: 'and',
        left: resolveFunction('greater_than_or_equal', [x, r(e.low)], fn),
        right: resolveFunction('less_than_or_equal', [x, r(e.high)], fn),
      };
      return not(inner, e.negated);
    }
    case 'in': {
      const [x, ...list] = coerceAllTo([r(e.expr), ...e.list.map(r)], fn, 'in');
      return { kind: 'in', expr: x!, list, negated: e.negated };
    }
    case 'inSubquery': {
      const values = e.expr.kind === 'row' ? e.expr.items.map(r) : [r(e.expr)];
      const { plan, outer } = subqueryPlan(e.query, ctx);
      const cols = outputOf(plan);
      if (cols.length !== values.length) {
        throw analysisError('DATATYPE_MISMATCH.IN_SUBQUERY_LENGTH_MISMATCH', '42K09',
          { leftLength: String(values.length), rightLength: String(cols.length) },
          `The number of columns in the left hand side of an IN subquery does not match the number of columns in the output of subquery. Left hand side columns(length: ${values.length}), right hand side columns(length: ${cols.length}).`);
      }
      const coerced = values.map((v, i) => {
        const t = coerceTypes(typeOf(v), cols[i]!.type);
        return t ? widen(v, t, fn) : v;
      });
      return not({ kind: 'in_subquery', expr: coerced, plan, outer }, e.negated);
    }
    case 'like': {
      const args = [r(e.expr), r(e.pattern)];
      if (e.escape !== undefined && e.escape !== '\\') args.push({ kind: 'literal', value: e.escape, type: { kind: 'string' } });
      return not(resolveFunction(e.op, args, fn), e.negated);
    }
    case 'likeQuantified': {
      const x = r(e.expr);
      const each = e.patterns.map((p) => resolveFunction(e.op, [x, r(p)], fn));
      const joined = each.reduce((a, b) => ({ kind: e.quantifier === 'any' ? 'or' : 'and', left: a, right: b }));
      return not(joined, e.negated);
    }
    case 'case': {
      const operand = e.operand ? r(e.operand) : undefined;
      const conds = e.branches.map((b) => (operand ? resolveFunction('equal_to', [operand, r(b.when)], fn) : asBoolean(r(b.when), fn)));
      const values = coerceAllTo([...e.branches.map((b) => r(b.then)), ...(e.else ? [r(e.else)] : [])], fn, 'CASE');
      const branches = conds.map((c, i) => [c, values[i]!] as const);
      const type = typeOf(values[0]!);
      return e.else ? { kind: 'case', branches, else: values[values.length - 1]!, type } : { kind: 'case', branches, type };
    }
    case 'cast': return castExpression(r(e.expr), dataTypeOf(e.type), e.mode === 'try_cast' ? 'try' : fn.ansi ? 'ansi' : 'cast', fn.timeZone);
    case 'function': return resolveCall(e, ctx);
    case 'extract': {
      const field = e.field.toLowerCase();
      const name = ({ dow: 'dayofweek', doy: 'dayofyear', days: 'day', hours: 'hour', minutes: 'minute', seconds: 'second', years: 'year', months: 'month' } as Record<string, string>)[field] ?? field;
      return resolveFunction(name, [r(e.source)], fn);
    }
    case 'scalarSubquery': {
      const { plan, outer } = subqueryPlan(e.query, ctx);
      const cols = outputOf(plan);
      if (cols.length !== 1) {
        throw analysisError('INVALID_SUBQUERY_EXPRESSION.SCALAR_SUBQUERY_RETURN_MORE_THAN_ONE_OUTPUT_COLUMN', '42823', { number: String(cols.length) },
          `Invalid subquery: Scalar subquery must return only one column, but got ${cols.length}.`);
      }
      return { kind: 'scalar_subquery', plan, type: cols[0]!.type, outer };
    }
    case 'exists': {
      const { plan, outer } = subqueryPlan(e.query, ctx);
      return { kind: 'exists', plan, outer };
    }
    case 'lambda': throw analysisError('UNSUPPORTED_FEATURE.LAMBDA', '0A000', {}, 'A lambda function should only be used in a higher order function.');
    case 'row': {
      const items = e.items.map((x) => r(x.kind === 'alias' ? x.expr : x));
      const names = e.items.map((x, i) => (x.kind === 'alias' ? x.name : x.kind === 'column' ? x.parts[x.parts.length - 1]! : `col${i + 1}`));
      const args = items.flatMap((x, i) => [{ kind: 'literal', value: names[i], type: { kind: 'string' } } as Expression, x]);
      return { kind: 'call', fn: 'named_struct', args, nullable: false,
        type: { kind: 'struct', fields: items.map((x, i) => ({ name: names[i]!, type: typeOf(x), nullable: nullableOf(x) })) } };
    }
    case 'alias': return r(e.expr);
    case 'namedArg': return r(e.value);
    default: return assertNever(e, 'expression');
  }
}
