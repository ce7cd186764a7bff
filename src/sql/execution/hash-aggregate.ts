// Hash aggregation over ColumnBatches (executor side). partial: groups the input and emits key columns + one
// state column per aggregate; final: merges those states by key and emits key columns + results; complete: both.
import type { Column, ColumnBatch } from '../batch/column-batch.js';
import type { PhysicalPlan } from '../../planner/physical/physical-plan.js';
import { exprType } from '../../planner/optimizer/expr-utils.js';
import { aggOps, type State } from './agg-functions.js';
import { columnOf, valueAt } from './batch-ops.js';
import { GroupTable } from './group-table.js';
import { projector, selector } from './kernels.js';
import { hashRows } from './row-hash.js';

type AggNode = Extract<PhysicalPlan, { kind: 'hash_aggregate' }>;

export function hashAggregate(node: AggNode, input: Iterable<ColumnBatch>): ColumnBatch {
  const k = node.keys.length;
  const ops = node.aggs.map(aggOps);
  const table = new GroupTable(k);
  const states: State[][] = node.aggs.map(() => []);
  const newGroup = (g: number): void => { if (g === states[0]?.length || (states.length === 0)) for (let a = 0; a < ops.length; a++) states[a]!.push(ops[a]!.init()); };
  if (node.mode === 'final') {
    for (const b of input) {
      if (b.numRows === 0) continue;
      const keyCols = b.columns.slice(0, k);
      const hs = hashRows(keyCols, b.numRows);
      for (let r = 0; r < b.numRows; r++) {
        const g = table.findOrInsert(keyCols, r, hs[r]!);
        newGroup(g);
        for (let a = 0; a < ops.length; a++) states[a]![g] = ops[a]!.merge(states[a]![g], valueAt(b.columns[k + a]!, r));
      }
    }
  } else {
    const keyFn = projector(node.keys);
    const argFns = node.aggs.map((s) => projector(s.args));
    const filterFns = node.aggs.map((s) => (s.filter ? selector(s.filter) : undefined));
    for (const b of input) {
      if (b.numRows === 0) continue;
      const keyCols = keyFn(b);
      const hs = hashRows(keyCols, b.numRows);
      const gids = new Int32Array(b.numRows);
      for (let r = 0; r < b.numRows; r++) { const g = table.findOrInsert(keyCols, r, hs[r]!); newGroup(g); gids[r] = g; }
      for (let a = 0; a < ops.length; a++) {
        const cols = argFns[a]!(b);
        const op = ops[a]!;
        const st = states[a]!;
        const rows = filterFns[a] ? filterFns[a]!(b) : undefined;
        const n = rows ? rows.length : b.numRows;
        const args = new Array<unknown>(cols.length);
        for (let i = 0; i < n; i++) {
          const r = rows ? rows[i]! : i;
          for (let c = 0; c < cols.length; c++) args[c] = valueAt(cols[c]!, r);
          st[gids[r]!] = op.update(st[gids[r]!], args);
        }
      }
    }
  }
  if (k === 0 && table.size === 0 && node.mode !== 'partial') {
    table.findOrInsert([], 0, 0);
    newGroup(0);
  }
  const keyTypes = node.keys.map(exprType);
  const columns: Column[] = keyTypes.map((t, i) => columnOf(t, table.keys[i]!));
  for (let a = 0; a < ops.length; a++) {
    const st = states[a]!;
    if (node.mode === 'partial') columns.push({ kind: 'obj', values: st, valid: null });
    else columns.push(columnOf(node.aggs[a]!.type, st.map((s) => ops[a]!.finish(s))));
  }
  return { numRows: table.size, columns };
}
