// Stage splitting for RDD lineage, a pure function: cut at every shuffle dependency. The result is the final
// (result) stage plus one shuffle-map stage per shuffle, each naming the shuffles it reads. Shuffle-map stages are
// identified by shuffle id, so a later job that reads the same shuffle reuses (skips) the stage.
import type { ShuffleId } from '../../common/ids.js';
import { directShuffleDeps, numPartitions } from '../../rdd/lineage.js';
import type { RddNode, ShuffleDep } from '../../rdd/rdd-node.js';

export interface ShuffleStagePlan {
  readonly kind: 'shuffle-map';
  readonly dep: ShuffleDep;
  /** The RDD whose partitions the map tasks compute (the dependency's parent). */
  readonly rdd: RddNode;
  readonly numTasks: number;
  readonly parents: readonly ShuffleId[];
}

export interface ResultStagePlan {
  readonly kind: 'result';
  readonly rdd: RddNode;
  readonly numTasks: number;
  readonly parents: readonly ShuffleId[];
}

export interface StageGraph {
  readonly result: ResultStagePlan;
  /** Every shuffle stage the result needs, parents before children. */
  readonly shuffleStages: ReadonlyMap<ShuffleId, ShuffleStagePlan>;
}

export function splitRddStages(finalRdd: RddNode): StageGraph {
  const shuffleStages = new Map<ShuffleId, ShuffleStagePlan>();
  const visitDep = (dep: ShuffleDep): void => {
    if (shuffleStages.has(dep.shuffleId)) return;
    const parents = directShuffleDeps(dep.parent);
    for (const p of parents) visitDep(p);
    shuffleStages.set(dep.shuffleId, {
      kind: 'shuffle-map',
      dep,
      rdd: dep.parent,
      numTasks: numPartitions(dep.parent),
      parents: parents.map((p) => p.shuffleId),
    });
  };
  const parents = directShuffleDeps(finalRdd);
  for (const p of parents) visitDep(p);
  return {
    result: { kind: 'result', rdd: finalRdd, numTasks: numPartitions(finalRdd), parents: parents.map((p) => p.shuffleId) },
    shuffleStages,
  };
}

/** Renders the stage graph for tests and logs: one line per stage, parents first. */
export function renderStageGraph(g: StageGraph): string {
  const lines: string[] = [];
  for (const [id, s] of g.shuffleStages) lines.push(`ShuffleMapStage(shuffle=${id}, rdd=${s.rdd.id}, tasks=${s.numTasks}, parents=[${s.parents.join(',')}])`);
  lines.push(`ResultStage(rdd=${g.result.rdd.id}, tasks=${g.result.numTasks}, parents=[${g.result.parents.join(',')}])`);
  return lines.join('\n');
}
