// Hash aggregation over ColumnBatches (executor side). partial: groups the input and emits key columns + one
// state column per aggregate; final: merges those states by key and emits key columns + results; complete: both.
// Keys are encoded to numeric codes (key-codes.ts), whole batches get group ids at once (group-table.ts) and
// accumulators fold columns (agg-states.ts): no per-row objects on the hot path. Past the task's memory budget
// the table's partial states spill to hash buckets on disk, each merged on its own afterwards (spill/).
import type { Column, ColumnBatch } from '../batch/column-batch.js';
import type { PhysicalPlan } from '../../planner/physical/physical-plan.js';
import { exprType } from '../../planner/optimizer/expr-utils.js';
import { type Accumulator, accumulator } from './agg-states.js';
import { concatAll } from './batch-ops.js';
import { GroupTable } from './group-table.js';
import { decodeKey, encodeKey, KeyInterner } from './key-codes.js';
import { projector, selector } from './kernels.js';
import { HashBuckets, MAX_SPILL_LEVEL } from './spill/hash-buckets.js';
import { type SpillEnv, spillEnv } from './spill/spill-env.js';

type AggNode = Extract<PhysicalPlan, { kind: 'hash_aggregate' }>;

class Scratch {
  codes: Float64Array[];
  nulls: Uint8Array[];
  gids = new Int32Array(0);
  constructor(k: number) {
    this.codes = Array.from({ length: k }, () => new Float64Array(0));
    this.nulls = Array.from({ length: k }, () => new Uint8Array(0));
  }
  ensure(n: number): void {
    if (this.gids.length >= n) return;
    this.gids = new Int32Array(n);
    this.codes = this.codes.map(() => new Float64Array(n));
    this.nulls = this.nulls.map(() => new Uint8Array(n));
  }
}

type Args = (b: ColumnBatch) => readonly Column[];

/** One in-memory aggregation pass: groups, their keys and accumulator states. `merging`: input is keys + states. */
class AggTable {
  private readonly k: number;
  private readonly accs: Accumulator[];
  readonly table: GroupTable;
  private readonly interners: KeyInterner[];
  private readonly scratch: Scratch;
  private readonly radices: number[];
  private readonly keyFn: Args | undefined;
  private readonly argFns: Args[];
  private readonly filterFns: Array<((b: ColumnBatch) => Int32Array) | undefined>;

  constructor(private readonly node: AggNode, private readonly merging: boolean) {
    const k = (this.k = node.keys.length);
    this.accs = node.aggs.map(accumulator);
    this.table = new GroupTable(k);
    this.interners = Array.from({ length: k }, () => new KeyInterner());
    this.scratch = new Scratch(k);
    this.radices = new Array<number>(k).fill(0);
    this.keyFn = merging ? undefined : projector(node.keys);
    this.argFns = merging ? [] : node.aggs.map((s) => projector(s.args));
    this.filterFns = merging ? [] : node.aggs.map((s) => (s.filter ? selector(s.filter) : undefined));
  }

  add(b: ColumnBatch): void {
    const accs = this.accs;
    if (this.merging) {
      const gids = this.groupIds(b.columns.slice(0, this.k), b.numRows);
      for (let a = 0; a < accs.length; a++) accs[a]!.merge(b.columns[this.k + a]!, gids, b.numRows, this.table.size);
      return;
    }
    const gids = this.groupIds(this.keyFn!(b), b.numRows);
    for (let a = 0; a < accs.length; a++) {
      const f = this.filterFns[a];
      const rows = f ? f(b) : null;
      accs[a]!.update(this.argFns[a]!(b), gids, rows, rows ? rows.length : b.numRows, this.table.size);
    }
  }

  /** Estimated heap bytes: per group its slots, hash, key codes and states; per interned value a boxed entry. */
  estimatedBytes(): number {
    let interned = 0;
    for (const i of this.interners) interned += i.values.length;
    return this.table.size * (16 + 9 * this.k + 24 * this.accs.length) + interned * 80;
  }

  /** Key columns + (partial states, or results). */
  emit(partial: boolean): ColumnBatch {
    const node = this.node, table = this.table;
    if (this.k === 0 && table.size === 0 && node.mode !== 'partial') {
      this.scratch.ensure(1);
      table.assign([], [], 1, this.scratch.gids);
    }
    const n = table.size;
    const keyTypes = node.keys.map(exprType);
    const columns: Column[] = keyTypes.map((t, i) => decodeKey(t, table.codes[i]!, table.nulls[i]!, n, this.interners[i]!));
    for (const acc of this.accs) columns.push(partial ? acc.partial(n) : acc.result(n));
    return { numRows: n, columns };
  }

  private groupIds(keyCols: readonly Column[], n: number): Int32Array {
    const k = this.k, scratch = this.scratch, interners = this.interners, radices = this.radices;
    scratch.ensure(n);
    let small = k > 0;
    for (let c = 0; c < k; c++) {
      const col = keyCols[c]!;
      encodeKey(col, n, interners[c]!, scratch.codes[c]!, scratch.nulls[c]!);
      if (col.kind === 'bool') radices[c] = 2;
      else if (col.kind === 'dict' || col.kind === 'str') radices[c] = interners[c]!.values.length;
      else small = false;
    }
    if (!small || !this.table.assignSmall(scratch.codes, scratch.nulls, n, scratch.gids, radices)) this.table.assign(scratch.codes, scratch.nulls, n, scratch.gids);
    return scratch.gids;
  }
}

export function hashAggregate(node: AggNode, input: Iterable<ColumnBatch>): ColumnBatch {
  const parts = aggregateParts(node, node.mode === 'final', input, spillEnv(), 0);
  return parts.length === 1 ? parts[0]! : concatAll(parts);
}

/**
 * Aggregates `input` (raw rows, or keys + states when `merging`) under env's memory budget: one output batch when
 * the groups fit, else one per spilled hash bucket, each bucket merged recursively one level down.
 */
export function aggregateParts(node: AggNode, merging: boolean, input: Iterable<ColumnBatch>, env: SpillEnv, level: number): ColumnBatch[] {
  const k = node.keys.length;
  const limit = k === 0 || level >= MAX_SPILL_LEVEL ? Number.POSITIVE_INFINITY : env.memoryLimitBytes;
  let t = new AggTable(node, merging);
  let buckets: HashBuckets | undefined;
  const spill = (): void => {
    const state = t.emit(true);
    buckets!.write(state, state.columns.slice(0, k));
    buckets!.finishSpill(t.estimatedBytes());
  };
  try {
    for (const b of input) {
      if (b.numRows === 0) continue;
      t.add(b);
      if (limit !== Number.POSITIVE_INFINITY && t.estimatedBytes() > limit) {
        buckets ??= new HashBuckets(env, 'agg', level);
        spill();
        t = new AggTable(node, merging);
      }
    }
    if (!buckets) return [t.emit(node.mode === 'partial')];
    if (t.table.size > 0) spill();
    const out: ColumnBatch[] = [];
    for (let i = 0; i < buckets.n; i++) {
      if (buckets.sizeOf(i).rows === 0) continue;
      out.push(...aggregateParts(node, true, buckets.bucket(i), env, level + 1));
      buckets.drop(i);
    }
    return out;
  } finally {
    buckets?.close();
  }
}
