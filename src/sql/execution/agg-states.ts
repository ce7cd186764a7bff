// Per-group aggregation states for hash aggregation, one accumulator per aggregate. count/sum/avg/min/max over
// numeric inputs keep their states in typed arrays and fold whole batches (no per-row values); every other
// aggregate keeps one plain-data state per group through agg-functions.ts. Partial states cross the exchange as
// columns: count → f64, sum/min/max → f64 or i32 with NULLs, avg → obj column of [sum, count] pairs, others → obj.
import type { Column } from '../batch/column-batch.js';
import { physicalKind } from '../batch/column-batch.js';
import { exprType } from '../../planner/expr/expr-type.js';
import type { AggSpec } from '../../planner/physical/physical-plan.js';
import { aggOps, type AggOps, type State } from './agg-functions.js';
import { columnOf, valueAt } from './batch-ops.js';

export interface Accumulator {
  /** Folds rows of the argument columns into groups gids[i] (rows = selected row indices, or all n). */
  update(args: readonly Column[], gids: Int32Array, rows: Int32Array | null, n: number, groups: number): void;
  /** Merges a partial state column into groups gids[i]. */
  merge(state: Column, gids: Int32Array, n: number, groups: number): void;
  partial(groups: number): Column;
  result(groups: number): Column;
}

type Fast = 'count' | 'sum' | 'avg' | 'min' | 'max';

function fastKind(spec: AggSpec): Fast | undefined {
  if (spec.distinct) return undefined;
  if (spec.fn === 'count') return 'count';
  if (spec.fn !== 'sum' && spec.fn !== 'avg' && spec.fn !== 'min' && spec.fn !== 'max') return undefined;
  if (spec.args.length !== 1) return undefined;
  const k = physicalKind(exprType(spec.args[0]!));
  if (k !== 'i32' && k !== 'f64') return undefined;
  if ((spec.fn === 'min' || spec.fn === 'max') && physicalKind(spec.type) !== k) return undefined;
  return spec.fn;
}

function isNull(c: Column, i: number): boolean {
  if (c.valid !== null && c.valid[i] === 0) return true;
  return (c.kind === 'str' || c.kind === 'obj') && (c.values[i] === null || c.values[i] === undefined);
}

function grow(a: Float64Array, n: number, fill = 0): Float64Array {
  if (a.length >= n) return a;
  const b = new Float64Array(Math.max(n, a.length * 2));
  b.set(a);
  if (fill !== 0) b.fill(fill, a.length);
  return b;
}
function growU8(a: Uint8Array, n: number): Uint8Array {
  if (a.length >= n) return a;
  const b = new Uint8Array(Math.max(n, a.length * 2));
  b.set(a);
  return b;
}

class NumericAcc implements Accumulator {
  private sum: Float64Array = new Float64Array(16);
  private cnt: Float64Array = new Float64Array(16);
  private has: Uint8Array = new Uint8Array(16);
  private readonly rescale: number;
  private readonly argScale: number;

  constructor(private readonly spec: AggSpec, private readonly fast: Fast) {
    const argType = spec.args[0] === undefined ? undefined : exprType(spec.args[0]);
    this.argScale = argType?.kind === 'decimal' ? argType.scale : 0;
    this.rescale = spec.type.kind === 'decimal' ? 10 ** (spec.type.scale - this.argScale) : 1;
  }

  private ensure(groups: number): void {
    this.sum = grow(this.sum, groups);
    this.cnt = grow(this.cnt, groups);
    this.has = growU8(this.has, groups);
  }

  update(args: readonly Column[], gids: Int32Array, rows: Int32Array | null, n: number, groups: number): void {
    this.ensure(groups);
    const cnt = this.cnt, sum = this.sum, has = this.has;
    if (this.fast === 'count') {
      for (let i = 0; i < n; i++) {
        const r = rows === null ? i : rows[i]!;
        let ok = true;
        for (let a = 0; a < args.length; a++) if (isNull(args[a]!, r)) { ok = false; break; }
        if (ok) cnt[gids[r]!]! += 1;
      }
      return;
    }
    const c = args[0]!;
    if (c.kind !== 'i32' && c.kind !== 'f64') {
      for (let i = 0; i < n; i++) { const r = rows === null ? i : rows[i]!; const v = valueAt(c, r); if (v !== null) this.add(gids[r]!, Number(v)); }
      return;
    }
    const v = c.values, valid = c.valid;
    if (this.fast === 'sum' || this.fast === 'avg') {
      if (rows === null && valid === null) {
        for (let r = 0; r < n; r++) { const g = gids[r]!; sum[g]! += v[r]!; cnt[g]! += 1; has[g] = 1; }
      } else {
        for (let i = 0; i < n; i++) {
          const r = rows === null ? i : rows[i]!;
          if (valid !== null && valid[r] === 0) continue;
          const g = gids[r]!; sum[g]! += v[r]!; cnt[g]! += 1; has[g] = 1;
        }
      }
      return;
    }
    for (let i = 0; i < n; i++) {
      const r = rows === null ? i : rows[i]!;
      if (valid !== null && valid[r] === 0) continue;
      this.add(gids[r]!, v[r]!);
    }
  }

  private add(g: number, x: number): void {
    switch (this.fast) {
      case 'count': this.cnt[g]! += 1; return;
      case 'sum': case 'avg': this.sum[g]! += x; this.cnt[g]! += 1; this.has[g] = 1; return;
      case 'min': if (this.has[g] === 0 || x < this.sum[g]!) this.sum[g] = x; this.has[g] = 1; return;
      case 'max': if (this.has[g] === 0 || x > this.sum[g]!) this.sum[g] = x; this.has[g] = 1; return;
    }
  }

  merge(state: Column, gids: Int32Array, n: number, groups: number): void {
    this.ensure(groups);
    if (this.fast === 'count') {
      const v = (state as { values: Float64Array }).values;
      for (let r = 0; r < n; r++) this.cnt[gids[r]!]! += v[r]!;
      return;
    }
    if (this.fast === 'avg') {
      const v = (state as { values: readonly unknown[] }).values;
      for (let r = 0; r < n; r++) {
        const p = v[r] as [number, number], g = gids[r]!;
        if (p[1] === 0) continue;
        this.sum[g]! += p[0]; this.cnt[g]! += p[1]; this.has[g] = 1;
      }
      return;
    }
    const c = state as { values: Float64Array | Int32Array; valid: Uint8Array | null };
    for (let r = 0; r < n; r++) {
      if (c.valid !== null && c.valid[r] === 0) continue;
      const g = gids[r]!, x = c.values[r]!;
      if (this.fast === 'sum') { this.sum[g]! += x; this.has[g] = 1; } else this.add(g, x);
    }
  }

  partial(groups: number): Column {
    this.ensure(groups);
    switch (this.fast) {
      case 'count': return { kind: 'f64', values: this.cnt.slice(0, groups), valid: null };
      case 'avg': {
        const v = new Array<unknown>(groups);
        for (let g = 0; g < groups; g++) v[g] = [this.sum[g]!, this.cnt[g]!];
        return { kind: 'obj', values: v, valid: null };
      }
      default: return this.numeric(groups, physicalKind(this.fast === 'sum' ? { kind: 'double' } : this.spec.type) === 'i32', (g) => this.sum[g]!);
    }
  }

  result(groups: number): Column {
    this.ensure(groups);
    const t = this.spec.type;
    switch (this.fast) {
      case 'count': return { kind: 'f64', values: this.cnt.slice(0, groups), valid: null };
      case 'sum': {
        const dec = t.kind === 'decimal', rs = this.rescale;
        return this.numeric(groups, physicalKind(t) === 'i32', (g) => (dec ? Math.round(this.sum[g]! * rs) : this.sum[g]!));
      }
      case 'avg': {
        const dec = t.kind === 'decimal', rs = this.rescale, div = 10 ** this.argScale;
        const out = new Array<unknown>(groups);
        for (let g = 0; g < groups; g++) {
          const n = this.cnt[g]!;
          if (n === 0) { out[g] = null; continue; }
          const v = this.sum[g]! / n;
          out[g] = dec ? Math.round(v * rs) : v / div;
        }
        return columnOf(t, out);
      }
      default: return this.numeric(groups, physicalKind(t) === 'i32', (g) => this.sum[g]!);
    }
  }

  private numeric(groups: number, asI32: boolean, value: (g: number) => number): Column {
    let valid: Uint8Array | null = null;
    const out = asI32 ? new Int32Array(groups) : new Float64Array(groups);
    for (let g = 0; g < groups; g++) {
      if (this.has[g] === 0) { valid ??= new Uint8Array(groups).fill(1); valid[g] = 0; continue; }
      out[g] = value(g);
    }
    return asI32 ? { kind: 'i32', values: out as Int32Array, valid } : { kind: 'f64', values: out as Float64Array, valid };
  }
}

class GenericAcc implements Accumulator {
  private readonly ops: AggOps;
  private readonly states: State[] = [];
  private readonly args: unknown[];

  constructor(private readonly spec: AggSpec) {
    this.ops = aggOps(spec);
    this.args = new Array<unknown>(spec.args.length);
  }

  private ensure(groups: number): void {
    while (this.states.length < groups) this.states.push(this.ops.init());
  }

  update(args: readonly Column[], gids: Int32Array, rows: Int32Array | null, n: number, groups: number): void {
    this.ensure(groups);
    const a = this.args;
    for (let i = 0; i < n; i++) {
      const r = rows === null ? i : rows[i]!;
      for (let c = 0; c < args.length; c++) a[c] = valueAt(args[c]!, r);
      this.states[gids[r]!] = this.ops.update(this.states[gids[r]!], a);
    }
  }

  merge(state: Column, gids: Int32Array, n: number, groups: number): void {
    this.ensure(groups);
    for (let r = 0; r < n; r++) this.states[gids[r]!] = this.ops.merge(this.states[gids[r]!], valueAt(state, r));
  }

  partial(groups: number): Column {
    this.ensure(groups);
    return { kind: 'obj', values: this.states.slice(0, groups), valid: null };
  }

  result(groups: number): Column {
    this.ensure(groups);
    return columnOf(this.spec.type, this.states.slice(0, groups).map((s) => this.ops.finish(s)));
  }
}

export function accumulator(spec: AggSpec): Accumulator {
  const fast = fastKind(spec);
  return fast ? new NumericAcc(spec, fast) : new GenericAcc(spec);
}
