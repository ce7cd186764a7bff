// The map side of a shuffle: computes a partition of the dependency's parent and hands each [key, value] record
// to the shuffle writer under its reduce partition. With map-side combine, records are first combined in a
// bounded hash map that is flushed to the writer as partial combiners whenever it grows too large
// (correct because the reduce side merges combiners again).
import type { ShuffleDep } from '../rdd-node.js';
import { KeyMap } from '../key-map.js';
import { partitionFunction } from '../partitioner.js';
import type { TaskEnv } from './task-env.js';
import { runElements } from './run-elements.js';

export interface PartitionedRecordWriter {
  write(partition: number, record: unknown): void;
}

/** Entries held by a map-side combiner before it flushes partial aggregates to the writer. */
const COMBINE_FLUSH_ENTRIES = 1 << 20;

export function runShuffleMap(dep: ShuffleDep, mapId: number, env: TaskEnv, writer: PartitionedRecordWriter): void {
  const partOf = partitionFunction(dep.partitioner);
  const agg = dep.aggregator;
  if (!agg || !dep.mapSideCombine) {
    runElements(dep.parent, mapId, env, (rec: unknown) => writer.write(partOf((rec as [unknown, unknown])[0]), rec));
    return;
  }
  const map = new KeyMap<unknown>();
  const create = agg.createCombiner;
  const mergeValue = agg.mergeValue;
  const flush = (): void => {
    for (const [k, c] of map.entries()) writer.write(partOf(k), [k, c]);
    map.clear();
  };
  runElements(dep.parent, mapId, env, (rec: unknown) => {
    const r = rec as [unknown, unknown];
    const k = r[0];
    const prev = map.get(k);
    if (prev === undefined && !map.has(k)) {
      map.set(k, create(r[1]));
      if (map.size >= COMBINE_FLUSH_ENTRIES) flush();
    } else map.set(k, mergeValue(prev, r[1]));
  });
  flush();
}
