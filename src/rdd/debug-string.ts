// rdd.toDebugString(): the lineage as Spark prints it — one line per RDD, indented under its child, with a
// "+-" branch and one more indentation level at every shuffle boundary.
import { assertNever } from '../common/assert.js';
import { numPartitions } from './lineage.js';
import type { RddNode } from './rdd-node.js';
import type { StorageLevel } from './storage-level.js';

/** `checkpointOf` gives a checkpointed RDD's file node: it is printed as the RDD's only child, as in Spark. */
export function debugString(root: RddNode, levelOf: (id: number) => StorageLevel | undefined, checkpointOf: (id: number) => RddNode | undefined = () => undefined): string {
  const lines: string[] = [];
  const visit = (n: RddNode, indent: string, how: 'root' | 'narrow' | 'shuffle'): void => {
    const lvl = levelOf(n.id);
    const desc = `${label(n)}[${n.id}] [${lvl ? describeLevel(lvl) : ''}]`;
    if (how === 'root') lines.push(`(${numPartitions(n)}) ${desc}`);
    else if (how === 'narrow') lines.push(`${indent} |  ${desc}`);
    else lines.push(`${indent} +-(${numPartitions(n)}) ${desc}`);
    const next = how === 'shuffle' ? `${indent}   ` : indent;
    const ckpt = n.kind === 'checkpoint-file' ? undefined : checkpointOf(n.id);
    const children = ckpt ? [{ node: ckpt, shuffle: false }] : childrenOf(n);
    for (const c of children) visit(c.node, next, c.shuffle ? 'shuffle' : 'narrow');
  };
  visit(root, '', 'root');
  return lines.join('\n');
}

function describeLevel(l: StorageLevel): string {
  const parts = [l.useDisk ? 'Disk' : '', l.useMemory ? 'Memory' : '', l.deserialized ? 'Deserialized' : 'Serialized'].filter(Boolean);
  return `${parts.join(' ')} ${l.replication}x Replicated`;
}

function label(n: RddNode): string {
  const name = n.name ? `${n.name} ` : '';
  switch (n.kind) {
    case 'parallelize': return `${name}ParallelCollectionRDD`;
    case 'range': return `${name}RangeRDD`;
    case 'text-file': return `${n.path} MapPartitionsRDD`;
    case 'whole-text-files': return `${n.path} WholeTextFileRDD`;
    case 'empty': return `${name}EmptyRDD`;
    case 'checkpoint-file': return `${name}ReliableCheckpointRDD`;
    case 'element': return `${name}MapPartitionsRDD`;
    case 'map-partitions': return `${name}MapPartitionsRDD`;
    case 'glom': return `${name}MapPartitionsRDD`;
    case 'sample': return `${name}PartitionwiseSampledRDD`;
    case 'zip-with-index': return `${name}ZippedWithIndexRDD`;
    case 'union': return `${name}UnionRDD`;
    case 'coalesce': return `${name}CoalescedRDD`;
    case 'cartesian': return `${name}CartesianRDD`;
    case 'shuffled': return `${name}ShuffledRDD`;
    case 'cogroup': return `${name}CoGroupedRDD`;
    default: return assertNever(n, 'rdd node');
  }
}

function childrenOf(n: RddNode): Array<{ node: RddNode; shuffle: boolean }> {
  switch (n.kind) {
    case 'shuffled': return [{ node: n.parent, shuffle: true }];
    case 'cogroup': return n.parents.map((p) => ({ node: p.node, shuffle: p.dep === 'shuffle' }));
    case 'union': return n.parents.map((p) => ({ node: p, shuffle: false }));
    case 'cartesian': return [{ node: n.left, shuffle: false }, { node: n.right, shuffle: false }];
    case 'element': case 'map-partitions': case 'glom': case 'sample': case 'zip-with-index': case 'coalesce':
      return [{ node: n.parent, shuffle: false }];
    default: return [];
  }
}
