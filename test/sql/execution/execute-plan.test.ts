// Planning + operators end to end: hand-built logical plans over local relations and ranges (aggregation,
// joins of every type, sort, limit, distinct, set ops, windows) compared with DuckDB running the same SQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { SparkContext } from '../../../src/index.js';
import { explainPlans, physicalPlanOf, type ExecutionContext } from '../../../src/sql/execution/index.js';
import { runInProcess } from './run-in-process.js';

// executePlan ships operators inside RDD closures; under vitest the closure capture cannot see imports (vitest
// rewrites them to __vite_ssr_import_N__ namespaces), so these tests run the same physical plans in process.
const executePlan = async (c: ExecutionContext, plan: LogicalPlan): Promise<ColumnBatch[]> => runInProcess(physicalPlanOf(c, plan)).flat();
import type { Attribute, Expression, LogicalPlan } from '../../../src/planner/logical/logical-plan.js';
import type { ColumnBatch } from '../../../src/sql/batch/column-batch.js';
import { T, type DataType } from '../../../src/sql/types/data-type.js';
import { valueAt } from '../../../src/sql/execution/batch-ops.js';

let sc: SparkContext;
let duck: DuckDBConnection;
const conf = new Map<string, string>([['spark.sql.shuffle.partitions', '8']]);
const ctx = (): ExecutionContext => ({ sc, conf: { get: (k) => conf.get(k) } });

let nextId = 1;
const attr = (name: string, type: DataType, nullable = true): Attribute => ({ kind: 'attr', id: nextId++, name, type, nullable });
const call = (fn: string, type: DataType, ...args: Expression[]): Expression => ({ kind: 'call', fn, args, type, nullable: true });
const lit = (value: unknown, type: DataType): Expression => ({ kind: 'literal', value, type });
const agg = (fn: 'sum' | 'count' | 'avg' | 'min' | 'max', type: DataType, args: Expression[], distinct = false): Expression => ({ kind: 'aggregate', fn, args, distinct, type });

// t(k int, v double, s string): 40 rows with nulls; u(k int, w string)
const tk = attr('k', T.int); const tv = attr('v', T.double); const ts = attr('s', T.string);
const tRows = Array.from({ length: 40 }, (_, i) => [i % 7 === 6 ? null : i % 5, i % 9 === 0 ? null : i * 1.5, `s${i % 3}`] as const);
function batchOf(rows: readonly (readonly unknown[])[], kinds: ('i32' | 'f64' | 'str')[]): ColumnBatch {
  return {
    numRows: rows.length,
    columns: kinds.map((k, c) => {
      const valid = Uint8Array.from(rows.map((r) => (r[c] === null ? 0 : 1)));
      if (k === 'str') return { kind: 'str', values: rows.map((r) => r[c] as string | null), valid };
      const vals = rows.map((r) => (r[c] as number | null) ?? 0);
      return k === 'i32' ? { kind: 'i32', values: Int32Array.from(vals), valid } : { kind: 'f64', values: Float64Array.from(vals), valid };
    }),
  };
}
const tPlan: LogicalPlan = { kind: 'local_relation', output: [tk, tv, ts], batches: [batchOf(tRows.slice(0, 20), ['i32', 'f64', 'str']), batchOf(tRows.slice(20), ['i32', 'f64', 'str'])] };
const uk = attr('k', T.int); const uw = attr('w', T.string);
const uRows = [[0, 'zero'], [1, 'one'], [1, 'uno'], [3, 'three'], [8, 'eight'], [null, 'nothing']] as const;
const uPlan: LogicalPlan = { kind: 'local_relation', output: [uk, uw], batches: [batchOf(uRows, ['i32', 'str'])] };

function rowsOf(batches: ColumnBatch[]): unknown[][] {
  const out: unknown[][] = [];
  for (const b of batches) for (let i = 0; i < b.numRows; i++) out.push(b.columns.map((c) => valueAt(c, i)));
  return out;
}
const norm = (rows: unknown[][]): string[] => rows.map((r) => JSON.stringify(r.map((v) => (typeof v === 'bigint' ? Number(v) : typeof v === 'number' ? Math.round(v * 1e6) / 1e6 : v)))).sort();
async function duckRows(sql: string): Promise<unknown[][]> {
  const r = await duck.runAndReadAll(sql);
  return r.getRows().map((row) => row.map((v) => (typeof v === 'bigint' ? Number(v) : v === null ? null : typeof v === 'object' ? Number(String(v)) : v)));
}

beforeAll(async () => {
  sc = new SparkContext({ master: 'local[2]', appName: 'sql-exec' });
  duck = await (await DuckDBInstance.create(':memory:')).connect();
  await duck.run('create table t(k int, v double, s varchar); create table u(k int, w varchar)');
  for (const r of tRows) await duck.run(`insert into t values (${r[0] ?? 'null'}, ${r[1] ?? 'null'}, '${r[2]}')`);
  for (const r of uRows) await duck.run(`insert into u values (${r[0] ?? 'null'}, '${r[1]}')`);
});
afterAll(async () => { await sc.stop(); duck.closeSync(); });

describe('executePlan', () => {
  it('two-phase group-by aggregation with adaptive coalescing', async () => {
    const s = attr('sum(v)', T.double); const c = attr('count(1)', T.long); const a = attr('avg(v)', T.double); const d = attr('cd', T.long); const mx = attr('max(s)', T.string);
    const plan: LogicalPlan = {
      kind: 'aggregate', input: tPlan, groupBy: [tk],
      items: [{ expr: tk, attr: tk }, { expr: agg('sum', T.double, [tv]), attr: s }, { expr: agg('count', T.long, []), attr: c }, { expr: agg('avg', T.double, [tv]), attr: a }, { expr: agg('count', T.long, [ts], true), attr: d }, { expr: agg('max', T.string, [ts]), attr: mx }],
    };
    const jobsBefore = sc.statusBus ? 0 : 0;
    expect(norm(rowsOf(await executePlan(ctx(), plan)))).toEqual(norm(await duckRows('select k, sum(v), count(*), avg(v), count(distinct s), max(s) from t group by k')));
    expect(jobsBefore).toBe(0);
  });

  it('global aggregate over an empty filter result gives one row', async () => {
    const c = attr('c', T.long); const s = attr('s', T.double);
    const plan: LogicalPlan = { kind: 'aggregate', groupBy: [], input: { kind: 'filter', input: tPlan, condition: call('greater_than', T.boolean, tv, lit(1e9, T.double)) }, items: [{ expr: agg('count', T.long, []), attr: c }, { expr: agg('sum', T.double, [tv]), attr: s }] };
    expect(rowsOf(await executePlan(ctx(), plan))).toEqual([[0, null]]);
  });

  for (const [type, sqlType] of [['inner', 'join'], ['left_outer', 'left join'], ['right_outer', 'right join'], ['full_outer', 'full join'], ['left_semi', 'semi join'], ['left_anti', 'anti join']] as const) {
    it(`${type} join (shuffled and broadcast)`, async () => {
      const plan: LogicalPlan = { kind: 'join', left: tPlan, right: uPlan, type, condition: call('equal_to', T.boolean, tk, uk) };
      const cols = type === 'left_semi' || type === 'left_anti' ? 't.*' : '*';
      const expected = norm(await duckRows(`select ${cols} from t ${sqlType} u on t.k = u.k`));
      conf.set('spark.sql.autoBroadcastJoinThreshold', '-1');
      expect(norm(rowsOf(await executePlan(ctx(), plan)))).toEqual(expected);
      conf.set('spark.sql.autoBroadcastJoinThreshold', '10m');
      expect(norm(rowsOf(await executePlan(ctx(), plan)))).toEqual(expected);
    });
  }

  it('join with a residual condition', async () => {
    const plan: LogicalPlan = { kind: 'join', left: tPlan, right: uPlan, type: 'left_outer', condition: { kind: 'and', left: call('equal_to', T.boolean, tk, uk), right: call('greater_than', T.boolean, tv, lit(20, T.double)) } };
    expect(norm(rowsOf(await executePlan(ctx(), plan)))).toEqual(norm(await duckRows('select * from t left join u on t.k = u.k and t.v > 20')));
  });

  it('global sort with nulls first, then limit with offset', async () => {
    const sorted: LogicalPlan = { kind: 'sort', input: tPlan, global: true, order: [{ expr: tk, direction: 'asc', nulls: 'nulls_first' }, { expr: tv, direction: 'desc', nulls: 'nulls_last' }] };
    const plan: LogicalPlan = { kind: 'limit', input: sorted, limit: 10, offset: 3 };
    expect(rowsOf(await executePlan(ctx(), plan)).map((r) => JSON.stringify(r))).toEqual((await duckRows('select * from t order by k asc nulls first, v desc nulls last limit 10 offset 3')).map((r) => JSON.stringify(r)));
  });

  it('range, distinct, intersect and except', async () => {
    const id = attr('id', T.long, false);
    const range: LogicalPlan = { kind: 'range', start: 0, end: 10, step: 1, output: [id] };
    expect(rowsOf(await executePlan(ctx(), range)).map((r) => r[0])).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const dk: LogicalPlan = { kind: 'project', input: tPlan, items: [{ expr: tk, attr: tk }] };
    expect(norm(rowsOf(await executePlan(ctx(), { kind: 'distinct', input: dk })))).toEqual(norm(await duckRows('select distinct k from t')));
    const uOnly: LogicalPlan = { kind: 'project', input: uPlan, items: [{ expr: uk, attr: uk }] };
    expect(norm(rowsOf(await executePlan(ctx(), { kind: 'intersect', left: dk, right: uOnly, all: false })))).toEqual(norm(await duckRows('select k from t intersect select k from u')));
    expect(norm(rowsOf(await executePlan(ctx(), { kind: 'except', left: dk, right: uOnly, all: false })))).toEqual(norm(await duckRows('select k from t except select k from u')));
  });

  it('window functions: row_number, rank, running sum', async () => {
    const spec = { partitionBy: [ts], orderBy: [{ expr: tk, direction: 'asc' as const, nulls: 'nulls_first' as const }], frame: { type: 'rows' as const, lower: { kind: 'unbounded_preceding' as const }, upper: { kind: 'current_row' as const } } };
    const rn = attr('rn', T.int); const rk = attr('rk', T.int);
    const plan: LogicalPlan = {
      kind: 'window', input: { kind: 'project', input: tPlan, items: [{ expr: tk, attr: tk }, { expr: ts, attr: ts }] },
      items: [{ expr: { kind: 'window', fn: 'rank', args: [], spec, type: T.int }, attr: rk }, { expr: { kind: 'window', fn: 'dense_rank', args: [], spec, type: T.int }, attr: rn }],
    };
    expect(norm(rowsOf(await executePlan(ctx(), plan)))).toEqual(norm(await duckRows('select k, s, rank() over (partition by s order by k nulls first), dense_rank() over (partition by s order by k nulls first) from t')));
  });

  it('explain shows the exchanges of a two-phase aggregate', () => {
    const s = attr('sum(v)', T.double);
    const plan: LogicalPlan = { kind: 'aggregate', input: tPlan, groupBy: [tk], items: [{ expr: tk, attr: tk }, { expr: agg('sum', T.double, [tv]), attr: s }] };
    const text = explainPlans(ctx(), plan);
    expect(text).toContain(`Exchange hashpartitioning(k#${tk.id}, 8)`);
    expect(text).toContain(`HashAggregate(keys=[k#${tk.id}], functions=[partial_sum(v#${tv.id})])`);
  });
});
