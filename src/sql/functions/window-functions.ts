// Typing of window functions: ranking functions (row_number, rank… int/double), offsets (lag/lead with a default
// coerced to the input type), nth_value/first_value/last_value, and aggregates used OVER a window.
import { exprType } from '../../planner/expr/expr-type.js';
import type { Expression, WindowFunctionName, WindowSpecification } from '../../planner/expr/expression.js';
import { T } from '../types/data-type.js';
import { isAggregateFunction, resolveAggregate } from './aggregates.js';
import { ResolveCtx, type ResolveOptions } from './resolve-context.js';
import { unresolvedRoutine } from './type-errors.js';

const windowNames: ReadonlySet<string> = new Set<WindowFunctionName>([
  'row_number', 'rank', 'dense_rank', 'percent_rank', 'cume_dist', 'ntile', 'lag', 'lead', 'nth_value', 'first_value', 'last_value',
]);

/** Functions that exist only over a window (aggregates are also allowed OVER a window). */
export function isWindowFunction(name: string): boolean {
  return windowNames.has(name.toLowerCase());
}

const lit = (value: unknown, type = T.int): Expression => ({ kind: 'literal', value, type });

export function resolveWindowFunction(
  name: string, args: readonly Expression[], spec: WindowSpecification, opts: ResolveOptions,
): Expression {
  const fn = name.toLowerCase();
  if (!windowNames.has(fn)) {
    if (!isAggregateFunction(fn)) throw unresolvedRoutine(name);
    const aggregate = resolveAggregate(fn, args, false, opts);
    return { kind: 'window', fn: { aggregate }, args: [], spec, type: exprType(aggregate) };
  }
  const ctx = new ResolveCtx(fn, args, opts);
  const w = (f: WindowFunctionName, a: readonly Expression[], type = T.int): Expression => ({ kind: 'window', fn: f, args: a, spec, type });
  switch (fn as WindowFunctionName) {
    case 'row_number': case 'rank': case 'dense_rank':
      ctx.arity(0);
      return w(fn as WindowFunctionName, []);
    case 'percent_rank': case 'cume_dist':
      ctx.arity(0);
      return w(fn as WindowFunctionName, [], T.double);
    case 'ntile':
      ctx.arity(1);
      return w('ntile', ctx.expect([T.int]));
    case 'lag': case 'lead': {
      ctx.arity(1, 3);
      const x = args[0]!;
      const offset = args[1] ? ctx.expectOne(args[1], T.int, 1) : lit(1);
      const dflt = args[2] ? ctx.cast(args[2], exprType(x)) : lit(null, exprType(x));
      return w(fn as WindowFunctionName, [x, offset, dflt], exprType(x));
    }
    case 'nth_value':
      ctx.arity(2, 3);
      return w('nth_value', [args[0]!, ctx.expectOne(args[1]!, T.int, 1)], exprType(args[0]!));
    case 'first_value': case 'last_value':
      ctx.arity(1, 2);
      return w(fn as WindowFunctionName, [args[0]!], exprType(args[0]!));
  }
}
