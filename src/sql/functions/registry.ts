// The scalar function registry: Spark function/operator name (case-insensitive) -> resolver. resolveFunction is
// the analyzer's one entry point for typing a call.
import type { Expression } from '../../planner/expr/expression.js';
import { collectionResolvers, generatorNames } from './collection-functions.js';
import { conditionalResolvers } from './conditional-functions.js';
import { datetimeResolvers } from './datetime-functions.js';
import { mathResolvers } from './math-functions.js';
import { miscResolvers } from './misc-functions.js';
import { operatorAliases, operatorResolvers } from './operators.js';
import { ResolveCtx, type ResolveOptions, type Resolver } from './resolve-context.js';
import { stringResolvers } from './string-functions.js';
import { unresolvedRoutine } from './type-errors.js';

/** try_add, try_divide…: the operator evaluated without ANSI errors (NULL instead of failing). */
const tryResolvers: Record<string, Resolver> = Object.fromEntries(
  (['add', 'subtract', 'multiply', 'divide'] as const).map((op) => [`try_${op}`, (args: readonly Expression[], ctx: ResolveCtx) =>
    operatorResolvers[op]!(args, new ResolveCtx(op, args, { ...ctx.opts, ansi: false }))]),
);

const registry: ReadonlyMap<string, Resolver> = new Map(Object.entries({
  ...operatorResolvers, ...stringResolvers, ...mathResolvers, ...datetimeResolvers, ...conditionalResolvers,
  ...collectionResolvers, ...miscResolvers, ...tryResolvers,
}));

/** Types a scalar function or operator call by Spark name, inserting Spark's implicit casts. */
export function resolveFunction(name: string, args: readonly Expression[], opts: ResolveOptions): Expression {
  const lower = name.toLowerCase();
  const fn = operatorAliases[lower] ?? lower;
  const r = registry.get(fn);
  if (!r) throw unresolvedRoutine(name);
  return r(args, new ResolveCtx(fn, args, opts));
}

export function isScalarFunction(name: string): boolean {
  const lower = name.toLowerCase();
  return registry.has(operatorAliases[lower] ?? lower);
}

export function isGeneratorFunction(name: string): boolean {
  return generatorNames.has(name.toLowerCase());
}

/** Names of the registered scalar functions (SHOW FUNCTIONS). */
export function scalarFunctionNames(): string[] {
  return [...registry.keys()].sort();
}
