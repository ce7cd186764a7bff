// distinctKeyRows keeps the first row of each numeric key across a task's batches and passes batches it cannot
// dedupe (NULL keys, several or non-numeric keys) through untouched.
import { describe, expect, it } from 'vitest';
import { distinctKeyRows } from '../../../src/sql/execution/distinct-keys.js';
import type { ColumnBatch } from '../../../src/sql/batch/column-batch.js';
import type { Expression } from '../../../src/planner/expr/expression.js';
import { T } from '../../../src/sql/types/data-type.js';

const key: Expression = { kind: 'bound', ordinal: 0, type: T.long, nullable: false, name: 'k' };
const batch = (keys: number[], tags: number[], valid: Uint8Array | null = null): ColumnBatch => ({
  numRows: keys.length,
  columns: [{ kind: 'f64', values: Float64Array.from(keys), valid }, { kind: 'i32', values: Int32Array.from(tags), valid: null }],
});

describe('distinctKeyRows', () => {
  it('keeps the first row per key across batches', () => {
    const out = [...distinctKeyRows([key], [batch([1, 2, 1, 3], [10, 20, 30, 40]), batch([3, 4, 2], [50, 60, 70])])];
    const keys = out.flatMap((b) => [...((b.columns[0] as { values: Float64Array }).values)]);
    const tags = out.flatMap((b) => [...((b.columns[1] as { values: Int32Array }).values)]);
    expect(keys).toEqual([1, 2, 3, 4]);
    expect(tags).toEqual([10, 20, 40, 60]);
  });

  it('passes batches with NULL keys through unchanged', () => {
    const b = batch([1, 1], [1, 2], Uint8Array.from([1, 0]));
    expect([...distinctKeyRows([key], [b])]).toEqual([b]);
  });
});
