// Reduce-side operators over shuffled [key, value] records: combine by key (reduceByKey, groupByKey,
// aggregateByKey…), cogroup of several inputs (join and friends), and sort by key (sortByKey).
import type { Aggregator } from '../rdd-node.js';
import { KeyMap } from '../key-map.js';
import { compareKeys } from '../key-order.js';
import { BATCH } from './sources.js';
import type { TaskEnv } from './task-env.js';

export function* combineByKeyBatches(input: Iterable<unknown[]>, agg: Aggregator, inputIsCombined: boolean, env: TaskEnv): Generator<unknown[]> {
  const map = new KeyMap<unknown>();
  const merge = inputIsCombined ? agg.mergeCombiners : agg.mergeValue;
  const create = agg.createCombiner;
  let records = 0;
  for (const b of input) {
    records += b.length;
    for (let i = 0; i < b.length; i++) {
      const rec = b[i] as [unknown, unknown];
      const k = rec[0];
      const prev = map.get(k);
      if (prev === undefined && !map.has(k)) map.set(k, inputIsCombined ? rec[1] : create(rec[1]));
      else map.set(k, merge(prev, rec[1]));
    }
  }
  env.metrics.shuffleRecordsRead += records;
  yield* entriesToBatches(map.entries());
}

export function* cogroupBatches(inputs: readonly Iterable<unknown[]>[]): Generator<unknown[]> {
  const n = inputs.length;
  const map = new KeyMap<unknown[][]>();
  inputs.forEach((input, side) => {
    for (const b of input) {
      for (const rec of b as Array<[unknown, unknown]>) {
        let groups = map.get(rec[0]);
        if (!groups) {
          groups = Array.from({ length: n }, () => []);
          map.set(rec[0], groups);
        }
        groups[side]!.push(rec[1]);
      }
    }
  });
  yield* entriesToBatches(map.entries());
}

export function* sortByKeyBatches(input: Iterable<unknown[]>, ascending: boolean, agg: Aggregator | undefined, inputIsCombined: boolean): Generator<unknown[]> {
  let all: Array<[unknown, unknown]> = [];
  for (const b of input) for (const r of b) all.push(r as [unknown, unknown]);
  if (agg) {
    const map = new KeyMap<unknown>();
    for (const [k, v] of all) {
      if (!map.has(k)) map.set(k, inputIsCombined ? v : agg.createCombiner(v));
      else map.set(k, (inputIsCombined ? agg.mergeCombiners : agg.mergeValue)(map.get(k), v));
    }
    all = [...map.entries()];
  }
  const sign = ascending ? 1 : -1;
  all.sort((a, b) => sign * compareKeys(a[0], b[0]));
  for (let i = 0; i < all.length; i += BATCH) yield all.slice(i, i + BATCH);
}

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
