// End to end on local[2], through the compiled package (run `npm run build` first): real queries report their
// operator metrics to the REST API's ExecutionData nodes (rows per operator, scan files and bytes, exchange writes).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// eslint-disable-next-line import/no-relative-packages
import * as ts from '../../../dist/index.js';

type Node = { nodeId: number; nodeName: string; metrics: Array<{ name: string; value: string }> };
let spark: ts.SparkSession;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsspark-sqlm-'));
const events: Array<{ kind: string; executionId?: number }> = [];

beforeAll(() => {
  spark = ts.SparkSession.builder().master('local[2]').appName('sql-metrics-test').config('spark.ui.port', '0').getOrCreate();
  spark.sparkContext.statusBus.subscribe((e: { kind: string; executionId?: number }) => { if (e.kind.startsWith('sql-')) events.push(e); });
});
afterAll(async () => {
  await spark.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function lastExecution(): Promise<{ id: number; nodes: Node[]; edges: Array<{ fromId: number; toId: number }> }> {
  const url = spark.sparkContext.uiWebUrl!;
  const [app] = await (await fetch(`${url}/api/v1/applications`)).json() as Array<{ id: string }>;
  const list = await (await fetch(`${url}/api/v1/applications/${app!.id}/sql?length=1000`)).json() as Array<{ id: number }>;
  const id = list[list.length - 1]!.id;
  return (await fetch(`${url}/api/v1/applications/${app!.id}/sql/${id}`)).json() as never;
}

const metric = (n: Node | undefined, name: string): number => Number(n?.metrics.find((m) => m.name === name)?.value.replace(/,/g, '') ?? NaN);
const named = (x: { nodes: Node[] }, name: string): Node[] => x.nodes.filter((n) => n.nodeName === name).sort((a, b) => a.nodeId - b.nodeId);

describe('SQL operator metrics of real queries', () => {
  it('counts rows through a two-phase aggregation over a range', async () => {
    spark.range(0, 10_000, 1, 3).createOrReplaceTempView('r');
    const rows = await spark.sql('SELECT id % 7 AS k, count(*) AS c FROM r GROUP BY id % 7').collect();
    expect(rows).toHaveLength(7);
    const x = await lastExecution();
    expect(metric(named(x, 'Range')[0], 'number of output rows')).toBe(10_000);
    const [final, partial] = named(x, 'HashAggregate');
    expect(metric(final, 'number of output rows')).toBe(7);
    expect(metric(partial, 'number of output rows')).toBe(21); // 7 groups in each of 3 partitions
    const exchange = named(x, 'Exchange')[0];
    expect(metric(exchange, 'shuffle records written')).toBe(21);
    expect(exchange!.metrics.find((m) => m.name === 'data size')!.value).toMatch(/^\d+\.\d (B|KiB)$/);
    // the map stage's task metrics are attributed to the exchange whose shuffle it wrote
    expect(exchange!.metrics.find((m) => m.name === 'shuffle bytes written')!.value).toMatch(/^[1-9]\d*\.\d (B|KiB)$/);
    expect(final!.metrics.find((m) => m.name === 'time in aggregation build')!.value).toMatch(/^\d+ ms$/);
    // edges go from child to parent and connect every node
    expect(x.edges).toHaveLength(x.nodes.length - 1);
    for (const e of x.edges) expect(e.fromId).toBeGreaterThan(e.toId);
    // the final metric snapshot reached the store before the execution ended
    const mine = events.filter((e) => e.executionId === x.id).map((e) => e.kind);
    expect(mine.lastIndexOf('sql-metric-update')).toBe(mine.length - 2);
    expect(mine[mine.length - 1]).toBe('sql-execution-end');
  });

  it('attributes shuffle writes to both exchanges of a shuffled join', async () => {
    spark.conf.set('spark.sql.autoBroadcastJoinThreshold', '-1');
    spark.range(0, 300, 1, 2).createOrReplaceTempView('s');
    const [row] = await spark.sql('SELECT count(*) AS n FROM r JOIN s ON r.id = s.id').collect();
    spark.conf.set('spark.sql.autoBroadcastJoinThreshold', '10485760');
    expect(Number(row!['n'])).toBe(300);
    const x = await lastExecution();
    expect(metric(named(x, 'ShuffledHashJoin')[0], 'number of output rows')).toBe(300);
    const sides = named(x, 'Exchange').filter((e) => metric(e, 'shuffle records written') > 1);
    expect(sides.map((e) => metric(e, 'shuffle records written')).sort((a, b) => a - b)).toEqual([300, 10_000]);
    for (const e of sides) expect(e.metrics.find((m) => m.name === 'shuffle bytes written')!.value).not.toBe('0.0 B');
  });

  it('reports files, partitions and bytes a file scan read, and rows after a filter', async () => {
    const file = path.join(dir, 'people.json');
    fs.writeFileSync(file, Array.from({ length: 50 }, (_, i) => JSON.stringify({ name: `p${i}`, age: i })).join('\n') + '\n');
    const n = await spark.read.json(file).filter('age >= 30').count();
    expect(n).toBe(20);
    const x = await lastExecution();
    const scan = x.nodes.find((node) => node.nodeName === 'Scan json')!;
    expect(metric(scan, 'number of files read')).toBe(1);
    expect(metric(scan, 'number of partitions read')).toBeGreaterThanOrEqual(1);
    expect(scan.metrics.find((m) => m.name === 'size of files read')!.value).toMatch(/KiB$/);
    expect(metric(scan, 'number of output rows')).toBeGreaterThanOrEqual(20); // 50 unless the filter is pushed into the reader
    expect(metric(named(x, 'Filter')[0], 'number of output rows')).toBe(20);
  });
});
