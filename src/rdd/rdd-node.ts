// RDD lineage as plain data: a readonly union of nodes, each naming its parents through typed dependencies.
// The driver builds these trees; stage splitting reads them; executors compute partitions from them.
import type { RddId, ShuffleId } from '../common/ids.js';
import type { Partitioner } from './partitioner.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Fn = (...args: any[]) => any;

/** Combiner functions of combineByKey and everything built on it. */
export interface Aggregator {
  readonly createCombiner: Fn;
  readonly mergeValue: Fn;
  readonly mergeCombiners: Fn;
}

export interface FileSplit {
  readonly path: string;
  readonly start: number;
  readonly length: number;
  /** Total file size, so the reader knows whether the split ends the file. */
  readonly fileSize: number;
}

interface Base {
  readonly id: RddId;
  readonly name?: string;
}

/** Source nodes: no parents. */
export type SourceNode =
  | (Base & { readonly kind: 'parallelize'; readonly numPartitions: number; readonly slices: readonly (readonly unknown[])[] })
  | (Base & { readonly kind: 'range'; readonly start: number; readonly end: number; readonly step: number; readonly numPartitions: number })
  | (Base & { readonly kind: 'text-file'; readonly path: string; readonly splits: readonly FileSplit[]; readonly missing?: string })
  | (Base & { readonly kind: 'whole-text-files'; readonly path: string; readonly groups: readonly (readonly string[])[]; readonly missing?: string })
  | (Base & { readonly kind: 'empty' })
  | (Base & { readonly kind: 'checkpoint-file'; readonly dir: string; readonly numPartitions: number; readonly partitioner?: Partitioner });

/** Element-wise narrow operations; consecutive ones are fused into one loop per partition. */
export type ElementOp =
  | { readonly op: 'map'; readonly fn: Fn }
  | { readonly op: 'filter'; readonly fn: Fn }
  | { readonly op: 'flat-map'; readonly fn: Fn }
  | { readonly op: 'map-values'; readonly fn: Fn }
  | { readonly op: 'flat-map-values'; readonly fn: Fn }
  | { readonly op: 'key-by'; readonly fn: Fn }
  | { readonly op: 'keys' }
  | { readonly op: 'values' };

export interface FusedPrefix {
  readonly id: RddId;
  readonly preservesPartitioning: boolean;
}

export type NarrowNode =
  | (Base & {
      readonly kind: 'element';
      readonly parent: RddNode;
      readonly ops: readonly ElementOp[];
      readonly preservesPartitioning: boolean;
      /** The RDDs fused away: prefixes[i] is the RDD after ops[0..i] (i < ops.length - 1). Kept so that one
       *  persisted or checkpointed after this node was built still cuts the chain (prepare.ts). */
      readonly prefixes?: readonly FusedPrefix[];
    })
  | (Base & { readonly kind: 'map-partitions'; readonly parent: RddNode; readonly fn: Fn; readonly withIndex: boolean; readonly preservesPartitioning: boolean })
  | (Base & { readonly kind: 'glom'; readonly parent: RddNode })
  | (Base & { readonly kind: 'sample'; readonly parent: RddNode; readonly withReplacement: boolean; readonly fraction: number; readonly seed: number })
  | (Base & { readonly kind: 'zip-with-index'; readonly parent: RddNode; readonly startIndices?: readonly number[] })
  | (Base & { readonly kind: 'union'; readonly parents: readonly RddNode[] })
  | (Base & { readonly kind: 'coalesce'; readonly parent: RddNode; readonly numPartitions: number })
  | (Base & { readonly kind: 'cartesian'; readonly left: RddNode; readonly right: RddNode });

/** Nodes that read one or more shuffles (or co-partitioned parents). */
export type WideNode =
  | (Base & {
      readonly kind: 'shuffled';
      readonly parent: RddNode;
      readonly shuffleId: ShuffleId;
      readonly partitioner: Partitioner;
      readonly aggregator?: Aggregator;
      readonly mapSideCombine: boolean;
      /** Sort each reduce partition by key (sortByKey): ascending or descending. */
      readonly sortAscending?: boolean;
      /** sortByKey: range bounds still to be sampled from the parent before the job runs. */
      readonly needsRangeBounds?: boolean;
    })
  | (Base & {
      readonly kind: 'cogroup';
      readonly parents: readonly CogroupParent[];
      readonly partitioner: Partitioner;
    });

/** A cogroup parent is read through a shuffle unless it is already partitioned by the cogroup's partitioner. */
export type CogroupParent =
  | { readonly dep: 'shuffle'; readonly node: RddNode; readonly shuffleId: ShuffleId }
  | { readonly dep: 'one-to-one'; readonly node: RddNode };

export type RddNode = SourceNode | NarrowNode | WideNode;

/** A shuffle dependency: the map side of a shuffle, as stage splitting sees it. */
export interface ShuffleDep {
  readonly shuffleId: ShuffleId;
  readonly parent: RddNode;
  readonly partitioner: Partitioner;
  readonly aggregator?: Aggregator;
  readonly mapSideCombine: boolean;
}
