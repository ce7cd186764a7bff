// Adapter to the data-source layer (src/sql/sources): readPartitions on the driver, readSplit on executors.
import type { Expression } from '../../planner/expr/expression.js';
import type { ColumnBatch } from '../batch/column-batch.js';
import { readPartitions, readSplit, type ReadTask } from '../sources/index.js';

export function sources(): { readPartitions: typeof readPartitions; readSplit: typeof readSplit } {
  return { readPartitions, readSplit };
}

export function* readTasks(tasks: Iterable<ReadTask>, columns: readonly string[], filters: readonly Expression[]): Iterable<ColumnBatch> {
  for (const t of tasks) yield* readSplit(t, columns, filters);
}
