// Aggregate function states for hash aggregation: create / update with an input value / merge two states /
// finish into the result value (physical representation). States are plain data so partial results cross the
// exchange; DISTINCT aggregates keep the set of distinct values and apply the function to it at the end.
import { TsSparkError } from '../../common/errors.js';
import { exprType } from '../../planner/expr/expr-type.js';
import type { AggSpec } from '../../planner/physical/physical-plan.js';
import type { DataType } from '../types/data-type.js';

export type State = unknown;

export interface AggOps {
  init(): State;
  /** Folds one input row's argument values (already filtered; NULL handling is the function's). */
  update(s: State, args: readonly unknown[]): State;
  merge(a: State, b: State): State;
  finish(s: State): unknown;
}

const cmp = (a: unknown, b: unknown): number => ((a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : 0);

function scaleOf(t: DataType | undefined): number {
  return t?.kind === 'decimal' ? t.scale : 0;
}

function base(spec: AggSpec): AggOps {
  // Every argument kind (CASE, arithmetic, casts…) carries its type: a decimal input's scale decides the rescale.
  const argType = spec.args[0] === undefined ? undefined : exprType(spec.args[0]);
  const rescale = spec.type.kind === 'decimal' ? 10 ** (spec.type.scale - scaleOf(argType)) : 1;
  const intResult = spec.type.kind === 'long' || spec.type.kind === 'int';
  switch (spec.fn) {
    case 'count':
      return { init: () => 0, update: (s, a) => (a.every((v) => v !== null) ? (s as number) + 1 : s), merge: (a, b) => (a as number) + (b as number), finish: (s) => s };
    case 'count_if':
      return { init: () => 0, update: (s, a) => (a[0] === true ? (s as number) + 1 : s), merge: (a, b) => (a as number) + (b as number), finish: (s) => s };
    case 'sum':
      return {
        init: () => null,
        update: (s, a) => (a[0] === null ? s : s === null ? Number(a[0]) : (s as number) + Number(a[0])),
        merge: (a, b) => (a === null ? b : b === null ? a : (a as number) + (b as number)),
        finish: (s) => (s === null ? null : intResult ? wrapLong(s as number) : spec.type.kind === 'decimal' ? Math.round((s as number) * rescale) : s),
      };
    case 'avg':
      return {
        init: () => [0, 0],
        update: (s, a) => { if (a[0] === null) return s; const t = s as number[]; t[0]! += Number(a[0]); t[1]! += 1; return t; },
        merge: (a, b) => [(a as number[])[0]! + (b as number[])[0]!, (a as number[])[1]! + (b as number[])[1]!],
        finish: (s) => { const [sum, n] = s as number[]; if (n === 0) return null; const v = sum! / n!; return spec.type.kind === 'decimal' ? Math.round(v * rescale) : v / 10 ** scaleOf(argType); },
      };
    case 'min': case 'max': {
      const sign = spec.fn === 'min' ? -1 : 1;
      const better = (a: unknown, b: unknown): unknown => (a === null ? b : b === null ? a : cmp(b, a) * sign > 0 ? b : a);
      return { init: () => null, update: (s, a) => better(s, a[0]), merge: better, finish: (s) => s };
    }
    case 'max_by': case 'min_by': {
      // state: null or [value, ordering]; rows with a NULL ordering are skipped, ties keep the earlier row (Spark's MaxMinBy)
      const sign = spec.fn === 'min_by' ? -1 : 1;
      const better = (a: unknown, b: unknown): unknown => (a === null ? b : b === null ? a : cmp((b as unknown[])[1], (a as unknown[])[1]) * sign > 0 ? b : a);
      return {
        init: () => null,
        update: (s, a) => (a[1] === null || a[1] === undefined ? s : better(s, [a[0] ?? null, a[1]])),
        merge: better,
        finish: (s) => (s === null ? null : (s as unknown[])[0]),
      };
    }
    case 'first': case 'last': case 'any_value': {
      const isLast = spec.fn === 'last';
      return {
        init: () => null,
        update: (s, a) => { if (spec.ignoreNulls && a[0] === null) return s; return s === null || isLast ? [a[0]] : s; },
        merge: (a, b) => (a === null ? b : b === null ? a : isLast ? b : a),
        finish: (s) => (s === null ? null : (s as unknown[])[0]),
      };
    }
    case 'collect_list': case 'collect_set':
      return {
        init: () => [],
        update: (s, a) => { if (a[0] !== null) (s as unknown[]).push(a[0]); return s; },
        merge: (a, b) => [...(a as unknown[]), ...(b as unknown[])],
        finish: (s) => (spec.fn === 'collect_set' ? dedupe(s as unknown[]) : s),
      };
    case 'stddev_samp': case 'stddev_pop': case 'var_samp': case 'var_pop':
      return {
        init: () => [0, 0, 0],
        update: (s, a) => {
          if (a[0] === null) return s;
          const t = s as number[];
          const x = Number(a[0]) / 10 ** scaleOf(argType);
          t[0]! += 1; const d = x - t[1]!; t[1]! += d / t[0]!; t[2]! += d * (x - t[1]!);
          return t;
        },
        merge: (a, b) => {
          const [na, ma, qa] = a as number[]; const [nb, mb, qb] = b as number[];
          const n = na! + nb!; if (n === 0) return [0, 0, 0];
          const d = mb! - ma!;
          return [n, ma! + (d * nb!) / n, qa! + qb! + (d * d * na! * nb!) / n];
        },
        finish: (s) => {
          const [n, , m2] = s as number[];
          if (n === 0) return null;
          const pop = spec.fn.endsWith('pop');
          // Spark 3.1+ (spark.sql.legacy.statisticalAggregate=false): a sample statistic of one row is NULL, not NaN
          if (!pop && n === 1) return null;
          const v = m2! / (pop ? n! : n! - 1);
          return spec.fn.startsWith('stddev') ? Math.sqrt(v) : v;
        },
      };
    case 'bool_and': case 'bool_or': {
      const and = spec.fn === 'bool_and';
      const f = (a: unknown, b: unknown): unknown => (a === null ? b : b === null ? a : and ? a && b : a || b);
      return { init: () => null, update: (s, a) => f(s, a[0]), merge: f, finish: (s) => s };
    }
    case 'approx_count_distinct':
      return { init: () => [], update: (s, a) => { if (a[0] !== null) (s as unknown[]).push(a[0]); return s; }, merge: (a, b) => dedupe([...(a as unknown[]), ...(b as unknown[])]), finish: (s) => dedupe(s as unknown[]).length };
    default:
      throw new TsSparkError('UNSUPPORTED', `aggregate function ${spec.fn} is not supported by hash aggregation`);
  }
}

function wrapLong(v: number): number {
  return v;
}

function dedupe(xs: readonly unknown[]): unknown[] {
  const seen = new Set<string>();
  const out: unknown[] = [];
  for (const x of xs) {
    const k = typeof x === 'object' ? JSON.stringify(x) : `${typeof x}:${String(x)}`;
    if (!seen.has(k)) { seen.add(k); out.push(x); }
  }
  return out;
}

/** The ops of one aggregate; DISTINCT collects the distinct argument tuples and folds them at finish. */
export function aggOps(spec: AggSpec): AggOps {
  const inner = base(spec);
  if (!spec.distinct) return inner;
  return {
    init: () => [],
    update: (s, a) => { if (a.every((v) => v !== null)) (s as unknown[]).push(a.length === 1 ? a[0] : [...a]); return s; },
    merge: (a, b) => dedupe([...(a as unknown[]), ...(b as unknown[])]),
    finish: (s) => {
      let st = inner.init();
      for (const v of dedupe(s as unknown[])) st = inner.update(st, spec.args.length === 1 ? [v] : (v as unknown[]));
      return inner.finish(st);
    },
  };
}
