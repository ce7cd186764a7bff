// Stage-graph helpers of the DAG scheduler: the stages a job needs, and where a stage's cached inputs live.
import { narrowAncestry } from '../rdd/lineage.js';
import type { BlockRegistry } from './block-registry.js';
import type { Stage } from './stage.js';

/** Executors holding a cached partition this stage reads (Spark's preferred locations for cached RDDs). */
export function preferredLocations(stage: Stage, partitions: readonly number[], persistedIds: ReadonlyArray<readonly [number, boolean, boolean]>, blocks: BlockRegistry): Map<number, string> | undefined {
  const persisted = new Set(persistedIds.map((p) => p[0]));
  if (persisted.size === 0) return undefined;
  const out = new Map<number, string>();
  for (const p of partitions) {
    for (const { node, partition } of narrowAncestry(stage.rdd, p)) {
      if (!persisted.has(node.id)) continue;
      const ex = blocks.location(node.id, partition);
      if (ex) {
        out.set(p, ex);
        break;
      }
    }
  }
  return out.size > 0 ? out : undefined;
}

/** Every stage the root depends on, parents first. */
export function collectStages(root: Stage): Stage[] {
  const out: Stage[] = [];
  const seen = new Set<Stage>();
  const visit = (s: Stage): void => {
    if (seen.has(s)) return;
    seen.add(s);
    for (const p of s.parents) visit(p);
    out.push(s);
  };
  visit(root);
  return out;
}
