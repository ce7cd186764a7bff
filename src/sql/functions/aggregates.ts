// Typing of aggregate functions (Spark's result types: sum(int) bigint, sum(decimal(p,s)) decimal(p+10,s),
// avg(decimal(p,s)) decimal(p+4,s+4), count bigint…) and their alias names.
import { exprType } from '../../planner/expr/expr-type.js';
import { TsSparkError } from '../../common/errors.js';
import type { AggregateFunctionName, Expression } from '../../planner/expr/expression.js';
import { isNumeric, T, type DataType } from '../types/data-type.js';
import { bounded } from './decimal-precision.js';
import { ResolveCtx, type ResolveOptions } from './resolve-context.js';
import { unexpectedInput, unresolvedRoutine } from './type-errors.js';
import { coerceAll } from './type-coercion.js';

const aggregateAliases: Readonly<Record<string, AggregateFunctionName>> = {
  count: 'count', sum: 'sum', avg: 'avg', mean: 'avg', min: 'min', max: 'max', first: 'first', first_value: 'first',
  last: 'last', last_value: 'last', collect_list: 'collect_list', array_agg: 'collect_list', collect_set: 'collect_set',
  stddev: 'stddev_samp', std: 'stddev_samp', stddev_samp: 'stddev_samp', stddev_pop: 'stddev_pop',
  variance: 'var_samp', var_samp: 'var_samp', var_pop: 'var_pop', approx_count_distinct: 'approx_count_distinct',
  bool_and: 'bool_and', every: 'bool_and', bool_or: 'bool_or', some: 'bool_or', any: 'bool_or', any_value: 'any_value',
  count_if: 'count_if', max_by: 'max_by', min_by: 'min_by', grouping: 'grouping', grouping_id: 'grouping_id',
};

export function isAggregateFunction(name: string): boolean {
  return aggregateAliases[name.toLowerCase()] !== undefined;
}

export function resolveAggregate(name: string, args: readonly Expression[], distinct: boolean, opts: ResolveOptions): Expression {
  const fn = aggregateAliases[name.toLowerCase()];
  if (!fn) throw unresolvedRoutine(name);
  const ctx = new ResolveCtx(name.toLowerCase(), args, opts);
  const agg = (a: readonly Expression[], type: DataType): Expression => ({ kind: 'aggregate', fn, args: a, distinct, type });
  switch (fn) {
    case 'count':
      ctx.arity(1, Infinity);
      return agg(args, T.long);
    case 'count_if':
      ctx.arity(1);
      return agg(ctx.expect([T.boolean]), T.long);
    case 'approx_count_distinct':
      ctx.arity(1, 2);
      return agg(args, T.long);
    case 'sum': {
      ctx.arity(1);
      const [x] = ctx.expect(['numeric']);
      const t = exprType(x!);
      const rt = t.kind === 'decimal' ? bounded(t.precision + 10, t.scale) : t.kind === 'float' || t.kind === 'double' ? T.double : T.long;
      return agg([x!], rt);
    }
    case 'avg': {
      ctx.arity(1);
      const [x] = ctx.expect(['numeric']);
      const t = exprType(x!);
      return agg([x!], t.kind === 'decimal' ? bounded(t.precision + 4, t.scale + 4) : T.double);
    }
    case 'stddev_samp': case 'stddev_pop': case 'var_samp': case 'var_pop':
      ctx.arity(1);
      return agg(ctx.expect([T.double]), T.double);
    case 'min': case 'max': {
      ctx.arity(1);
      const t = exprType(args[0]!);
      if (t.kind === 'map') throw unexpectedInput(ctx.text(), 0, '"ORDERABLE"', args[0]!);
      return agg(args, t);
    }
    case 'first': case 'last': case 'any_value':
      ctx.arity(1, 2);
      return agg(args.slice(0, 1), exprType(args[0]!));
    case 'collect_list': case 'collect_set':
      ctx.arity(1);
      return agg(args, T.array(exprType(args[0]!), false));
    case 'bool_and': case 'bool_or':
      ctx.arity(1);
      return agg(ctx.expect([T.boolean]), T.boolean);
    case 'max_by': case 'min_by':
      ctx.arity(2);
      return agg(args, exprType(args[0]!));
    case 'grouping':
      ctx.arity(1);
      return agg(args, T.byte);
    case 'grouping_id':
      return agg(args, T.long);
  }
}

/** Type for numeric-only aggregate inputs check (used by describe/summary). */
export function aggregateInputIsNumeric(t: DataType): boolean {
  return isNumeric(t) || t.kind === 'string';
}

export function commonTypeOrThrow(types: readonly DataType[], what: string): DataType {
  const t = coerceAll(types);
  if (!t) throw new TsSparkError('ANALYSIS_ERROR', `[DATATYPE_MISMATCH.DATA_DIFF_TYPES] ${what}: no common type`);
  return t;
}
