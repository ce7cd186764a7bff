// splitRddStages as a pure function: RDD lineage built through the public RDD API over a fake context that can
// never run a job, cut into shuffle-map stages plus the result stage.
import { describe, expect, it } from 'vitest';
import type { RddId, ShuffleId } from '../../../src/common/ids.js';
import { renderStageGraph, splitRddStages, type StageGraph } from '../../../src/planner/stages/split-rdd.js';
import type { RddContext } from '../../../src/rdd/rdd-context.js';
import type { RddNode } from '../../../src/rdd/rdd-node.js';
import { RDD } from '../../../src/rdd/rdd.js';
import type { StorageLevel } from '../../../src/rdd/storage-level.js';

function fakeContext(defaultParallelism = 2): RddContext {
  let rdd = 0;
  let shuffle = 0;
  const levels = new Map<number, StorageLevel>();
  const replacements = new Map<number, RddNode>();
  return {
    newRddId: () => rdd++ as RddId,
    newShuffleId: () => shuffle++ as ShuffleId,
    defaultParallelism,
    defaultParallelismSet: false,
    runJob: () => Promise.reject(new Error('stage splitting must not run jobs')),
    persist: (id, level) => { levels.set(id, level); },
    unpersist: (id) => { levels.delete(id); },
    storageLevelOf: (id) => levels.get(id),
    checkpointDir: undefined,
    replacementFor: (id) => replacements.get(id),
    setReplacement: (id, node) => { replacements.set(id, node); },
  };
}

function parallelize<T>(ctx: RddContext, n: number, data: T[] = []): RDD<T> {
  return new RDD<T>(ctx, { kind: 'parallelize', id: ctx.newRddId(), numPartitions: n, slices: Array.from({ length: n }, () => data) });
}

const total = (g: StageGraph): number => g.shuffleStages.size + 1;

describe('splitRddStages', () => {
  it('a narrow-only lineage is a single result stage', () => {
    const ctx = fakeContext();
    const rdd = parallelize<number>(ctx, 3).map((x) => x + 1).filter((x) => x > 0).union(parallelize<number>(ctx, 2)).coalesce(2);
    const g = splitRddStages(rdd.node);
    expect(total(g)).toBe(1);
    expect(g.result.numTasks).toBe(2);
    expect(g.result.parents).toEqual([]);
  });

  it('map → reduceByKey is one shuffle-map stage plus the result stage', () => {
    const ctx = fakeContext();
    const src = parallelize<string>(ctx, 4);
    const counts = src.map((w) => [w, 1] as [string, number]).reduceByKey((a, b) => a + b, 3);
    const g = splitRddStages(counts.node);
    expect(total(g)).toBe(2);
    const [[sid, stage]] = [...g.shuffleStages];
    expect(stage.numTasks).toBe(4); // one map task per parent partition
    expect(stage.parents).toEqual([]);
    expect(stage.dep.aggregator).toBeDefined();
    expect(stage.dep.mapSideCombine).toBe(true);
    expect(g.result.numTasks).toBe(3);
    expect(g.result.parents).toEqual([sid]);
    expect(renderStageGraph(g)).toBe(
      `ShuffleMapStage(shuffle=${sid}, rdd=${stage.rdd.id}, tasks=4, parents=[])\nResultStage(rdd=${counts.id}, tasks=3, parents=[${sid}])`,
    );
  });

  it('join of two non-partitioned RDDs: two shuffle-map stages and the result (3 stages)', () => {
    const ctx = fakeContext();
    const a = parallelize<[string, number]>(ctx, 3);
    const b = parallelize<[string, string]>(ctx, 5);
    const g = splitRddStages(a.join(b).node);
    expect(total(g)).toBe(3);
    expect([...g.shuffleStages.values()].map((s) => s.numTasks).sort()).toEqual([3, 5]);
    expect(g.result.parents).toHaveLength(2);
    expect(g.result.numTasks).toBe(5); // the larger parent's partition count
  });

  it('join of two RDDs already reduceByKey\'d with the same partition count adds no shuffle', () => {
    const ctx = fakeContext();
    const a = parallelize<[string, number]>(ctx, 3).reduceByKey((x, y) => x + y, 4);
    const b = parallelize<[string, number]>(ctx, 2).reduceByKey((x, y) => x + y, 4);
    const before = { a: splitRddStages(a.node).shuffleStages.size, b: splitRddStages(b.node).shuffleStages.size };
    const joined = a.join(b);
    const g = splitRddStages(joined.node);
    expect(g.shuffleStages.size).toBe(before.a + before.b); // only the two reduceByKey shuffles
    expect(total(g)).toBe(3);
    expect(g.result.numTasks).toBe(4);
    expect(joined.partitioner?.numPartitions).toBe(4);
    // mapValues/filter keep the partitioner, so they still join without a shuffle; map does not
    expect(splitRddStages(a.mapValues((v) => v * 2).join(b.filter(() => true)).node).shuffleStages.size).toBe(2);
    expect(splitRddStages(a.map((kv) => kv).join(b).node).shuffleStages.size).toBe(3);
  });

  it('with different partition counts only the side not partitioned by the larger partitioner is reshuffled', () => {
    const ctx = fakeContext();
    const a = parallelize<[string, number]>(ctx, 3).reduceByKey((x, y) => x + y, 3);
    const b = parallelize<[string, number]>(ctx, 2).reduceByKey((x, y) => x + y, 6);
    const g = splitRddStages(a.join(b).node);
    expect(g.shuffleStages.size).toBe(3);
    expect(g.result.numTasks).toBe(6);
  });

  it('reduceByKey on an RDD already hash-partitioned the same way does not shuffle again', () => {
    const ctx = fakeContext();
    const p = parallelize<[number, number]>(ctx, 3).partitionBy(4);
    expect(splitRddStages(p.reduceByKey((a, b) => a + b).node).shuffleStages.size).toBe(1);
    expect(splitRddStages(p.reduceByKey((a, b) => a + b, 5).node).shuffleStages.size).toBe(2);
    expect(splitRddStages(p.groupByKey(4).node).shuffleStages.size).toBe(1);
  });

  it('chained shuffles list parents before children and record their parent shuffles', () => {
    const ctx = fakeContext();
    const r = parallelize<[string, number]>(ctx, 4)
      .reduceByKey((a, b) => a + b, 3)
      .map(([k, v]) => [v, k] as [number, string])
      .groupByKey(2)
      .sortByKey(true, 5);
    const g = splitRddStages(r.node);
    const stages = [...g.shuffleStages.entries()];
    expect(stages).toHaveLength(3);
    expect(stages.map(([, s]) => s.numTasks)).toEqual([4, 3, 2]);
    expect(stages[0]![1].parents).toEqual([]);
    expect(stages[1]![1].parents).toEqual([stages[0]![0]]);
    expect(stages[2]![1].parents).toEqual([stages[1]![0]]);
    expect(g.result.parents).toEqual([stages[2]![0]]);
    expect(g.result.numTasks).toBe(5);
  });

  it('a shuffle used twice in one lineage (diamond) is one stage', () => {
    const ctx = fakeContext();
    const reduced = parallelize<[string, number]>(ctx, 3).reduceByKey((a, b) => a + b, 2);
    const g = splitRddStages(reduced.union(reduced.mapValues((v) => -v)).node);
    expect(g.shuffleStages.size).toBe(1);
    expect(g.result.parents).toEqual([...g.shuffleStages.keys()]); // read through both branches, listed once
    const self = splitRddStages(reduced.join(reduced).node);
    expect(self.shuffleStages.size).toBe(1);
  });

  it('distinct, repartition, intersection and subtract each add the expected shuffles', () => {
    const ctx = fakeContext();
    const a = parallelize<number>(ctx, 3);
    const b = parallelize<number>(ctx, 2);
    expect(splitRddStages(a.distinct().node).shuffleStages.size).toBe(1);
    expect(splitRddStages(a.repartition(5).node).shuffleStages.size).toBe(1);
    expect(splitRddStages(a.coalesce(1).node).shuffleStages.size).toBe(0);
    expect(splitRddStages(a.intersection(b).node).shuffleStages.size).toBe(2);
    expect(splitRddStages(a.subtract(b).node).shuffleStages.size).toBe(2);
    expect(splitRddStages(a.cartesian(b).node).shuffleStages.size).toBe(0);
  });
});

describe('toDebugString of a shuffled lineage', () => {
  it('contains ShuffledRDD and a "+-" branch at the shuffle boundary', () => {
    const ctx = fakeContext();
    const counts = parallelize<string>(ctx, 2).map((w) => [w, 1] as [string, number]).reduceByKey((a, b) => a + b, 3);
    const s = counts.toDebugString();
    const lines = s.split('\n');
    expect(lines[0]).toMatch(/^\(3\) ShuffledRDD\[\d+\]/);
    expect(lines[1]).toMatch(/^ \+-\(2\) MapPartitionsRDD\[\d+\]/);
    expect(lines[2]).toMatch(/^ {4}\|  ParallelCollectionRDD\[\d+\]/);
    expect(lines).toHaveLength(3);
  });
});
