// Reduce-side operators over shuffled [key, value] records: combine by key (reduceByKey, groupByKey,
// aggregateByKey…), cogroup of several inputs (join and friends), and sort by key (sortByKey).
import type { Aggregator } from '../rdd-node.js';
import { ExternalSorter } from '../../shuffle/external-sorter.js';
import { SpillableMap } from './spillable-map.js';
import { compareKeys } from '../key-order.js';
import { BATCH } from './sources.js';
import type { TaskEnv } from './task-env.js';

export function* combineByKeyBatches(input: Iterable<unknown[]>, agg: Aggregator, inputIsCombined: boolean, env: TaskEnv): Generator<unknown[]> {
  const map = new SpillableMap(env.memoryLimitBytes, env.localDir, agg.mergeCombiners, env.metrics);
  const update = inputIsCombined ? agg.mergeCombiners : agg.mergeValue;
  const create = inputIsCombined ? identity : agg.createCombiner;
  for (const b of input) {
    for (let i = 0; i < b.length; i++) {
      const rec = b[i] as [unknown, unknown];
      map.update(rec[0], rec[1], create, update);
    }
  }
  yield* entriesToBatches(map.entries());
}

/** cogroup: per key, one array of values per input; spills like combineByKey, merging the arrays side by side. */
export function* cogroupBatches(inputs: readonly Iterable<unknown[]>[], env: TaskEnv): Generator<unknown[]> {
  const n = inputs.length;
  const mergeGroups = (a: unknown, b: unknown): unknown => {
    const x = a as unknown[][];
    (b as unknown[][]).forEach((vs, side) => {
      for (const v of vs) x[side]!.push(v);
    });
    return x;
  };
  const map = new SpillableMap(env.memoryLimitBytes, env.localDir, mergeGroups, env.metrics);
  inputs.forEach((input, side) => {
    const create = (v: unknown): unknown[][] => {
      const groups: unknown[][] = Array.from({ length: n }, () => []);
      groups[side]!.push(v);
      return groups;
    };
    const update = (prev: unknown, v: unknown): unknown => {
      (prev as unknown[][])[side]!.push(v);
      return prev;
    };
    for (const b of input) for (const rec of b as Array<[unknown, unknown]>) map.update(rec[0], rec[1], create, update);
  });
  yield* entriesToBatches(map.entries());
}

/** sortByKey's reduce side: an external sort (sorted runs spilled under the task's memory limit, then merged). */
export function* sortByKeyBatches(input: Iterable<unknown[]>, ascending: boolean, agg: Aggregator | undefined, inputIsCombined: boolean, env: TaskEnv): Generator<unknown[]> {
  let records: Iterable<unknown[]> = input;
  if (agg) records = combineByKeyBatches(input, agg, inputIsCombined, env);
  const sign = ascending ? 1 : -1;
  const sorter = new ExternalSorter<[unknown, unknown]>({
    compare: (a, b) => sign * compareKeys(a[0], b[0]),
    memoryLimitBytes: env.memoryLimitBytes,
    spillDir: env.localDir,
  });
  try {
    for (const b of records) for (const r of b) sorter.insert(r as [unknown, unknown]);
    let out: unknown[] = [];
    for (const r of sorter.sorted()) {
      out.push(r);
      if (out.length === BATCH) {
        yield out;
        out = [];
      }
    }
    if (out.length > 0) yield out;
    const st = sorter.stats;
    env.metrics.diskBytesSpilled += st.bytesSpilled;
  } finally {
    sorter.close();
  }
}

const identity = (v: unknown): unknown => v;

function* entriesToBatches(entries: Iterable<[unknown, unknown]>): Generator<unknown[]> {
  let out: unknown[] = [];
  for (const e of entries) {
    out.push(e);
    if (out.length === BATCH) {
      yield out;
      out = [];
    }
  }
  if (out.length > 0) yield out;
}
