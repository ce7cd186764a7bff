// Range partitioning for global sorts, as Spark's RangePartitioner: executors reservoir-sample the sort keys of
// each input partition (~20 samples per output partition overall), the driver picks weighted range bounds, and
// the map side routes each row to the partition of the first bound not below its key (ties stay together).
import type { ColumnBatch } from '../batch/column-batch.js';
import type { SortOrder } from '../../planner/expr/expression.js';
import { valueAt } from './batch-ops.js';
import { splitByPartition } from './exchange-map.js';
import { projector } from './kernels.js';
import { compareSortKey, sortKeyValues } from './sort.js';

/** One input partition's sample: its row count and up to `perPartition` key tuples. */
export interface KeySample {
  readonly count: number;
  readonly keys: unknown[][];
}

/** Spark's sizes: 20 samples per output partition (at most 1e6), spread 3x over the input partitions. */
export function samplesPerPartition(outPartitions: number, inPartitions: number): number {
  const total = Math.min(20 * outPartitions, 1e6);
  return Math.ceil((3 * total) / Math.max(1, inPartitions));
}

export function compareKeys(order: readonly SortOrder[], a: readonly unknown[], b: readonly unknown[]): number {
  for (let k = 0; k < order.length; k++) {
    const c = compareSortKey(order[k]!, a[k], b[k]);
    if (c !== 0) return c;
  }
  return 0;
}

/** Executor side: a reservoir sample (seeded by the partition index) of this partition's sort keys. */
export function* sampleSortKeys(order: readonly SortOrder[], perPartition: number, index: number, input: Iterable<ColumnBatch>): Iterable<KeySample> {
  const keys: unknown[][] = [];
  let seen = 0;
  let x = (index * 2654435761 + 12345) >>> 0;
  const rand = (): number => { x = (Math.imul(x, 1103515245) + 12345) >>> 0; return x / 4294967296; };
  const project = projector(order.map((o) => o.expr));
  for (const b of input) {
    if (b.numRows === 0) continue;
    const cols = project(b);
    for (let i = 0; i < b.numRows; i++, seen++) {
      const slot = seen < perPartition ? seen : Math.floor(rand() * (seen + 1));
      if (slot < perPartition) keys[slot] = cols.map((c) => valueAt(c, i));
    }
  }
  yield { count: seen, keys };
}

/**
 * Driver side: up to `partitions - 1` strictly increasing bounds cutting the weighted samples into equal shares
 * (a sample of partition p weighs count(p) / samples(p)). Fewer bounds when the keys have few distinct values.
 */
export function determineBounds(order: readonly SortOrder[], samples: readonly KeySample[], partitions: number): unknown[][] {
  const cands: { key: unknown[]; w: number }[] = [];
  for (const s of samples) {
    if (s.keys.length === 0) continue;
    const w = s.count / s.keys.length;
    for (const key of s.keys) cands.push({ key, w });
  }
  if (cands.length === 0 || partitions <= 1) return [];
  cands.sort((a, b) => compareKeys(order, a.key, b.key));
  const total = cands.reduce((t, c) => t + c.w, 0);
  const step = total / partitions;
  const bounds: unknown[][] = [];
  let cum = 0;
  let target = step;
  for (const c of cands) {
    cum += c.w;
    if (cum < target) continue;
    const prev = bounds[bounds.length - 1];
    if (prev === undefined || compareKeys(order, c.key, prev) > 0) {
      bounds.push(c.key);
      if (bounds.length === partitions - 1) break;
    }
    target += step;
  }
  return bounds;
}

/** The partition of a key: the number of bounds strictly below it (binary search). */
export function partitionOf(order: readonly SortOrder[], bounds: readonly (readonly unknown[])[], key: readonly unknown[]): number {
  let lo = 0;
  let hi = bounds.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareKeys(order, key, bounds[mid]!) > 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Executor side, map of the range exchange: [partition, rows] pieces; per-partition bytes go to `sizes`. */
export function rangePartitionBatches(order: readonly SortOrder[], bounds: readonly (readonly unknown[])[], input: Iterable<ColumnBatch>, sizes?: { add(x: unknown): void }): Iterable<[number, ColumnBatch]> {
  return splitByPartition(bounds.length + 1, (b) => partitionIds(order, bounds, b), input, sizes);
}

/** Each row's range partition; one numeric key without NaN bounds searches typed bounds directly. */
export function partitionIds(order: readonly SortOrder[], bounds: readonly (readonly unknown[])[], b: ColumnBatch): Int32Array {
  const rows = b.numRows;
  const pids = new Int32Array(rows);
  const nb = bounds.length;
  if (order.length === 1 && bounds.every((k) => typeof k[0] === 'number' && !Number.isNaN(k[0]))) {
    const c = projector([order[0]!.expr])(b)[0]!;
    if (c.kind === 'i32' || c.kind === 'f64') {
      const o = order[0]!;
      const sign = o.direction === 'asc' ? 1 : -1;
      const bs = Float64Array.from(bounds, (k) => sign * (k[0] as number));
      const nullPid = o.nulls === 'nulls_first' ? 0 : nb;
      const vals = c.values;
      const valid = c.valid;
      for (let i = 0; i < rows; i++) {
        if (valid !== null && valid[i] === 0) { pids[i] = nullPid; continue; }
        const raw = vals[i]!;
        // NaN sorts above every number (ascending): past every bound ascending, before them descending
        if (raw !== raw) { pids[i] = sign > 0 ? nb : 0; continue; }
        const v = sign * raw;
        let lo = 0;
        let hi = nb;
        while (lo < hi) { const mid = (lo + hi) >>> 1; if (v > bs[mid]!) lo = mid + 1; else hi = mid; }
        pids[i] = lo;
      }
      return pids;
    }
  }
  const vals = sortKeyValues(order, b);
  const key = new Array<unknown>(order.length);
  for (let i = 0; i < rows; i++) {
    for (let k = 0; k < key.length; k++) key[k] = vals[k]![i];
    pids[i] = partitionOf(order, bounds, key);
  }
  return pids;
}
