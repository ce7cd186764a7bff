// Hash aggregation over ColumnBatches (executor side). partial: groups the input and emits key columns + one
// state column per aggregate; final: merges those states by key and emits key columns + results; complete: both.
// Keys are encoded to numeric codes (key-codes.ts), whole batches get group ids at once (group-table.ts) and
// accumulators fold columns (agg-states.ts): no per-row objects on the hot path.
import type { Column, ColumnBatch } from '../batch/column-batch.js';
import type { PhysicalPlan } from '../../planner/physical/physical-plan.js';
import { exprType } from '../../planner/optimizer/expr-utils.js';
import { accumulator } from './agg-states.js';
import { GroupTable } from './group-table.js';
import { decodeKey, encodeKey, KeyInterner } from './key-codes.js';
import { projector, selector } from './kernels.js';

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

export function hashAggregate(node: AggNode, input: Iterable<ColumnBatch>): ColumnBatch {
  const k = node.keys.length;
  const accs = node.aggs.map(accumulator);
  const table = new GroupTable(k);
  const interners = Array.from({ length: k }, () => new KeyInterner());
  const scratch = new Scratch(k);
  const radices = new Array<number>(k).fill(0);
  const groupIds = (keyCols: readonly Column[], n: number): Int32Array => {
    scratch.ensure(n);
    let small = k > 0;
    for (let c = 0; c < k; c++) {
      const col = keyCols[c]!;
      encodeKey(col, n, interners[c]!, scratch.codes[c]!, scratch.nulls[c]!);
      if (col.kind === 'bool') radices[c] = 2;
      else if (col.kind === 'dict' || col.kind === 'str') radices[c] = interners[c]!.values.length;
      else small = false;
    }
    if (!small || !table.assignSmall(scratch.codes, scratch.nulls, n, scratch.gids, radices)) table.assign(scratch.codes, scratch.nulls, n, scratch.gids);
    return scratch.gids;
  };
  if (node.mode === 'final') {
    for (const b of input) {
      if (b.numRows === 0) continue;
      const gids = groupIds(b.columns.slice(0, k), b.numRows);
      for (let a = 0; a < accs.length; a++) accs[a]!.merge(b.columns[k + a]!, gids, b.numRows, table.size);
    }
  } else {
    const keyFn = projector(node.keys);
    const argFns = node.aggs.map((s) => projector(s.args));
    const filterFns = node.aggs.map((s) => (s.filter ? selector(s.filter) : undefined));
    for (const b of input) {
      if (b.numRows === 0) continue;
      const gids = groupIds(keyFn(b), b.numRows);
      for (let a = 0; a < accs.length; a++) {
        const rows = filterFns[a] ? filterFns[a]!(b) : null;
        accs[a]!.update(argFns[a]!(b), gids, rows, rows ? rows.length : b.numRows, table.size);
      }
    }
  }
  if (k === 0 && table.size === 0 && node.mode !== 'partial') {
    scratch.ensure(1);
    table.assign([], [], 1, scratch.gids);
  }
  const n = table.size;
  const keyTypes = node.keys.map(exprType);
  const columns: Column[] = keyTypes.map((t, i) => decodeKey(t, table.codes[i]!, table.nulls[i]!, n, interners[i]!));
  for (const acc of accs) columns.push(node.mode === 'partial' ? acc.partial(n) : acc.result(n));
  return { numRows: n, columns };
}
