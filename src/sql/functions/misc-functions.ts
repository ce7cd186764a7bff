// Typing of hash/digest functions, partition ids, and the type-named cast functions (int(x), string(x)…).
import { exprType } from '../../planner/expr/expr-type.js';
import { T, type DataType } from '../types/data-type.js';
import type { Resolver } from './resolve-context.js';
import { castExpression } from './cast.js';

const castFn = (to: DataType): Resolver => (args, ctx) => {
  ctx.arity(1);
  return castExpression(args[0]!, to, ctx.opts.ansi ? 'ansi' : 'cast', ctx.opts.timeZone);
};

export const miscResolvers: Readonly<Record<string, Resolver>> = {
  hash: (args, ctx) => { ctx.arity(1, Infinity); return ctx.call('hash', args, T.int, false); },
  md5: (args, ctx) => { ctx.arity(1); return ctx.call('md5', ctx.expect([T.binary]), T.string); },
  sha1: (args, ctx) => { ctx.arity(1); return ctx.call('sha1', ctx.expect([T.binary]), T.string); },
  sha: (args, ctx) => { ctx.arity(1); return ctx.call('sha1', ctx.expect([T.binary]), T.string); },
  sha2: (args, ctx) => { ctx.arity(2); return ctx.call('sha2', ctx.expect([T.binary, T.int]), T.string, true); },
  crc32: (args, ctx) => { ctx.arity(1); return ctx.call('crc32', ctx.expect([T.binary]), T.long); },
  monotonically_increasing_id: (_a, ctx) => { ctx.arity(0); return ctx.call('monotonically_increasing_id', [], T.long, false); },
  spark_partition_id: (_a, ctx) => { ctx.arity(0); return ctx.call('spark_partition_id', [], T.int, false); },
  typeof: (args, ctx) => { ctx.arity(1); return { kind: 'literal', value: simpleName(exprType(args[0]!)), type: T.string }; },
  int: castFn(T.int), integer: castFn(T.int), bigint: castFn(T.long), smallint: castFn(T.short), tinyint: castFn(T.byte),
  double: castFn(T.double), float: castFn(T.float), string: castFn(T.string), boolean: castFn(T.boolean),
  date: castFn(T.date), timestamp: castFn(T.timestamp), binary: castFn(T.binary), decimal: castFn(T.decimal(10, 0)),
};

function simpleName(t: DataType): string {
  const m: Partial<Record<DataType['kind'], string>> = { byte: 'tinyint', short: 'smallint', long: 'bigint', null: 'void' };
  return m[t.kind] ?? (t.kind === 'decimal' ? `decimal(${t.precision},${t.scale})` : t.kind);
}
