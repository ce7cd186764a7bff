// Node builders for key-value transformations: combineByKey and everything built on it, partitionBy, cogroup
// and the joins, sortByKey. A parent already partitioned by the target partitioner is combined without a shuffle.
import { partitionerOf, numPartitions } from './lineage.js';
import { KeyMap } from './key-map.js';
import { samePartitioner, type Partitioner } from './partitioner.js';
import type { RddContext } from './rdd-context.js';
import type { Aggregator, CogroupParent, Fn, RddNode } from './rdd-node.js';
import { checkPartitions, elementOp } from './transformations.js';

export function combineByKeyNode(ctx: RddContext, parent: RddNode, agg: Aggregator, partitioner: Partitioner, mapSideCombine = true): RddNode {
  if (samePartitioner(partitionerOf(parent), partitioner)) {
    const { createCombiner, mergeValue } = agg;
    const combineLocally = function* (iter: Iterable<[unknown, unknown]>): Generator<[unknown, unknown]> {
      const m = new KeyMap<unknown>();
      for (const [k, v] of iter) m.set(k, m.has(k) ? mergeValue(m.get(k), v) : createCombiner(v));
      yield* m.entries();
    };
    return { kind: 'map-partitions', id: ctx.newRddId(), parent, fn: combineLocally, withIndex: false, preservesPartitioning: true };
  }
  return { kind: 'shuffled', id: ctx.newRddId(), parent, shuffleId: ctx.newShuffleId(), partitioner, aggregator: agg, mapSideCombine };
}

export function partitionByNode(ctx: RddContext, parent: RddNode, partitioner: Partitioner): RddNode {
  if (samePartitioner(partitionerOf(parent), partitioner)) return parent;
  return { kind: 'shuffled', id: ctx.newRddId(), parent, shuffleId: ctx.newShuffleId(), partitioner, mapSideCombine: false };
}

export function cogroupNode(ctx: RddContext, parents: readonly RddNode[], partitioner: Partitioner): RddNode {
  const deps: CogroupParent[] = parents.map((node) =>
    samePartitioner(partitionerOf(node), partitioner) ? { dep: 'one-to-one', node } : { dep: 'shuffle', node, shuffleId: ctx.newShuffleId() },
  );
  return { kind: 'cogroup', id: ctx.newRddId(), parents: deps, partitioner };
}

export type JoinKind = 'inner' | 'left' | 'right' | 'full';

/** join family: cogroup, then the per-key product with null for a missing side (Spark's Option → null). */
export function joinNode(ctx: RddContext, left: RddNode, right: RddNode, partitioner: Partitioner, how: JoinKind): RddNode {
  const grouped = cogroupNode(ctx, [left, right], partitioner);
  const product = function* (groups: [unknown[], unknown[]]): Generator<[unknown, unknown]> {
    const [vs, ws] = groups;
    if (vs.length > 0 && ws.length > 0) {
      for (const v of vs) for (const w of ws) yield [v, w];
    } else if (vs.length > 0 && (how === 'left' || how === 'full')) {
      for (const v of vs) yield [v, null];
    } else if (ws.length > 0 && (how === 'right' || how === 'full')) {
      for (const w of ws) yield [null, w];
    }
  };
  return elementOp(ctx, grouped, { op: 'flat-map-values', fn: product }, true);
}

export function sortByKeyNode(ctx: RddContext, parent: RddNode, ascending: boolean, numParts?: number): RddNode {
  const n = numParts === undefined ? numPartitions(parent) : checkPartitions(numParts, 'sortByKey');
  return {
    kind: 'shuffled', id: ctx.newRddId(), parent, shuffleId: ctx.newShuffleId(),
    partitioner: { kind: 'range', numPartitions: Math.max(1, n), ascending, bounds: [] },
    mapSideCombine: false, sortAscending: ascending, needsRangeBounds: true,
  };
}

export function groupByKeyAggregator(): Aggregator {
  return {
    createCombiner: (v: unknown) => [v],
    mergeValue: (c: unknown[], v: unknown) => {
      c.push(v);
      return c;
    },
    mergeCombiners: (a: unknown[], b: unknown[]) => {
      for (const x of b) a.push(x);
      return a;
    },
  };
}

export function reduceAggregator(fn: Fn): Aggregator {
  return { createCombiner: (v: unknown) => v, mergeValue: fn, mergeCombiners: fn };
}
