// Runs a partition through one fused loop: the partition's trailing element ops plus the consumer's sink
// (a fold, a count, a callback…), so the whole chain is a single compiled loop over the source.
import type { ElementOp, RddNode } from '../rdd-node.js';
import { computeBatches } from './compute-partition.js';
import { compileFusedLoop, newLoopState, type LoopSink, type LoopState } from './fused-loop.js';
import { rangeBounds } from './sources.js';
import type { TaskEnv } from './task-env.js';

const NO_OPS: readonly ElementOp[] = Object.freeze([]);

export function runFused(node: RddNode, partition: number, sink: LoopSink, env: TaskEnv, acc?: unknown): LoopState {
  let ops: readonly ElementOp[] = NO_OPS;
  let source = node;
  if (node.kind === 'element' && !env.persisted.has(node.id)) {
    ops = node.ops;
    source = node.parent;
  }
  const loop = compileFusedLoop(ops, sink);
  const st = newLoopState(acc);
  if (source.kind === 'range' && !env.persisted.has(source.id)) {
    const { first, count } = rangeBounds(source.start, source.end, source.step, source.numPartitions, partition);
    loop.overRange(first, source.step, count, st);
    env.metrics.recordsRead += count;
    return st;
  }
  for (const b of computeBatches(source, partition, env)) loop.overBatch(b, st);
  return st;
}

export function runElements(node: RddNode, partition: number, env: TaskEnv, each: (v: unknown) => void): void {
  runFused(node, partition, { kind: 'each', fn: each }, env);
}
