// Generators (explode, explode_outer, posexplode(_outer), inline(_outer), stack): one per SELECT list, in
// LATERAL VIEW clauses and as table-valued functions in FROM — each becomes a Generate node over its input.
import type { Attribute, Expression } from '../../planner/expr/expression.js';
import type { LogicalPlan } from '../../planner/logical/logical-plan.js';
import { newExprId } from '../../planner/logical/expr-ids.js';
import { exprToSql } from '../parser/index.js';
import type { Expr, LateralView, SelectCore, SelectItem } from '../parser/ast.js';
import type { StructField } from '../types/data-type.js';
import { analysisError } from './errors.js';
import { typeOf } from './expr-type.js';
import { coerceTypes, isAggregateFunction, isGeneratorFunction, resolveFunction, resolveGenerator, widen } from './function-adapter.js';
import { resolveExpr, type ResolveCtx } from './resolve-expr.js';
import { Scope, type ScopeEntry } from './scope.js';

type FnExpr = Extract<Expr, { kind: 'function' }>;

/** A generator call as written (no OVER clause). */
export function asGeneratorCall(e: Expr): FnExpr | undefined {
  return e.kind === 'function' && !e.over && isGeneratorFunction(e.name[e.name.length - 1]!) ? e : undefined;
}

/** Whether `pred` holds anywhere inside `e` (subqueries are not walked). */
function containsExpr(e: Expr, pred: (x: Expr) => boolean): boolean {
  if (pred(e)) return true;
  for (const v of Object.values(e)) {
    if (Array.isArray(v)) { if (v.some((x) => isExpr(x) && containsExpr(x, pred))) return true; }
    else if (isExpr(v) && containsExpr(v, pred)) return true;
  }
  return false;
}

const containsGenerator = (e: Expr): boolean => containsExpr(e, (x) => asGeneratorCall(x) !== undefined);
const isAggregateCall = (x: Expr): boolean => x.kind === 'function' && !x.over && isAggregateFunction(x.name[x.name.length - 1]!);

/** An aggregate query's generator, split off: the query computes the generator's arguments as hidden columns. */
export interface AggregateGenerator {
  readonly core: SelectCore;
  readonly index: number;
  readonly call: FnExpr;
  readonly item: SelectItem;
  readonly argNames: readonly string[];
  /** SELECT DISTINCT: applied over the generated rows. */
  readonly distinct: boolean;
}

/**
 * `SELECT k, explode(collect_list(v)) FROM t GROUP BY k`: Spark generates over the Aggregate's output. Returns the
 * select block with the generator replaced by its arguments (named `__generator_arg_i`) when the block aggregates.
 */
export function aggregateGenerator(core: SelectCore): AggregateGenerator | undefined {
  const index = core.items.findIndex((it) => asGeneratorCall(it.expr) !== undefined);
  if (index < 0) return undefined;
  const aggregates = (core.groupBy?.length ?? 0) > 0 || core.having !== undefined || core.items.some((it) => containsExpr(it.expr, isAggregateCall));
  if (!aggregates || core.items.filter((it) => asGeneratorCall(it.expr)).length > 1) return undefined;
  const item = core.items[index]!;
  const call = asGeneratorCall(item.expr)!;
  const argNames = call.args.map((_, i) => `__generator_arg_${i}`);
  const argItems: SelectItem[] = call.args.map((expr, i) => ({ expr, alias: argNames[i]! }));
  const items = [...core.items.slice(0, index), ...argItems, ...core.items.slice(index + 1)];
  return { core: { ...core, items, distinct: false }, index, call, item, argNames, distinct: core.distinct };
}

function isExpr(v: unknown): v is Expr {
  return typeof v === 'object' && v !== null && typeof (v as { kind?: unknown }).kind === 'string' && (v as { kind: string }).kind !== 'query';
}

export interface BuiltGenerator {
  readonly plan: LogicalPlan;
  readonly output: readonly Attribute[];
}

/** `stack(n, e1, …, ek)` as inline(array(named_struct('col0', …), …)): n rows of ceil(k / n) columns. */
function stackAsInline(args: readonly Expression[], ctx: ResolveCtx): Expression[] {
  const fn = ctx.env.fn;
  const first = args[0];
  if (!first || first.kind !== 'literal' || typeof first.value !== 'number' || first.value < 1 || args.length < 2) {
    throw analysisError('DATATYPE_MISMATCH.NON_FOLDABLE_INPUT', '42K09', {},
      'The first argument of stack must be a constant positive integer, followed by at least one value.');
  }
  const n = first.value;
  const vals = args.slice(1);
  const m = Math.ceil(vals.length / n);
  const cols: Expression[][] = Array.from({ length: m }, (_, c) =>
    Array.from({ length: n }, (_, r) => vals[r * m + c] ?? ({ kind: 'literal', value: null, type: { kind: 'null' } } as Expression)));
  const typed = cols.map((xs) => {
    const t = xs.reduce<ReturnType<typeof coerceTypes>>((acc, x) => acc && coerceTypes(acc, typeOf(x)), { kind: 'null' });
    if (!t) {
      throw analysisError('DATATYPE_MISMATCH.STACK_COLUMN_DIFF_TYPES', '42K09', {},
        `The data type of the column (${cols.indexOf(xs)}) do not have the same type.`);
    }
    return xs.map((x) => widen(x, t.kind === 'null' ? { kind: 'int' } : t, fn));
  });
  const rows: Expression[] = Array.from({ length: n }, (_, r) => {
    const fields: StructField[] = typed.map((xs, c) => ({ name: `col${c}`, type: typeOf(xs[r]!), nullable: true }));
    const flat = typed.flatMap((xs, c) => [{ kind: 'literal', value: `col${c}`, type: { kind: 'string' } } as Expression, xs[r]!]);
    return { kind: 'call', fn: 'named_struct', args: flat, nullable: false, type: { kind: 'struct', fields } };
  });
  return [resolveFunction('array', rows, fn)];
}

/** Resolves the generator call and builds Generate(input) with its output named by `names` (Spark's defaults else). */
export function buildGenerate(input: LogicalPlan, call: FnExpr, outer: boolean, names: readonly string[] | undefined, ctx: ResolveCtx, aliasText?: string): BuiltGenerator {
  let name = call.name[call.name.length - 1]!.toLowerCase();
  const inner: ResolveCtx = { ...ctx, allowAggregate: false, allowWindow: false };
  let args = call.args.map((a) => resolveExpr(a, inner));
  if (name === 'stack' || name === 'stack_outer') { args = stackAsInline(args, ctx); name = 'inline'; }
  if (outer && !name.endsWith('_outer')) name = `${name}_outer`;
  const g = resolveGenerator(name, args, ctx.env.fn);
  if (names && names.length > 0 && names.length !== g.output.length) {
    const got = aliasText ?? names.join(', ');
    throw analysisError('UDTF_ALIAS_NUMBER_MISMATCH', '42802', { aliasesSize: String(names.length), aliasesNames: got },
      `The number of aliases supplied in the AS clause does not match the number of columns output by the UDTF. Expected ${g.output.length} aliases, but got ${got}.`);
  }
  const output: Attribute[] = g.output.map((f, i) => ({ kind: 'attr', id: newExprId(), name: names?.[i] ?? f.name, type: f.type, nullable: f.nullable }));
  const position = name.startsWith('posexplode');
  const plan: LogicalPlan = { kind: 'generate', input, generator: g.call, outer: name.endsWith('_outer'), position, generatorOutput: output };
  return { plan, output };
}

/** LATERAL VIEW [OUTER] gen(...) t AS c1, c2 — in order, each seeing the columns before it. */
export function applyLateralViews(plan: LogicalPlan, scope: Scope, views: readonly LateralView[], ctx: ResolveCtx): { plan: LogicalPlan; scope: Scope } {
  for (const v of views) {
    const call = asGeneratorCall(v.generator);
    if (!call) {
      const text = exprToSql(v.generator);
      throw analysisError('UNSUPPORTED_GENERATOR.NOT_GENERATOR', '42K0E', { functionName: `\`${text}\``, classCanonicalName: '' },
        `The generator is not supported: \`${text}\` is expected to be a generator. However, its class is not a generator.`);
    }
    const g = buildGenerate(plan, call, v.outer, v.columns.length ? v.columns : undefined, { ...ctx, scope });
    const added: ScopeEntry[] = g.output.map((attr) => ({ attr, qualifier: [v.table], hidden: false }));
    plan = g.plan;
    scope = new Scope([...scope.entries, ...added], scope.outer, scope.fallback);
  }
  return { plan, scope };
}

export interface SelectGenerator {
  /** Index of the generator's item in the select list. */
  readonly index: number;
  readonly plan: LogicalPlan;
  readonly output: readonly Attribute[];
}

/**
 * The select list's generator (at most one, at the top of its item): Generate over the FROM plan, whose output
 * columns replace the item. A generator nested in an expression, or a second one, is Spark's UNSUPPORTED_GENERATOR.
 */
export function selectGenerator(items: readonly SelectItem[], input: LogicalPlan, ctx: ResolveCtx): SelectGenerator | undefined {
  const found = items.map((it, index) => ({ it, index, call: asGeneratorCall(it.expr) })).filter((x) => x.call !== undefined);
  for (const it of items) {
    if (!asGeneratorCall(it.expr) && containsGenerator(it.expr)) {
      throw analysisError('UNSUPPORTED_GENERATOR.NESTED_IN_EXPRESSIONS', '42K0E', { expression: `"${exprToSql(it.expr)}"` },
        `The generator is not supported: nested in expressions "${exprToSql(it.expr)}".`);
    }
  }
  if (found.length === 0) return undefined;
  if (found.length > 1) {
    const list = found.map((f) => `"${exprToSql(f.it.expr)}"`).join(', ');
    throw analysisError('UNSUPPORTED_GENERATOR.MULTI_GENERATOR', '42K0E', { clause: 'SELECT', num: String(found.length), generators: list },
      `The generator is not supported: only one generator allowed per SELECT clause but found ${found.length}: ${list}.`);
  }
  const { it, index, call } = found[0]!;
  const names = it.aliases ?? (it.alias !== undefined ? [it.alias] : undefined);
  const g = buildGenerate(input, call!, false, names, ctx, it.aliases ? undefined : it.alias);
  return { index, plan: g.plan, output: g.output };
}

/** `FROM explode(array(1, 2)) [AS t(c)]`: the generator over one empty row; only its columns are visible. */
export function generatorTable(name: readonly string[], args: readonly Expr[], input: LogicalPlan, ctx: ResolveCtx): BuiltGenerator | undefined {
  if (!isGeneratorFunction(name[name.length - 1]!)) return undefined;
  return buildGenerate(input, { kind: 'function', name, args, distinct: false }, false, undefined, ctx);
}
