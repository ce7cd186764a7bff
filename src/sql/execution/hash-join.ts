// Hash join (executor side): builds a chained hash table over the build side's key columns and probes it with the
// stream side's batches; the residual condition filters candidate pairs; outer sides are NULL-padded, unmatched
// build rows are emitted after the stream ends. Rows with NULL keys never match unless keys are null-safe.
// A build side past the task's memory budget is joined bucket by bucket instead (spill/grace-join.ts).
import type { Column, ColumnBatch } from '../batch/column-batch.js';
import type { Expression } from '../../planner/expr/expression.js';
import type { JoinType } from '../../planner/logical/logical-plan.js';
import { concatAll, gatherColumn, valueAt } from './batch-ops.js';
import { projector, selector } from './kernels.js';
import { anyNullAt, hashRows, sameValue } from './row-hash.js';
import { batchBytes } from './spill/batch-bytes.js';
import { graceHashJoin } from './spill/grace-join.js';
import { spillEnv } from './spill/spill-env.js';

export interface JoinSpec {
  readonly joinType: JoinType;
  readonly buildSide: 'left' | 'right';
  readonly leftKeys: readonly Expression[];
  readonly rightKeys: readonly Expression[];
  readonly condition?: Expression;
  readonly nullSafe?: boolean;
  /** Column counts of each side (for NULL padding of empty inputs). */
  readonly leftWidth: number;
  readonly rightWidth: number;
}

type Num = Int32Array | Float64Array;

/** The values of numeric key columns (undefined when any key is not i32/f64). */
function numericValues(keys: readonly Column[]): Num[] | undefined {
  const out: Num[] = [];
  for (const c of keys) {
    if (c.kind !== 'i32' && c.kind !== 'f64') return undefined;
    out.push(c.values);
  }
  return out;
}

function sameNumbers(sk: readonly Num[], bk: readonly Num[], r: number, j: number): boolean {
  for (let k = 0; k < sk.length; k++) { const x = sk[k]![r]!, y = bk[k]![j]!; if (x !== y && (x === x || y === y)) return false; }
  return true;
}

function probe1(sk: Num, bk: Num, sh: Int32Array, bh: Int32Array, head: Int32Array, next: Int32Array, cap: number, rows: number, pairs: PairBuffer): void {
  for (let r = 0; r < rows; r++) {
    const h = sh[r]!, x = sk[r]!;
    for (let j = head[h & (cap - 1)]!; j >= 0; j = next[j]!) { const y = bk[j]!; if (bh[j] === h && (y === x || (y !== y && x !== x))) pairs.push(r, j); }
  }
}

/** Growable (stream row, build row) index pairs. */
class PairBuffer {
  private s: Int32Array;
  private b: Int32Array;
  n = 0;
  constructor(cap: number) {
    this.s = new Int32Array(Math.max(16, cap));
    this.b = new Int32Array(Math.max(16, cap));
  }
  push(r: number, j: number): void {
    if (this.n === this.s.length) {
      const s = new Int32Array(this.n * 2); s.set(this.s); this.s = s;
      const b = new Int32Array(this.n * 2); b.set(this.b); this.b = b;
    }
    this.s[this.n] = r;
    this.b[this.n++] = j;
  }
  streamRows(): Int32Array { return this.s.slice(0, this.n); }
  buildRows(): Int32Array { return this.b.slice(0, this.n); }
}

function emptyCols(width: number): ColumnBatch {
  return { numRows: 0, columns: Array.from({ length: width }, () => ({ kind: 'obj', values: [], valid: null }) as Column) };
}

/**
 * Joins `stream` with `buildBatches`. `owned`: the caller hands over both arrays (the shuffled join's cogroup
 * output), so a build side past the budget is grace-joined and the arrays emptied once their rows are on disk.
 * A broadcast build (not owned) is shared by the executor's tasks and must fit, as in Spark: never spilled.
 */
export function* hashJoin(spec: JoinSpec, stream: Iterable<ColumnBatch>, buildBatches: readonly ColumnBatch[], owned = false): Iterable<ColumnBatch> {
  const limit = owned && spec.leftKeys.length > 0 ? spillEnv().memoryLimitBytes : Number.POSITIVE_INFINITY;
  if (limit !== Number.POSITIVE_INFINITY) {
    let bytes = 0;
    for (const b of buildBatches) bytes += batchBytes(b);
    if (bytes > limit) {
      yield* graceHashJoin(spec, stream, buildBatches, bytes, spillEnv(), 0, true);
      return;
    }
  }
  yield* joinInMemory(spec, stream, buildBatches, !owned);
}

/** A chained hash table over the build side's key columns. */
interface BuiltTable {
  readonly build: ColumnBatch;
  readonly bKeys: readonly Column[];
  readonly bh: Int32Array;
  readonly head: Int32Array;
  readonly next: Int32Array;
  readonly cap: number;
}

function buildTable(spec: JoinSpec, buildBatches: readonly ColumnBatch[]): BuiltTable {
  const buildLeft = spec.buildSide === 'left';
  const build = buildBatches.length > 0 ? concatAll(buildBatches) : emptyCols(buildLeft ? spec.leftWidth : spec.rightWidth);
  const bKeys = projector(buildLeft ? spec.leftKeys : spec.rightKeys)(build);
  const n = build.numRows;
  let cap = 16;
  while (cap < n * 2) cap *= 2;
  const head = new Int32Array(cap).fill(-1);
  const next = new Int32Array(n);
  const bh = hashRows(bKeys, n);
  const skipNulls = !spec.nullSafe && bKeys.some((c) => c.valid !== null);
  const mask = cap - 1;
  for (let i = n - 1; i >= 0; i--) {
    if (skipNulls && anyNullAt(bKeys, i)) { next[i] = -1; continue; }
    const s = bh[i]! & mask;
    next[i] = head[s]!;
    head[s] = i;
  }
  return { build, bKeys, bh, head, next, cap };
}

/**
 * Broadcast builds are the same array in every task of a thread (the revived broadcast value), so their table is
 * built once per thread and kept while the broadcast lives; keyed also by the join's build keys.
 */
const broadcastTables = new WeakMap<readonly ColumnBatch[], { readonly keys: string; readonly table: BuiltTable }>();

function sharedTable(spec: JoinSpec, buildBatches: readonly ColumnBatch[]): BuiltTable {
  const keys = JSON.stringify([spec.buildSide, spec.nullSafe === true, spec.buildSide === 'left' ? spec.leftKeys : spec.rightKeys]);
  const hit = broadcastTables.get(buildBatches);
  if (hit && hit.keys === keys) return hit.table;
  const table = buildTable(spec, buildBatches);
  broadcastTables.set(buildBatches, { keys, table });
  return table;
}

/** Semi/anti join without a residual condition: each stream row only asks whether its key exists. */
function existsRows(sk: Num, bk: Num, sh: Int32Array, t: BuiltTable, rows: number, semi: boolean): Int32Array {
  const { bh, head, next, cap } = t;
  const out = new Int32Array(rows);
  let k = 0;
  for (let r = 0; r < rows; r++) {
    const h = sh[r]!, x = sk[r]!;
    let found = false;
    for (let j = head[h & (cap - 1)]!; j >= 0; j = next[j]!) { const y = bk[j]!; if (bh[j] === h && (y === x || (y !== y && x !== x))) { found = true; break; } }
    if (found === semi) out[k++] = r;
  }
  return out.subarray(0, k);
}

/** The in-memory hash join: one table over all of `buildBatches` (`shared`: a broadcast build, table cached). */
export function* joinInMemory(spec: JoinSpec, stream: Iterable<ColumnBatch>, buildBatches: readonly ColumnBatch[], shared = false): Iterable<ColumnBatch> {
  const buildLeft = spec.buildSide === 'left';
  const table = shared ? sharedTable(spec, buildBatches) : buildTable(spec, buildBatches);
  const { build, bKeys, bh, head, next, cap } = table;
  const sKeyFn = projector(buildLeft ? spec.rightKeys : spec.leftKeys);
  const n = build.numRows;
  const t = spec.joinType;
  const streamOuter = buildLeft ? t === 'right_outer' || t === 'full_outer' : t === 'left_outer' || t === 'full_outer';
  const buildOuter = buildLeft ? t === 'left_outer' || t === 'full_outer' : t === 'right_outer' || t === 'full_outer';
  const semi = t === 'left_semi';
  const anti = t === 'left_anti';
  const matchedBuild = buildOuter ? new Uint8Array(n) : undefined;
  const cond = spec.condition ? selector(spec.condition) : undefined;
  const pairBatch = (s: ColumnBatch, si: Int32Array, bi: Int32Array): ColumnBatch => {
    const sc = s.columns.map((c) => gatherColumn(c, si));
    const bc = build.columns.map((c) => gatherColumn(c, bi));
    return { numRows: si.length, columns: buildLeft ? [...bc, ...sc] : [...sc, ...bc] };
  };
  let template: ColumnBatch = emptyCols(buildLeft ? spec.rightWidth : spec.leftWidth);
  for (const s of stream) {
    template = s;
    if (s.numRows === 0) continue;
    const sKeys = sKeyFn(s);
    const sh = hashRows(sKeys, s.numRows);
    const pairs = new PairBuffer(s.numRows);
    const sk = numericValues(sKeys), bk = numericValues(bKeys);
    const plainNumbers = sk !== undefined && bk !== undefined && sKeys.every((c) => c.valid === null) && (!spec.nullSafe || bKeys.every((c) => c.valid === null));
    if (plainNumbers && (semi || anti) && !cond && sk.length === 1) {
      const idx = existsRows(sk[0]!, bk[0]!, sh, table, s.numRows, semi);
      if (idx.length === s.numRows) yield s;
      else if (idx.length > 0) yield { numRows: idx.length, columns: s.columns.map((c) => gatherColumn(c, idx)) };
      continue;
    }
    if (plainNumbers) {
      // numeric keys without NULLs on the stream side: compare the numbers directly
      if (sk!.length === 1) probe1(sk[0]!, bk[0]!, sh, bh, head, next, cap, s.numRows, pairs);
      else {
        for (let r = 0; r < s.numRows; r++) {
          const h = sh[r]!;
          for (let j = head[h & (cap - 1)]!; j >= 0; j = next[j]!) if (bh[j] === h && sameNumbers(sk, bk, r, j)) pairs.push(r, j);
        }
      }
    } else {
      for (let r = 0; r < s.numRows; r++) {
        if (!spec.nullSafe && anyNullAt(sKeys, r)) continue;
        for (let j = head[sh[r]! & (cap - 1)]!; j >= 0; j = next[j]!) {
          if (bh[j] !== sh[r]) continue;
          let eq = true;
          for (let k = 0; k < sKeys.length && eq; k++) eq = sameValue(valueAt(sKeys[k]!, r), valueAt(bKeys[k]!, j));
          if (eq) pairs.push(r, j);
        }
      }
    }
    let pS = pairs.streamRows();
    let pB = pairs.buildRows();
    if (cond && pS.length > 0) {
      const keep = cond(pairBatch(s, pS, pB));
      pS = keep.map((i) => pS[i]!);
      pB = keep.map((i) => pB[i]!);
    }
    if (matchedBuild) for (const j of pB) matchedBuild[j] = 1;
    if (semi || anti) {
      const hit = new Uint8Array(s.numRows);
      for (let i = 0; i < pS.length; i++) hit[pS[i]!] = 1;
      const want = semi ? 1 : 0;
      const idx = new Int32Array(s.numRows);
      let k = 0;
      for (let r = 0; r < s.numRows; r++) if (hit[r] === want) idx[k++] = r;
      if (k === s.numRows) { yield s; continue; }
      const kept = idx.subarray(0, k);
      yield { numRows: k, columns: s.columns.map((c) => gatherColumn(c, kept)) };
      continue;
    }
    if (streamOuter) {
      const hit = new Uint8Array(s.numRows);
      for (let i = 0; i < pS.length; i++) hit[pS[i]!] = 1;
      let extra = 0;
      for (let r = 0; r < s.numRows; r++) extra += 1 - hit[r]!;
      if (extra > 0) {
        // unmatched stream rows follow the matched pairs, NULL-padded (build row -1)
        const allS = new Int32Array(pS.length + extra);
        const allB = new Int32Array(pS.length + extra).fill(-1);
        allS.set(pS);
        allB.set(pB);
        let k = pS.length;
        for (let r = 0; r < s.numRows; r++) if (hit[r] === 0) allS[k++] = r;
        pS = allS;
        pB = allB;
      }
    }
    if (pS.length > 0) yield pairBatch(s, pS, pB);
  }
  if (matchedBuild) {
    const rows: number[] = [];
    for (let j = 0; j < n; j++) if (matchedBuild[j] === 0) rows.push(j);
    if (rows.length > 0) {
      const bi = Int32Array.from(rows);
      const nulls = new Int32Array(rows.length).fill(-1);
      const sc = template.columns.map((c) => gatherColumn(c, nulls));
      const bc = build.columns.map((c) => gatherColumn(c, bi));
      yield { numRows: rows.length, columns: buildLeft ? [...bc, ...sc] : [...sc, ...bc] };
    }
  }
}
