// Window frames: RANGE value offsets by two pointers (asc/desc, NULLS FIRST/LAST, empty frames) and the sliding
// two-stack aggregation, both checked against a brute-force per-row recomputation on random partitions.
import { describe, expect, it } from 'vitest';
import type { Column } from '../../../src/sql/batch/column-batch.js';
import type { Expression, SortOrder } from '../../../src/planner/expr/expression.js';
import type { AggSpec } from '../../../src/planner/physical/physical-plan.js';
import { aggOps } from '../../../src/sql/execution/agg-functions.js';
import { frameBounds, slidingAggregate } from '../../../src/sql/execution/window-frames.js';
import { T } from '../../../src/sql/types/data-type.js';

const bound: Expression = { kind: 'bound', ordinal: 0, type: T.long, nullable: true, name: 'k' };
function f64(values: readonly (number | null)[]): Column {
  return { kind: 'f64', values: Float64Array.from(values.map((v) => v ?? 0)), valid: Uint8Array.from(values.map((v) => (v === null ? 0 : 1))) };
}

function rng(seed: number): () => number {
  let x = seed;
  return () => { x = (x * 1103515245 + 12345) % 2147483648; return x / 2147483648; };
}

/** Sorted keys with NULLs placed as the order says. */
function sortedKeys(r: () => number, n: number, o: SortOrder): (number | null)[] {
  const ks = Array.from({ length: n }, () => (r() < 0.15 ? null : Math.floor(r() * 20)));
  const nn = ks.filter((k): k is number => k !== null).sort((a, b) => (o.direction === 'asc' ? a - b : b - a));
  const nulls = ks.filter((k) => k === null);
  return o.nulls === 'nulls_first' ? [...nulls, ...nn] : [...nn, ...nulls];
}

/** Brute force: row j is in row i's RANGE frame when its key lies within [k + lower, k + upper] in sort direction. */
function inFrame(ki: number | null, kj: number | null, lower: number | null, upper: number | null, o: SortOrder): boolean {
  const sign = o.direction === 'desc' ? -1 : 1;
  const nullsFirst = o.nulls === 'nulls_first';
  // compare kj with the bound value in the sort ordering (NULL bound = NULL key)
  const cmp = (a: number | null, b: number | null): number => {
    if (a === null && b === null) return 0;
    if (a === null) return nullsFirst ? -1 : 1;
    if (b === null) return nullsFirst ? 1 : -1;
    return sign * (a - b);
  };
  const lo = lower === null ? true : cmp(kj, ki === null ? null : ki + sign * lower) >= 0;
  const hi = upper === null ? true : cmp(kj, ki === null ? null : ki + sign * upper) <= 0;
  return lo && hi;
}

const orders: SortOrder[] = [
  { expr: bound, direction: 'asc', nulls: 'nulls_first' }, { expr: bound, direction: 'asc', nulls: 'nulls_last' },
  { expr: bound, direction: 'desc', nulls: 'nulls_last' }, { expr: bound, direction: 'desc', nulls: 'nulls_first' },
];
const frames: [number | null, number | null][] = [[-2, 0], [-3, 1], [0, 4], [1, 3], [-5, -2], [null, 2], [-1, null], [-3, -3]];

describe('RANGE frames with value offsets', () => {
  it('match the brute-force frame for every order and bound shape', () => {
    const r = rng(7);
    for (const o of orders) {
      for (const [lower, upper] of frames) {
        for (let trial = 0; trial < 5; trial++) {
          const n = 1 + Math.floor(r() * 40);
          const keys = sortedKeys(r, n, o);
          const lo = new Int32Array(n);
          const hi = new Int32Array(n);
          frameBounds({ type: 'range', lower, upper }, [f64(keys)], [o], 0, n, lo, hi);
          for (let i = 0; i < n; i++) {
            const members = keys.map((_, j) => j).filter((j) => inFrame(keys[i]!, keys[j]!, lower, upper, o));
            const got = hi[i]! > lo[i]! ? Array.from({ length: hi[i]! - lo[i]! }, (_, k) => lo[i]! + k) : [];
            expect(got, `${o.direction} ${o.nulls} [${lower}, ${upper}] keys ${keys.join(',')} row ${i}`).toEqual(members);
          }
        }
      }
    }
  });

  it('NaN keys (above every number) frame their NaN peers; numbers never reach them through an offset', () => {
    const asc = orders[0]!;
    const lo = new Int32Array(5);
    const hi = new Int32Array(5);
    frameBounds({ type: 'range', lower: -1, upper: 100 }, [f64([null, 1, 2, NaN, NaN])], [asc], 0, 5, lo, hi);
    expect([...lo]).toEqual([0, 1, 1, 3, 3]);
    expect([...hi]).toEqual([1, 3, 3, 5, 5]);
    const desc = orders[2]!;
    frameBounds({ type: 'range', lower: null, upper: 1 }, [f64([NaN, NaN, 2, 1, null])], [desc], 0, 5, lo, hi);
    expect([...lo]).toEqual([0, 0, 0, 0, 0]);
    expect([...hi]).toEqual([2, 2, 4, 4, 5]);
  });

  it('honours the partition offset s', () => {
    const o = orders[0]!;
    const lo = new Int32Array(3);
    const hi = new Int32Array(3);
    frameBounds({ type: 'range', lower: -1, upper: 0 }, [f64([99, 99, 1, 2, 3])], [o], 2, 5, lo, hi);
    expect([...lo]).toEqual([2, 2, 3]);
    expect([...hi]).toEqual([3, 4, 5]);
  });
});

describe('sliding aggregation', () => {
  const spec = (fn: AggSpec['fn']): AggSpec => ({ fn, args: [{ ...bound, type: T.double }], distinct: false, ignoreNulls: false, type: fn === 'count' ? T.long : T.double, text: fn });
  it.each(['sum', 'count', 'avg', 'min', 'max', 'first', 'last'] as const)('%s equals recomputing each frame', (fn) => {
    const r = rng(fn.length * 31);
    const ops = aggOps(spec(fn));
    for (let trial = 0; trial < 30; trial++) {
      const n = 1 + Math.floor(r() * 60);
      const vals = Array.from({ length: n }, () => (r() < 0.2 ? null : Math.round(r() * 100) - 50));
      const col = f64(vals);
      const lo = new Int32Array(n);
      const hi = new Int32Array(n);
      const kind = trial % 3;
      const frame = kind === 0 ? { type: 'rows' as const, lower: -3, upper: 2 } : kind === 1 ? { type: 'rows' as const, lower: null, upper: 0 } : { type: 'rows' as const, lower: 2, upper: 5 };
      frameBounds(frame, [], [], 0, n, lo, hi);
      const out = new Array<unknown>(n);
      slidingAggregate(ops, [col], 0, n, lo, hi, out);
      for (let i = 0; i < n; i++) {
        let st = ops.init();
        for (let j = lo[i]!; j < hi[i]!; j++) st = ops.update(st, [vals[j]]);
        expect(out[i]).toEqual(ops.finish(st));
      }
    }
  });

  it('is linear: 200k rows over a 1000-row sliding frame', () => {
    const n = 200_000;
    const col = f64(Array.from({ length: n }, (_, i) => i % 97));
    const lo = new Int32Array(n);
    const hi = new Int32Array(n);
    frameBounds({ type: 'rows', lower: -1000, upper: 0 }, [], [], 0, n, lo, hi);
    const out = new Array<unknown>(n);
    const t0 = performance.now();
    slidingAggregate(aggOps(spec('max')), [col], 0, n, lo, hi, out);
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(out[n - 1]).toBe(96);
  });
});
