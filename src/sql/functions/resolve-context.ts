// Shared machinery of the function resolvers: arity checks, Spark's implicit input casts (ImplicitCastInputTypes,
// non-ANSI), nullability, and building the typed `call` node with the session's eval mode and time zone.
import { exprType } from '../../planner/expr/expr-type.js';
import type { Expression } from '../../planner/expr/expression.js';
import { isNumeric, sameType, type DataType } from '../types/data-type.js';
import { implicitCast } from './cast.js';
import { exprSql, typeSql } from './expr-sql.js';
import { unexpectedInput, wrongNumArgs } from './type-errors.js';

export interface ResolveOptions {
  readonly ansi: boolean;
  /** Session time zone (spark.sql.session.timeZone); absent: the process's local zone. */
  readonly timeZone?: string;
}

export type Resolver = (args: readonly Expression[], ctx: ResolveCtx) => Expression;

/** What an argument accepts: a concrete type, or a class of types. */
export type InputSpec = DataType | 'numeric' | 'integral' | 'any' | 'atomic' | 'array' | 'map' | 'string_or_binary';

export class ResolveCtx {
  constructor(readonly name: string, readonly args: readonly Expression[], readonly opts: ResolveOptions) {}

  /** The expression's SQL text for error messages. */
  text(args: readonly Expression[] = this.args): string {
    return `${this.name}(${args.map(exprSql).join(', ')})`;
  }

  arity(min: number, max = min): void {
    const n = this.args.length;
    if (n < min || n > max) {
      const expected = min === max ? String(min) : max === Infinity ? `> ${min - 1}` : `[${Array.from({ length: max - min + 1 }, (_, i) => min + i).join(', ')}]`;
      throw wrongNumArgs(this.name, expected, n);
    }
  }

  /** Casts each argument to what its spec accepts (Spark's implicit casts), or throws UNEXPECTED_INPUT_TYPE. */
  expect(specs: readonly InputSpec[]): Expression[] {
    return this.args.map((a, i) => this.expectOne(a, specs[Math.min(i, specs.length - 1)]!, i));
  }

  expectOne(a: Expression, spec: InputSpec, i: number): Expression {
    const to = implicitTarget(exprType(a), spec);
    if (to === undefined) throw unexpectedInput(this.text(), i, specName(spec), a);
    return implicitCast(a, to, this.opts);
  }

  call(fn: string, args: readonly Expression[], type: DataType, nullable: boolean = args.some(isNullable)): Expression {
    return {
      kind: 'call', fn, args, type, nullable,
      ...(this.opts.ansi ? { ansi: true } : {}),
      ...(this.opts.timeZone !== undefined ? { timeZone: this.opts.timeZone } : {}),
    };
  }

  cast(e: Expression, to: DataType): Expression {
    return implicitCast(e, to, this.opts);
  }
}

function specName(spec: InputSpec): string {
  if (typeof spec !== 'string') return `"${typeSql(spec)}"`;
  switch (spec) {
    case 'numeric': return '"NUMERIC"';
    case 'integral': return '"INTEGRAL"';
    case 'array': return '"ARRAY"';
    case 'map': return '"MAP"';
    case 'string_or_binary': return '("STRING" or "BINARY")';
    default: return '"ANY"';
  }
}

/** TypeCoercion.implicitCast: the type an argument of type `t` is cast to for `spec`, undefined if none. */
export function implicitTarget(t: DataType, spec: InputSpec): DataType | undefined {
  if (typeof spec === 'string') {
    switch (spec) {
      case 'any': return t;
      case 'atomic': return ['array', 'map', 'struct'].includes(t.kind) ? undefined : t;
      case 'numeric':
        if (isNumeric(t)) return t;
        return t.kind === 'string' || t.kind === 'null' ? { kind: 'double' } : undefined;
      case 'integral':
        if (['byte', 'short', 'int', 'long'].includes(t.kind)) return t;
        return t.kind === 'string' || t.kind === 'null' ? { kind: 'long' } : undefined;
      case 'array': return t.kind === 'array' ? t : t.kind === 'null' ? { kind: 'array', element: { kind: 'null' }, containsNull: true } : undefined;
      case 'map': return t.kind === 'map' ? t : undefined;
      case 'string_or_binary': return t.kind === 'binary' || t.kind === 'string' ? t : implicitTarget(t, { kind: 'string' });
    }
  }
  if (sameType(t, spec) || t.kind === 'null') return spec;
  switch (spec.kind) {
    case 'string':
      return ['array', 'map', 'struct', 'calendar_interval', 'binary'].includes(t.kind) ? undefined : spec;
    case 'byte': case 'short': case 'int': case 'long': case 'float': case 'double': case 'decimal':
      return isNumeric(t) || t.kind === 'string' ? spec : undefined;
    case 'date':
      return t.kind === 'string' || t.kind === 'timestamp' || t.kind === 'timestamp_ntz' ? spec : undefined;
    case 'timestamp':
      return t.kind === 'string' || t.kind === 'date' || t.kind === 'timestamp_ntz' ? spec : undefined;
    case 'binary':
      return t.kind === 'string' ? spec : undefined;
    case 'boolean':
      return t.kind === 'string' ? spec : undefined;
    default:
      return undefined;
  }
}

/** Whether an expression can produce NULL (conservative). */
export function isNullable(e: Expression): boolean {
  switch (e.kind) {
    case 'attr': case 'bound': case 'call': return e.nullable;
    case 'literal': return e.value === null;
    case 'cast': return isNullable(e.expr) || e.mode === 'try' || exprType(e.expr).kind === 'string' || exprType(e).kind === 'decimal';
    case 'case': return e.else === undefined || isNullable(e.else) || e.branches.some(([, v]) => isNullable(v));
    case 'in': return isNullable(e.expr) || e.list.some(isNullable);
    case 'is_null': case 'exists': return false;
    case 'and': case 'or': return isNullable(e.left) || isNullable(e.right);
    case 'not': return isNullable(e.expr);
    case 'coalesce': return e.args.every(isNullable);
    case 'alias': return isNullable(e.expr);
    case 'aggregate': return !(e.fn === 'count' || e.fn === 'approx_count_distinct' || e.fn === 'count_if' || e.fn === 'grouping' || e.fn === 'grouping_id');
    case 'window': return typeof e.fn === 'string' ? ['lag', 'lead', 'nth_value', 'first_value', 'last_value'].includes(e.fn) : isNullable(e.fn.aggregate);
    case 'scalar_subquery': case 'in_subquery': case 'lambda': return true;
    case 'outer_ref': return e.attr.nullable;
  }
}
