// Sort, hash aggregation and hash join past a tiny memory budget (spill/): same answers as the in-memory path,
// spill bytes counted, no spill files left behind (also when the input fails midway).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { Column, ColumnBatch } from '../../../src/sql/batch/column-batch.js';
import type { Expression } from '../../../src/planner/expr/expression.js';
import type { AggSpec, PhysicalPlan } from '../../../src/planner/physical/physical-plan.js';
import type { JoinType } from '../../../src/planner/logical/logical-plan.js';
import { T, type DataType } from '../../../src/sql/types/data-type.js';
import { valueAt } from '../../../src/sql/execution/batch-ops.js';
import { sortBatches } from '../../../src/sql/execution/sort.js';
import { hashAggregate } from '../../../src/sql/execution/hash-aggregate.js';
import { hashJoin, joinInMemory, type JoinSpec } from '../../../src/sql/execution/hash-join.js';
import { setSpillEnv, type SpillMetrics } from '../../../src/sql/execution/spill/spill-env.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsspark-spill-test-'));
const spillDir = path.join(dir, 'sql-spill');
let metrics: SpillMetrics;
const tiny = (limit = 64 * 1024): void => { metrics = { memoryBytesSpilled: 0, diskBytesSpilled: 0 }; setSpillEnv({ memoryLimitBytes: limit, localDir: dir, metrics }); };
const unlimited = (): void => setSpillEnv({ memoryLimitBytes: Number.POSITIVE_INFINITY, localDir: dir, metrics: { memoryBytesSpilled: 0, diskBytesSpilled: 0 } });
const leftover = (): string[] => (fs.existsSync(spillDir) ? fs.readdirSync(spillDir) : []);
beforeEach(() => tiny());
afterAll(() => { setSpillEnv(undefined); fs.rmSync(dir, { recursive: true, force: true }); });

const bound = (ordinal: number, type: DataType): Expression => ({ kind: 'bound', ordinal, type, nullable: true, name: `c${ordinal}` });

let seed = 7;
const rnd = (): number => { seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff; return seed / 0x7fffffff; };

/** Batches of (k int with NULLs, v double, s string dictionary-or-plain). */
function data(rows: number, keys: number, batch = 2000): ColumnBatch[] {
  const out: ColumnBatch[] = [];
  for (let o = 0; o < rows; o += batch) {
    const n = Math.min(batch, rows - o);
    const k = new Int32Array(n), kv = new Uint8Array(n).fill(1), v = new Float64Array(n), s: (string | null)[] = [];
    for (let i = 0; i < n; i++) {
      k[i] = Math.floor(rnd() * keys);
      if (rnd() < 0.01) kv[i] = 0;
      v[i] = Math.round(rnd() * 1000) / 4;
      s.push(`s${Math.floor(rnd() * 5)}`);
    }
    const cols: Column[] = [{ kind: 'i32', values: k, valid: kv }, { kind: 'f64', values: v, valid: null }, { kind: 'str', values: s, valid: null }];
    out.push({ numRows: n, columns: cols });
  }
  return out;
}

function rowsOf(batches: readonly ColumnBatch[]): unknown[][] {
  const out: unknown[][] = [];
  for (const b of batches) for (let i = 0; i < b.numRows; i++) out.push(b.columns.map((c) => valueAt(c, i)));
  return out;
}
const sorted = (rows: unknown[][]): string[] => rows.map((r) => JSON.stringify(r)).sort();

describe('external sort', () => {
  it('spills sorted runs and merges them into the in-memory order (stable)', () => {
    const input = data(30_000, 3000);
    const order = [
      { expr: bound(0, T.int), direction: 'asc' as const, nulls: 'nulls_first' as const },
      { expr: bound(2, T.string), direction: 'desc' as const, nulls: 'nulls_last' as const },
    ];
    unlimited();
    const expected = rowsOf([sortBatches(order, input)]);
    tiny();
    const got = rowsOf([sortBatches(order, input)]);
    expect(got.length).toBe(30_000);
    expect(got).toEqual(expected);
    expect(metrics.diskBytesSpilled).toBeGreaterThan(0);
    expect(metrics.memoryBytesSpilled).toBeGreaterThan(0);
    expect(leftover()).toEqual([]);
  });
});

const spec = (fn: AggSpec['fn'], args: Expression[], type: DataType, distinct = false): AggSpec => ({ fn, args, distinct, ignoreNulls: false, type, text: fn });
type AggNode = Extract<PhysicalPlan, { kind: 'hash_aggregate' }>;
const scan: PhysicalPlan = { kind: 'local_scan', batches: [], numPartitions: 1, output: [] } as unknown as PhysicalPlan;

describe('spilling hash aggregation', () => {
  const aggs = [
    spec('sum', [bound(1, T.double)], T.double), spec('count', [bound(1, T.double)], T.long), spec('avg', [bound(1, T.double)], T.double),
    spec('max', [bound(1, T.double)], T.double), spec('count', [bound(2, T.string)], T.long, true),
  ];
  const complete: AggNode = { kind: 'hash_aggregate', mode: 'complete', input: scan, keys: [bound(0, T.int), bound(2, T.string)], aggs, output: [] } as unknown as AggNode;

  it('complete mode: grace buckets give the in-memory groups', () => {
    const input = data(40_000, 8000);
    unlimited();
    const expected = sorted(rowsOf([hashAggregate(complete, input)]));
    tiny();
    const got = sorted(rowsOf([hashAggregate(complete, input)]));
    expect(got.length).toBeGreaterThan(20_000);
    expect(got).toEqual(expected);
    expect(metrics.diskBytesSpilled).toBeGreaterThan(0);
    expect(leftover()).toEqual([]);
  });

  it('partial then final mode, both spilling, equal the complete answer', () => {
    const input = data(40_000, 8000);
    unlimited();
    const expected = sorted(rowsOf([hashAggregate(complete, input)]));
    tiny();
    const partial = hashAggregate({ ...complete, mode: 'partial' }, input);
    const finalKeys = [bound(0, T.int), bound(1, T.string)];
    const got = sorted(rowsOf([hashAggregate({ ...complete, mode: 'final', keys: finalKeys }, [partial])]));
    expect(got).toEqual(expected);
    expect(metrics.diskBytesSpilled).toBeGreaterThan(0);
    expect(leftover()).toEqual([]);
  });

  it('a budget too small for one bucket re-partitions it recursively, same answer', () => {
    const input = data(20_000, 8000);
    unlimited();
    const expected = sorted(rowsOf([hashAggregate(complete, input)]));
    tiny(4 * 1024);
    expect(sorted(rowsOf([hashAggregate(complete, input)]))).toEqual(expected);
    expect(leftover()).toEqual([]);
  });

  it('deletes its spill files when the input fails midway', () => {
    const input = data(40_000, 8000);
    function* failing(): Generator<ColumnBatch> { yield* input.slice(0, 15); throw new Error('input broke'); }
    expect(() => hashAggregate(complete, failing())).toThrow('input broke');
    expect(metrics.diskBytesSpilled).toBeGreaterThan(0);
    expect(leftover()).toEqual([]);
  });
});

describe('grace hash join', () => {
  it('never spills a broadcast (not owned) build side', () => {
    const left = data(3000, 1000), right = data(3000, 1000);
    const s: JoinSpec = { joinType: 'inner', buildSide: 'right', leftKeys: [bound(0, T.int)], rightKeys: [bound(0, T.int)], leftWidth: 3, rightWidth: 3 };
    const n = [...hashJoin(s, left, right)].reduce((a, b) => a + b.numRows, 0);
    expect(n).toBeGreaterThan(0);
    expect(metrics.diskBytesSpilled).toBe(0);
    expect(right.length).toBe(2);
  });

  it('recurses into buckets still past the budget (full outer, NULL keys, duplicates)', () => {
    const left = data(6000, 3000), right = data(9000, 3000);
    const s: JoinSpec = { joinType: 'full_outer', buildSide: 'right', leftKeys: [bound(0, T.int)], rightKeys: [bound(0, T.int)], leftWidth: 3, rightWidth: 3 };
    const expected = sorted(rowsOf([...joinInMemory(s, left, right)]));
    tiny(4 * 1024);
    expect(sorted(rowsOf([...hashJoin(s, [...left], [...right], true)]))).toEqual(expected);
    expect(metrics.diskBytesSpilled).toBeGreaterThan(0);
    expect(leftover()).toEqual([]);
  });

  const types: JoinType[] = ['inner', 'left_outer', 'right_outer', 'full_outer', 'left_semi', 'left_anti'];
  for (const joinType of types) {
    for (const buildSide of ['left', 'right'] as const) {
      if ((joinType === 'left_semi' || joinType === 'left_anti') && buildSide === 'left') continue;
      it(`${joinType}, build ${buildSide}: bucket-by-bucket equals the in-memory join`, () => {
        const left = data(6000, 5000), right = data(9000, 5000);
        const s: JoinSpec = {
          joinType, buildSide, leftKeys: [bound(0, T.int)], rightKeys: [bound(0, T.int)], leftWidth: 3, rightWidth: 3,
          condition: { kind: 'call', fn: 'not_equal', args: [bound(2, T.string), bound(5, T.string)], type: T.boolean, nullable: true } as Expression,
        };
        const [stream, build] = buildSide === 'left' ? [right, left] : [left, right];
        const expected = sorted(rowsOf([...joinInMemory(s, stream, build)]));
        const got = sorted(rowsOf([...hashJoin(s, [...stream], [...build], true)]));
        expect(got.length).toBe(expected.length);
        expect(got).toEqual(expected);
        expect(metrics.diskBytesSpilled).toBeGreaterThan(0);
        expect(leftover()).toEqual([]);
      });
    }
  }
});
