// Resolves what lineage can only know by running a job first, before the real job is submitted:
// zipWithIndex's per-partition start indices (a count job) and sortByKey's range bounds (a sampling job), and
// substitutes checkpointed RDDs. Results are remembered through the context, so each is computed once.
import { assertNever } from '../common/assert.js';
import { compareKeys } from './key-order.js';
import { numPartitions } from './lineage.js';
import type { Partitioner } from './partitioner.js';
import type { RddContext } from './rdd-context.js';
import type { RddNode } from './rdd-node.js';

export async function prepareLineage(node: RddNode, ctx: RddContext): Promise<RddNode> {
  const memo = new Map<number, Promise<RddNode>>();
  const prep = (n: RddNode): Promise<RddNode> => {
    let p = memo.get(n.id);
    if (!p) {
      p = prepareOne(n, ctx, prep);
      memo.set(n.id, p);
    }
    return p;
  };
  return prep(node);
}

async function prepareOne(n: RddNode, ctx: RddContext, prep: (n: RddNode) => Promise<RddNode>): Promise<RddNode> {
  const replaced = ctx.replacementFor(n.id);
  if (replaced) return replaced;
  const rebuilt = await withPreparedParents(unfuseMarked(n, ctx), prep);
  if (rebuilt.kind === 'zip-with-index' && !rebuilt.startIndices) {
    const counts = (await ctx.runJob(rebuilt.parent, { kind: 'count' }, undefined, 'zipWithIndex')) as number[];
    const startIndices: number[] = [];
    let acc = 0;
    for (const c of counts) {
      startIndices.push(acc);
      acc += c;
    }
    const done: RddNode = { ...rebuilt, startIndices };
    ctx.setReplacement(n.id, done);
    return done;
  }
  if (rebuilt.kind === 'shuffled' && rebuilt.needsRangeBounds) {
    const partitioner = await sampleRangeBounds(rebuilt.parent, rebuilt.partitioner, rebuilt.sortAscending ?? true, ctx);
    const done: RddNode = { ...rebuilt, partitioner, needsRangeBounds: false };
    ctx.setReplacement(n.id, done);
    return done;
  }
  return rebuilt;
}

/** Spark's RangePartitioner: sample ~20 keys per output partition, pick evenly spaced bounds. */
async function sampleRangeBounds(parent: RddNode, p: Partitioner, ascending: boolean, ctx: RddContext): Promise<Partitioner> {
  const n = p.numPartitions;
  const inParts = Math.max(1, numPartitions(parent));
  if (n <= 1) return { kind: 'range', numPartitions: n, ascending, bounds: [] };
  const perPartition = Math.ceil((3 * Math.min(20 * n, 1e6)) / inParts);
  const results = (await ctx.runJob(parent, { kind: 'sample-keys', perPartition, seed: 42 }, undefined, 'sortByKey sampling')) as Array<{ count: number; sample: unknown[] }>;
  // weight each sampled key by how many rows it stands for
  const weighted: Array<[unknown, number]> = [];
  for (const r of results) {
    if (r.sample.length === 0) continue;
    const w = r.count / r.sample.length;
    for (const k of r.sample) weighted.push([k, w]);
  }
  weighted.sort((a, b) => compareKeys(a[0], b[0]));
  const total = weighted.reduce((s, [, w]) => s + w, 0);
  const step = total / n;
  const bounds: unknown[] = [];
  let cum = 0;
  let target = step;
  let prev: unknown = undefined;
  for (const [k, w] of weighted) {
    cum += w;
    if (cum >= target && bounds.length < n - 1) {
      if (bounds.length === 0 || compareKeys(k, prev) > 0) {
        bounds.push(k);
        prev = k;
      }
      target += step;
    }
  }
  const sorted = ascending ? bounds : bounds.reverse();
  // Keep the requested count even when skew gave fewer bounds (the last partitions are then empty): the RDD already
  // reported n partitions before the bounds were known, and its layout must not change under the user.
  return { kind: 'range', numPartitions: n, ascending, bounds: ascending ? sorted : sorted.reverse() };
}

/** Cuts a fused element chain below its last prefix RDD that was persisted or checkpointed after the chain was
 *  built, so that RDD is computed (and cached) as a node of its own; lower prefixes are cut when prepared. */
function unfuseMarked(n: RddNode, ctx: RddContext): RddNode {
  if (n.kind !== 'element' || !n.prefixes) return n;
  const prefixes = n.prefixes;
  let i = prefixes.length - 1;
  while (i >= 0 && !ctx.storageLevelOf(prefixes[i]!.id) && !ctx.replacementFor(prefixes[i]!.id)) i--;
  if (i < 0) return n;
  const lower: RddNode = { kind: 'element', id: prefixes[i]!.id, parent: n.parent, ops: n.ops.slice(0, i + 1), preservesPartitioning: prefixes[i]!.preservesPartitioning, prefixes: prefixes.slice(0, i) };
  return { kind: 'element', id: n.id, ...(n.name ? { name: n.name } : {}), parent: lower, ops: n.ops.slice(i + 1), preservesPartitioning: n.preservesPartitioning, prefixes: prefixes.slice(i + 1) };
}

async function withPreparedParents(n: RddNode, prep: (n: RddNode) => Promise<RddNode>): Promise<RddNode> {
  switch (n.kind) {
    case 'parallelize':
    case 'range':
    case 'text-file':
    case 'whole-text-files':
    case 'empty':
    case 'checkpoint-file':
      return n;
    case 'element':
    case 'map-partitions':
    case 'glom':
    case 'sample':
    case 'zip-with-index':
    case 'coalesce':
    case 'shuffled': {
      const parent = await prep(n.parent);
      return parent === n.parent ? n : { ...n, parent };
    }
    case 'union': {
      const parents = await Promise.all(n.parents.map(prep));
      return parents.every((p, i) => p === n.parents[i]) ? n : { ...n, parents };
    }
    case 'cartesian': {
      const [left, right] = await Promise.all([prep(n.left), prep(n.right)]);
      return left === n.left && right === n.right ? n : { ...n, left, right };
    }
    case 'cogroup': {
      const nodes = await Promise.all(n.parents.map((p) => prep(p.node)));
      return nodes.every((x, i) => x === n.parents[i]!.node) ? n : { ...n, parents: n.parents.map((p, i) => ({ ...p, node: nodes[i]! })) };
    }
    default:
      return assertNever(n, 'rdd node');
  }
}
