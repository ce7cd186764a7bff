// Expression evaluation for the operators: plain column references are picked directly; everything else goes
// through the expression compiler (src/planner/expr: compileProjection/compileFilter). Deterministic compiled
// functions are cached per expression text; ones reading per-task state (spark_partition_id,
// monotonically_increasing_id, rand) get a fresh instance per call, initialised with the running task's partition.
import { TsSparkError } from '../../common/errors.js';
import { compileFilter, compileProjection, type Compiled } from '../../planner/expr/index.js';
import type { Expression } from '../../planner/expr/expression.js';
import { currentTaskEnv } from '../../rdd/compute/task-env.js';
import type { Column, ColumnBatch } from '../batch/column-batch.js';

function compiler(): { compileProjection: typeof compileProjection; compileFilter: typeof compileFilter } {
  return { compileProjection, compileFilter };
}

const projCache = new Map<string, Compiled<(batch: ColumnBatch) => Column[]>>();
const filterCache = new Map<string, Compiled<(batch: ColumnBatch) => Int32Array>>();

/** The partition index of the task running on this thread (0 outside a task, e.g. constant folding). */
function taskPartition(): number {
  return currentTaskEnv()?.partitionId ?? 0;
}

/** Evaluates bound expressions over a batch: one column each. */
export function projector(exprs: readonly Expression[]): (batch: ColumnBatch) => Column[] {
  if (exprs.every((e) => e.kind === 'bound')) {
    const ords = exprs.map((e) => (e as { ordinal: number }).ordinal);
    return (b) => ords.map((o) => b.columns[o]!);
  }
  const key = JSON.stringify(exprs);
  let f = projCache.get(key);
  if (!f) {
    f = compiler().compileProjection(exprs);
    projCache.set(key, f);
  }
  // callers make one projector per task (operator instance), so per-task state starts fresh here
  return f.taskState ? compiler().compileProjection(exprs, { partitionIndex: taskPartition() }) : f;
}

/** Selected row indices of a bound predicate (NULL is not selected). */
export function selector(pred: Expression): (batch: ColumnBatch) => Int32Array {
  if (pred.kind === 'literal') {
    const all = pred.value === true;
    return (b) => (all ? Int32Array.from({ length: b.numRows }, (_, i) => i) : new Int32Array(0));
  }
  if (pred.kind === 'bound') {
    const o = pred.ordinal;
    return (b) => {
      const c = b.columns[o]!;
      const out: number[] = [];
      if (c.kind !== 'bool') throw new TsSparkError('INTERNAL', 'filter column is not boolean');
      for (let i = 0; i < b.numRows; i++) if (c.values[i] === 1 && (c.valid === null || c.valid[i] === 1)) out.push(i);
      return Int32Array.from(out);
    };
  }
  const key = JSON.stringify(pred);
  let f = filterCache.get(key);
  if (!f) {
    f = compiler().compileFilter(pred);
    filterCache.set(key, f);
  }
  return f.taskState ? compiler().compileFilter(pred, { partitionIndex: taskPartition() }) : f;
}
