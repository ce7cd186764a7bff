// Pure queries over lineage trees: partition counts, partitioners, narrow parents and shuffle dependencies.
// Used by stage splitting (driver) and by compute (executor); no I/O.
import { assertNever } from '../common/assert.js';
import type { Partitioner } from './partitioner.js';
import type { RddNode, ShuffleDep } from './rdd-node.js';

export function numPartitions(node: RddNode): number {
  switch (node.kind) {
    case 'parallelize':
    case 'range':
    case 'checkpoint-file':
    case 'coalesce':
      return node.numPartitions;
    case 'text-file':
      return node.splits.length;
    case 'whole-text-files':
      return node.groups.length;
    case 'empty':
      return 0;
    case 'element':
    case 'map-partitions':
    case 'glom':
    case 'sample':
    case 'zip-with-index':
      return numPartitions(node.parent);
    case 'union':
      return node.parents.reduce((s, p) => s + numPartitions(p), 0);
    case 'cartesian':
      return numPartitions(node.left) * numPartitions(node.right);
    case 'shuffled':
    case 'cogroup':
      return node.partitioner.numPartitions;
    default:
      return assertNever(node, 'rdd node');
  }
}

/** The partitioner that describes how this RDD's keys are laid out, if known (Spark's `rdd.partitioner`). */
export function partitionerOf(node: RddNode): Partitioner | undefined {
  switch (node.kind) {
    case 'shuffled':
    case 'cogroup':
      return node.partitioner;
    case 'checkpoint-file':
      return node.partitioner;
    case 'element':
    case 'map-partitions':
      return node.preservesPartitioning ? partitionerOf(node.parent) : undefined;
    case 'sample':
      return partitionerOf(node.parent);
    default:
      return undefined;
  }
}

/** Shuffle dependencies directly below this node (not looking through other shuffles), each shuffle once. */
export function directShuffleDeps(node: RddNode): ShuffleDep[] {
  const out: ShuffleDep[] = [];
  const seen = new Set<number>();
  const visit = (n: RddNode): void => {
    switch (n.kind) {
      case 'shuffled':
        if (seen.has(n.shuffleId)) return;
        seen.add(n.shuffleId);
        out.push({ shuffleId: n.shuffleId, parent: n.parent, partitioner: n.partitioner, ...(n.aggregator ? { aggregator: n.aggregator } : {}), mapSideCombine: n.mapSideCombine });
        return;
      case 'cogroup':
        for (const p of n.parents) {
          if (p.dep === 'one-to-one') visit(p.node);
          else if (!seen.has(p.shuffleId)) {
            seen.add(p.shuffleId);
            out.push({ shuffleId: p.shuffleId, parent: p.node, partitioner: n.partitioner, mapSideCombine: false });
          }
        }
        return;
      default:
        for (const p of narrowParents(n)) visit(p);
    }
  };
  visit(node);
  return out;
}

/** Parents reached through narrow dependencies (computed in the same stage). */
export function narrowParents(node: RddNode): readonly RddNode[] {
  switch (node.kind) {
    case 'parallelize':
    case 'range':
    case 'text-file':
    case 'whole-text-files':
    case 'empty':
    case 'checkpoint-file':
    case 'shuffled':
      return [];
    case 'element':
    case 'map-partitions':
    case 'glom':
    case 'sample':
    case 'zip-with-index':
    case 'coalesce':
      return [node.parent];
    case 'union':
      return node.parents;
    case 'cartesian':
      return [node.left, node.right];
    case 'cogroup':
      return node.parents.filter((p) => p.dep === 'one-to-one').map((p) => p.node);
    default:
      return assertNever(node, 'rdd node');
  }
}

/** Which partitions of a narrow parent a partition of `node` reads. */
export function narrowParentPartitions(node: RddNode, partition: number): Array<{ node: RddNode; partition: number }> {
  switch (node.kind) {
    case 'element':
    case 'map-partitions':
    case 'glom':
    case 'sample':
    case 'zip-with-index':
      return [{ node: node.parent, partition }];
    case 'union': {
      let p = partition;
      for (const parent of node.parents) {
        const n = numPartitions(parent);
        if (p < n) return [{ node: parent, partition: p }];
        p -= n;
      }
      return [];
    }
    case 'coalesce':
      return coalesceGroup(numPartitions(node.parent), node.numPartitions, partition).map((q) => ({ node: node.parent, partition: q }));
    case 'cartesian': {
      const nr = numPartitions(node.right);
      return [{ node: node.left, partition: Math.floor(partition / nr) }, { node: node.right, partition: partition % nr }];
    }
    case 'cogroup':
      return node.parents.filter((p) => p.dep === 'one-to-one').map((p) => ({ node: p.node, partition }));
    default:
      return [];
  }
}

/** Parent partitions of coalesced partition i: contiguous ranges, as balanced as possible. */
export function coalesceGroup(parentPartitions: number, n: number, i: number): number[] {
  const start = Math.floor((i * parentPartitions) / n);
  const end = Math.floor(((i + 1) * parentPartitions) / n);
  const out: number[] = [];
  for (let q = start; q < end; q++) out.push(q);
  return out;
}

/** Every node in the tree, parents before children, each once (by id). */
export function allNodes(root: RddNode): RddNode[] {
  const seen = new Set<number>();
  const out: RddNode[] = [];
  const visit = (n: RddNode): void => {
    if (seen.has(n.id)) return;
    seen.add(n.id);
    for (const p of allParents(n)) visit(p);
    out.push(n);
  };
  visit(root);
  return out;
}

/** Narrow and shuffle parents alike. */
export function allParents(node: RddNode): readonly RddNode[] {
  switch (node.kind) {
    case 'shuffled':
      return [node.parent];
    case 'cogroup':
      return node.parents.map((p) => p.node);
    default:
      return narrowParents(node);
  }
}

/** Every (node, partition) that computing `partition` of `node` touches through narrow dependencies, itself included. */
export function narrowAncestry(node: RddNode, partition: number): Array<{ node: RddNode; partition: number }> {
  const out: Array<{ node: RddNode; partition: number }> = [];
  const seen = new Set<string>();
  const visit = (n: RddNode, p: number): void => {
    const key = `${n.id}:${p}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ node: n, partition: p });
    for (const c of narrowParentPartitions(n, p)) visit(c.node, c.partition);
  };
  visit(node, partition);
  return out;
}

/** The shuffle reads (shuffle id, reduce partition) that computing `partition` of `node` needs. */
export function shuffleReadsOf(node: RddNode, partition: number): Array<{ shuffleId: number; reducePartition: number }> {
  const out: Array<{ shuffleId: number; reducePartition: number }> = [];
  for (const { node: n, partition: p } of narrowAncestry(node, partition)) {
    if (n.kind === 'shuffled') out.push({ shuffleId: n.shuffleId, reducePartition: p });
    else if (n.kind === 'cogroup') for (const par of n.parents) if (par.dep === 'shuffle') out.push({ shuffleId: par.shuffleId, reducePartition: p });
  }
  return out;
}
