// Executor-side computation of one partition of an RDD node as a stream of element batches. Element-op chains
// run through fused loops; persisted RDDs are served from and stored into the block store.
import { assertNever } from '../../common/assert.js';
import { TsSparkError } from '../../common/errors.js';
import { narrowParentPartitions } from '../lineage.js';
import type { RddNode } from '../rdd-node.js';
import { combineByKeyBatches, cogroupBatches, sortByKeyBatches } from './reduce-side.js';
import { compileFusedLoop, newLoopState } from './fused-loop.js';
import { BATCH, rangeBatches, rangeBounds, textSplitBatches, wholeFileBatches } from './sources.js';
import { sampleBatches } from './sample.js';
import type { TaskEnv } from './task-env.js';
import { readCheckpointPartition } from './checkpoint-files.js';

export function computeBatches(node: RddNode, partition: number, env: TaskEnv): Iterable<unknown[]> {
  if (env.persisted.has(node.id)) {
    const cached = env.getCached(node.id, partition);
    if (cached) return cached;
    const batches = [...computeUncached(node, partition, env)];
    env.putCached(node.id, partition, batches);
    return batches;
  }
  return computeUncached(node, partition, env);
}

function* computeUncached(node: RddNode, partition: number, env: TaskEnv): Generator<unknown[]> {
  switch (node.kind) {
    case 'parallelize': {
      const slice = env.parallelSlice(node.id, partition);
      for (let i = 0; i < slice.length; i += BATCH) yield slice.slice(i, i + BATCH) as unknown[];
      return;
    }
    case 'range': {
      const { first, count } = rangeBounds(node.start, node.end, node.step, node.numPartitions, partition);
      yield* rangeBatches(first, node.step, count);
      return;
    }
    case 'text-file': {
      const split = node.splits[partition];
      if (!split) return;
      yield* textSplitBatches(split, env.metrics);
      return;
    }
    case 'whole-text-files':
      yield* wholeFileBatches(node.groups[partition] ?? [], env.metrics);
      return;
    case 'empty':
      return;
    case 'checkpoint-file':
      yield* readCheckpointPartition(node.dir, partition);
      return;
    case 'element': {
      const loop = compileFusedLoop(node.ops, { kind: 'out' });
      const parent = node.parent;
      if (parent.kind === 'range' && !env.persisted.has(parent.id)) {
        const { first, count } = rangeBounds(parent.start, parent.end, parent.step, parent.numPartitions, partition);
        for (let off = 0; off < count; off += BATCH) {
          const st = newLoopState();
          loop.overRange(first + off * parent.step, parent.step, Math.min(BATCH, count - off), st);
          if (st.out.length > 0) yield st.out;
        }
        return;
      }
      for (const b of computeBatches(parent, partition, env)) {
        const st = newLoopState();
        loop.overBatch(b, st);
        if (st.out.length > 0) yield st.out;
      }
      return;
    }
    case 'map-partitions': {
      const input = elements(computeBatches(node.parent, partition, env));
      const result: unknown = node.withIndex ? node.fn(partition, input) : node.fn(input);
      yield* toBatches(result, 'mapPartitions function');
      return;
    }
    case 'glom': {
      const all: unknown[] = [];
      for (const b of computeBatches(node.parent, partition, env)) for (const x of b) all.push(x);
      yield [all];
      return;
    }
    case 'sample':
      yield* sampleBatches(computeBatches(node.parent, partition, env), node.withReplacement, node.fraction, node.seed + partition * 7919);
      return;
    case 'zip-with-index': {
      if (!node.startIndices) throw new TsSparkError('INTERNAL', 'zipWithIndex offsets were not prepared');
      let idx = node.startIndices[partition] ?? 0;
      for (const b of computeBatches(node.parent, partition, env)) {
        const out = new Array<unknown>(b.length);
        for (let i = 0; i < b.length; i++) out[i] = [b[i], idx++];
        yield out;
      }
      return;
    }
    case 'union':
    case 'coalesce':
      for (const p of narrowParentPartitions(node, partition)) yield* computeBatches(p.node, p.partition, env);
      return;
    case 'cartesian': {
      const [l, r] = narrowParentPartitions(node, partition);
      const right: unknown[] = [];
      for (const b of computeBatches(r!.node, r!.partition, env)) for (const x of b) right.push(x);
      for (const b of computeBatches(l!.node, l!.partition, env)) {
        let out: unknown[] = [];
        for (const x of b) {
          for (const y of right) {
            out.push([x, y]);
            if (out.length === BATCH) {
              yield out;
              out = [];
            }
          }
        }
        if (out.length > 0) yield out;
      }
      return;
    }
    case 'shuffled': {
      const input = env.readShuffle(node.shuffleId, partition);
      if (node.sortAscending !== undefined) yield* sortByKeyBatches(input, node.sortAscending, node.aggregator, node.mapSideCombine, env);
      else if (node.aggregator) yield* combineByKeyBatches(input, node.aggregator, node.mapSideCombine, env);
      else yield* input;
      return;
    }
    case 'cogroup': {
      const inputs = node.parents.map((p) => (p.dep === 'shuffle' ? env.readShuffle(p.shuffleId, partition) : computeBatches(p.node, partition, env)));
      yield* cogroupBatches(inputs, env);
      return;
    }
    default:
      assertNever(node, 'rdd node');
  }
}

/** Flattens batches into the element iterator a user's mapPartitions function receives. */
export function* elements(batches: Iterable<unknown[]>): Generator<unknown> {
  for (const b of batches) yield* b;
}

function* toBatches(result: unknown, what: string): Generator<unknown[]> {
  if (result === null || result === undefined || typeof (result as Iterable<unknown>)[Symbol.iterator] !== 'function') {
    throw new TsSparkError('INVALID_ARGUMENT', `${what} must return an iterable (an array or a generator), got ${result === null ? 'null' : typeof result}`);
  }
  if (Array.isArray(result)) {
    for (let i = 0; i < result.length; i += BATCH) yield result.slice(i, i + BATCH);
    return;
  }
  let out: unknown[] = [];
  for (const x of result as Iterable<unknown>) {
    out.push(x);
    if (out.length === BATCH) {
      yield out;
      out = [];
    }
  }
  if (out.length > 0) yield out;
}
