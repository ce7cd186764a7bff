// Test helper: runs a physical plan in this process with the executor-side operators (partitions simulated as
// arrays), so operator and planner behaviour is testable without shipping closures to executors.
import type { PhysicalPlan } from '../../../src/planner/physical/physical-plan.js';
import type { ColumnBatch } from '../../../src/sql/batch/column-batch.js';
import { partitionBatches } from '../../../src/sql/execution/exchange-map.js';
import { hashJoin, type JoinSpec } from '../../../src/sql/execution/hash-join.js';
import { rangeBatches, rangeTasks } from '../../../src/sql/execution/range-scan.js';
import { runOperator } from '../../../src/sql/execution/run-operator.js';

type Parts = ColumnBatch[][];

function exchange(p: Extract<PhysicalPlan, { kind: 'exchange' }>['partitioning'], parts: Parts): Parts {
  const n = p.kind === 'single' ? 1 : p.numPartitions;
  const out: Parts = Array.from({ length: n }, () => []);
  parts.forEach((bs, i) => { for (const [q, b] of partitionBatches(p, i, bs)) out[q]!.push(b); });
  return out;
}

export function runInProcess(p: PhysicalPlan): Parts {
  switch (p.kind) {
    case 'local_scan': { const n = p.numPartitions; return Array.from({ length: n }, (_, i) => p.batches.filter((_b, j) => j % n === i)); }
    case 'range_scan': return rangeTasks(p.start, p.end, p.step, p.numPartitions).map((t) => [...rangeBatches([t])]);
    case 'file_scan': case 'rdd_scan': throw new Error('not in process');
    case 'union': return p.inputs.flatMap(runInProcess);
    case 'exchange': return exchange(p.partitioning, runInProcess(p.input));
    case 'broadcast_exchange': return runInProcess(p.input);
    case 'hash_join': case 'nested_loop_join': {
      const spec: JoinSpec = {
        joinType: p.joinType, buildSide: p.kind === 'hash_join' ? p.buildSide : 'right',
        leftKeys: p.kind === 'hash_join' ? p.leftKeys : [], rightKeys: p.kind === 'hash_join' ? p.rightKeys : [],
        leftWidth: p.left.output.length, rightWidth: p.right.output.length,
        ...(p.condition ? { condition: p.condition } : {}), ...(p.kind === 'hash_join' && p.nullSafe ? { nullSafe: true } : {}),
      };
      const l = runInProcess(p.left);
      const r = runInProcess(p.right);
      if (p.left.kind === 'broadcast_exchange') return r.map((bs) => [...hashJoin({ ...spec, buildSide: 'left' }, bs, l.flat())]);
      if (p.right.kind === 'broadcast_exchange') return l.map((bs) => [...hashJoin({ ...spec, buildSide: 'right' }, bs, r.flat())]);
      return l.map((bs, i) => (spec.buildSide === 'left' ? [...hashJoin(spec, r[i]!, bs)] : [...hashJoin(spec, bs, r[i]!)]));
    }
    default: return runInProcess((p as { input: PhysicalPlan }).input).map((bs) => [...runOperator(p, bs)]);
  }
}
