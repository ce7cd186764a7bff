// Builders of lineage nodes for narrow transformations. Consecutive element ops (map, filter, flatMap…) fold
// into one `element` node so they run as one fused loop — unless the parent is persisted or checkpointed.
import { TsSparkError } from '../common/errors.js';
import { numPartitions, partitionerOf } from './lineage.js';
import { hashPartitioner, type Partitioner } from './partitioner.js';
import type { RddContext } from './rdd-context.js';
import type { ElementOp, Fn, RddNode } from './rdd-node.js';

export function elementOp(ctx: RddContext, parent: RddNode, op: ElementOp, preservesPartitioning: boolean): RddNode {
  if (parent.kind === 'element' && !ctx.storageLevelOf(parent.id) && !ctx.replacementFor(parent.id)) {
    const prefixes = [...(parent.prefixes ?? []), { id: parent.id, preservesPartitioning: parent.preservesPartitioning }];
    return { kind: 'element', id: ctx.newRddId(), parent: parent.parent, ops: [...parent.ops, op], preservesPartitioning: parent.preservesPartitioning && preservesPartitioning, prefixes };
  }
  return { kind: 'element', id: ctx.newRddId(), parent, ops: [op], preservesPartitioning };
}

export function checkFn(fn: unknown, what: string, allowAsync = false): Fn {
  if (typeof fn !== 'function') throw new TsSparkError('INVALID_ARGUMENT', `${what} expects a function, got ${fn === null ? 'null' : typeof fn}`);
  const kind = (fn as { constructor?: { name?: string } }).constructor?.name;
  if (!allowAsync && (kind === 'AsyncFunction' || kind === 'AsyncGeneratorFunction')) {
    // a Promise per element would be collected as {} — refuse it where it is written
    throw new TsSparkError('INVALID_ARGUMENT', `${what} function is async, but RDD functions run synchronously on executors`, {
      hint: 'make it synchronous, or do asynchronous side effects in foreachPartition(async (iter) => …)',
    });
  }
  return fn as Fn;
}

export function checkPartitions(n: unknown, what: string): number {
  if (!Number.isInteger(n) || (n as number) < 1) throw new TsSparkError('INVALID_ARGUMENT', `${what}: number of partitions must be a positive integer, got ${String(n)}`);
  return n as number;
}

/** The partitioner of a shuffle: an explicit count, else spark.default.parallelism, else the largest parent. */
export function defaultPartitioner(ctx: RddContext, parents: readonly RddNode[], numParts?: number): Partitioner {
  if (numParts !== undefined) return hashPartitioner(checkPartitions(numParts, 'shuffle'));
  const existing = parents.map(partitionerOf).filter((p): p is Partitioner => !!p).sort((a, b) => b.numPartitions - a.numPartitions)[0];
  const maxParts = Math.max(1, ...parents.map(numPartitions));
  if (existing && existing.numPartitions >= maxParts) return existing;
  return hashPartitioner(ctx.defaultParallelismSet ? ctx.defaultParallelism : maxParts);
}
