import { describe, expect, it } from 'vitest';
import { Accumulator } from '../../../src/rdd/accumulator.js';
import type { PhysicalPlan } from '../../../src/planner/physical/physical-plan.js';
import type { ColumnBatch } from '../../../src/sql/batch/column-batch.js';
import { meteredBatches } from '../../../src/sql/execution/metered-batches.js';
import { SqlMetrics } from '../../../src/sql/execution/sql-metrics.js';
import { sqlPlanGraph } from '../../../src/sql/execution/sql-plan-graph.js';

// final aggregate <- exchange <- partial aggregate <- range
const range: PhysicalPlan = { kind: 'range_scan', start: 0, end: 100, step: 1, numPartitions: 2, output: [] };
const partial: PhysicalPlan = { kind: 'hash_aggregate', mode: 'partial', input: range, keys: [], aggs: [], output: [] };
const exchange: PhysicalPlan = { kind: 'exchange', input: partial, partitioning: { kind: 'single' }, output: [] };
const final: PhysicalPlan = { kind: 'hash_aggregate', mode: 'final', input: exchange, keys: [], aggs: [], output: [] };

const batch = (n: number): ColumnBatch => ({ numRows: n, columns: [{ kind: 'f64', values: new Float64Array(n), valid: null }] });

describe('SQL plan graph', () => {
  it('numbers operators in pre-order with edges from child to parent and Spark metric names', () => {
    const g = sqlPlanGraph(final);
    expect(g.nodes.map((n) => [n.nodeId, n.nodeName])).toEqual([[0, 'HashAggregate'], [1, 'Exchange'], [2, 'HashAggregate'], [3, 'Range']]);
    expect(g.edges).toEqual([{ fromId: 1, toId: 0 }, { fromId: 2, toId: 1 }, { fromId: 3, toId: 2 }]);
    expect(g.nodes[1]!.metrics.map((m) => m.name)).toEqual(['shuffle records written', 'shuffle bytes written', 'shuffle write time', 'data size', 'number of partitions']);
    const ids = g.nodes.flatMap((n) => n.metrics.map((m) => m.accumulatorId));
    expect(ids).toEqual(ids.map((_, i) => i));
  });
});

describe('SqlMetrics', () => {
  const setup = () => {
    const acc = new Accumulator<unknown[]>(1, [], 'list');
    const m = new SqlMetrics(final, acc);
    const id = (node: number, name: string): number => m.graph.nodes[node]!.metrics.find((x) => x.name === name)!.accumulatorId;
    const incl = (node: number): number => m.graph.nodes.reduce((s, n) => s + n.metrics.length, 0) + node;
    const value = (node: number, name: string): number => new Map(m.snapshot()).get(id(node, name))!;
    return { acc, m, id, incl, value };
  };

  it('sums task updates per metric and derives each operator’s own time', () => {
    const { acc, m, id, incl, value } = setup();
    expect(m.drain()).toBe(true); // the static exchange partition count is news once
    expect(value(1, 'number of partitions')).toBe(1);
    expect(m.drain()).toBe(false);
    // two map tasks: range rows and inclusive times, partial aggregate rows and inclusive times
    acc.mergeUpdate([[0, incl(3), 4, id(3, 'number of output rows'), 50], [0, incl(2), 10, id(2, 'number of output rows'), 1, id(1, 'shuffle records written'), 1]]);
    acc.mergeUpdate([[1, incl(3), 5, id(3, 'number of output rows'), 50], [1, incl(2), 12, id(2, 'number of output rows'), 1, id(1, 'shuffle records written'), 1]]);
    acc.mergeUpdate([[0, incl(0), 3, id(0, 'number of output rows'), 1]]);
    expect(m.drain()).toBe(true);
    expect(acc.value).toEqual([]); // drained, so the driver-side list never grows with the task count
    expect(value(3, 'number of output rows')).toBe(100);
    expect(value(2, 'number of output rows')).toBe(2);
    expect(value(1, 'shuffle records written')).toBe(2);
    expect(value(2, 'time in aggregation build')).toBe(13); // 22 inclusive - 9 of the range below it
    expect(value(0, 'time in aggregation build')).toBe(3); // the exchange below runs in another stage
    // partition 1 of the range computed again (e.g. a sampling job): counted once
    acc.mergeUpdate([[1, incl(3), 5, id(3, 'number of output rows'), 50]]);
    expect(m.drain()).toBe(true);
    expect(value(3, 'number of output rows')).toBe(100);
  });

  it('attributes a stage’s shuffle writes once the stage’s RDD is known to write the exchange', () => {
    const { m, value } = setup();
    // the exchange's input is metered (RDD 41); the exchange keys it (42) and shuffles it (43); the query reads 50
    const source = { kind: 'parallelize', id: 40 };
    const meter = { kind: 'map-partitions', id: 41, parent: source };
    const fake = { id: 40, node: source, mapPartitionsWithIndex: () => ({ id: 41, node: meter }) };
    m.meter(partial, fake as never);
    m.stageSubmitted(7, [42]);
    m.taskEnded(7, 1000, 2);
    m.taskEnded(7, 24, 1);
    m.stageSubmitted(8, [99]);
    m.taskEnded(8, 5, 5); // another execution's stage
    expect(value(1, 'shuffle bytes written')).toBe(0); // not resolved: no lineage seen yet
    const keyed = { kind: 'map-partitions', id: 42, parent: meter };
    m.lineage({ id: 50, node: { kind: 'map-partitions', id: 50, parent: { kind: 'shuffled', id: 43, parent: keyed } } } as never);
    expect(value(1, 'shuffle bytes written')).toBe(1024);
    expect(value(1, 'shuffle write time')).toBe(3);
  });
});

describe('meteredBatches', () => {
  const spec = { rows: 5, incl: 9, spill: -1, outRows: 2, outBytes: 3 };

  it('passes batches through and sends one update per partition', () => {
    const updates: unknown[] = [];
    const out = [...meteredBatches([batch(3), batch(4)], spec, { add: (u) => updates.push(u) }, 6)];
    expect(out.map((b) => b.numRows)).toEqual([3, 4]);
    expect(updates).toHaveLength(1);
    const u = (updates[0] as number[]).slice(1);
    expect((updates[0] as number[])[0]).toBe(6); // the partition
    expect(u[0]).toBe(9);
    expect(u[1]).toBeGreaterThanOrEqual(0);
    expect(u.slice(2, 6)).toEqual([5, 7, 2, 7]);
    expect(u[6]).toBe(3);
    expect(u[7]).toBeGreaterThan(7 * 8); // at least the doubles' bytes
  });

  it('reports the rows seen when a consumer stops early', () => {
    const updates: unknown[] = [];
    for (const b of meteredBatches([batch(3), batch(4), batch(5)], spec, { add: (u) => updates.push(u) }, 0)) if (b.numRows === 4) break;
    expect((updates[0] as number[]).slice(3, 5)).toEqual([5, 7]);
  });
});
