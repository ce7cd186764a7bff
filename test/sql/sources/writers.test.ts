import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import type { ColumnBatch } from '../../../src/sql/batch/column-batch.js';
import { commitWriteJob, setupWriteJob, writeBatches, writeTask } from '../../../src/sql/sources/index.js';
import { T, simpleString, type StructType } from '../../../src/sql/types/data-type.js';
import { readAll } from './read-helpers.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'writers-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const schema: StructType = T.struct([
  { name: 'i', type: T.int, nullable: true },
  { name: 'l', type: T.long, nullable: true },
  { name: 'd', type: T.double, nullable: true },
  { name: 'm', type: T.decimal(10, 2), nullable: true },
  { name: 's', type: T.string, nullable: true },
  { name: 'b', type: T.boolean, nullable: true },
  { name: 'dt', type: T.date, nullable: true },
  { name: 'ts', type: T.timestamp, nullable: true },
]);
const N = 50;
const rowsExpected: unknown[][] = Array.from({ length: N }, (_, r) => r % 7 === 3
  ? [r, null, null, null, null, null, null, null]
  : [r, r * 1_000_000_007, r / 4, r * 125 - 3000, r % 2 ? `s,"${r}"` : `plain ${r}`, r % 3 === 0, 18262 + r, 1577872800000000 + r * 1_500_000]);
function batch(): ColumnBatch {
  const valid = new Uint8Array(N).map((_, r) => (r % 7 === 3 ? 0 : 1));
  const col = (c: number): unknown[] => rowsExpected.map((r) => r[c]);
  return {
    numRows: N,
    columns: [
      { kind: 'i32', values: Int32Array.from(col(0) as number[]), valid: null },
      { kind: 'f64', values: Float64Array.from(col(1).map((x) => (x ?? 0) as number)), valid },
      { kind: 'f64', values: Float64Array.from(col(2).map((x) => (x ?? 0) as number)), valid },
      { kind: 'f64', values: Float64Array.from(col(3).map((x) => (x ?? 0) as number)), valid },
      { kind: 'str', values: col(4) as (string | null)[], valid },
      { kind: 'bool', values: Uint8Array.from(col(5).map((x) => (x ? 1 : 0))), valid },
      { kind: 'i32', values: Int32Array.from(col(6).map((x) => (x ?? 0) as number)), valid },
      { kind: 'f64', values: Float64Array.from(col(7).map((x) => (x ?? 0) as number)), valid },
    ],
  };
}

async function duck(sql: string): Promise<unknown[][]> {
  const db = await DuckDBInstance.create(':memory:');
  const con = await db.connect();
  await con.run("set timezone = 'UTC'");
  const res = await con.runAndReadAll(sql);
  const rows = res.getRows().map((r) => r.map((v) => (v === null ? null : String(v))));
  con.closeSync();
  return rows;
}

const sortRows = (rows: unknown[][]): unknown[][] => [...rows].sort((a, b) => (a[0] as number) - (b[0] as number));

describe('writers round-trip', () => {
  for (const format of ['parquet', 'json', 'csv'] as const) {
    it(`${format}: our reader reads back the same values; Spark layout with _SUCCESS`, () => {
      const out = path.join(dir, `rt-${format}`);
      const options: Record<string, string> = format === 'csv' ? { header: 'true' } : {};
      expect(writeBatches(format, out, [batch()], schema, { options })).toBe(N);
      const names = fs.readdirSync(out).sort();
      expect(names[0]).toBe('_SUCCESS');
      expect(names[1]).toMatch(new RegExp(`^part-00000-[0-9a-f-]{36}\\.c000\\.${format === 'parquet' ? 'snappy\\.parquet' : format}$`));
      const back = readAll(format, [out], options, format === 'parquet' ? undefined : schema);
      expect(simpleString(back.schema)).toBe(simpleString(schema));
      expect(sortRows(back.rows)).toEqual(rowsExpected);
    });
  }

  it('DuckDB reads our parquet identically', async () => {
    const rows = await duck(`select i, l, d, m, s, b, dt, ts from read_parquet('${path.join(dir, 'rt-parquet')}/*.parquet') order by i`);
    expect(rows[1]).toEqual(['1', '1000000007', '0.25', '-28.75', 's,"1"', 'false', '2020-01-02', '2020-01-01 10:00:01.5+00']);
    expect(rows[3]).toEqual(['3', null, null, null, null, null, null, null]);
    expect(rows.length).toBe(N);
  });

  it('DuckDB reads our JSON and CSV', async () => {
    const j = await duck(`select i, l, d, s, b, dt from read_json_auto('${path.join(dir, 'rt-json')}/*.json') order by i`);
    expect(j[1]).toEqual(['1', '1000000007', '0.25', 's,"1"', 'false', '2020-01-02']);
    expect(j[3]).toEqual(['3', null, null, null, null, null]);
    const c = await duck(`select i, l, s, b from read_csv('${path.join(dir, 'rt-csv')}/*.csv', header=true, escape='\\', quote='"') order by i`);
    expect(c[1]).toEqual(['1', '1000000007', 's,"1"', 'false']);
    expect(c[2]).toEqual(['2', '2000000014', 'plain 2', 'false']);
  });

  it('JSON lines omit nulls and print Spark forms', () => {
    const lines = fs.readFileSync(fs.readdirSync(path.join(dir, 'rt-json')).filter((f) => f.endsWith('.json')).map((f) => path.join(dir, 'rt-json', f))[0]!, 'utf8').split('\n');
    expect(lines[3]).toBe('{"i":3}');
    expect(lines[1]).toBe('{"i":1,"l":1000000007,"d":0.25,"m":-28.75,"s":"s,\\"1\\"","b":false,"dt":"2020-01-02","ts":"2020-01-01T10:00:01.500Z"}');
  });

  it('text writer and save modes', () => {
    const out = path.join(dir, 'text');
    const s = T.struct([{ name: 'value', type: T.string, nullable: true }]);
    const b: ColumnBatch = { numRows: 2, columns: [{ kind: 'str', values: ['a', 'b'], valid: null }] };
    writeBatches('text', out, [b], s);
    expect(() => writeBatches('text', out, [b], s)).toThrow(`[PATH_ALREADY_EXISTS] Path file:${out} already exists. Set mode as "overwrite" to overwrite the existing path.`);
    expect(writeBatches('text', out, [b], s, { mode: 'ignore' })).toBe(0);
    writeBatches('text', out, [b], s, { mode: 'append' });
    expect(readAll('text', [out]).rows.length).toBe(4);
    writeBatches('text', out, [b], s, { mode: 'overwrite' });
    expect(readAll('text', [out]).rows.map((r) => r[0]).sort()).toEqual(['a', 'b']);
    expect(() => writeBatches('text', path.join(dir, 'text2'), [batch()], schema)).toThrow(/single column/);
  });

  it('partitionBy writes col=value directories without the column; readers discover it back', async () => {
    const out = path.join(dir, 'parts');
    const s = T.struct([{ name: 'k', type: T.string, nullable: true }, { name: 'v', type: T.long, nullable: true }, { name: 'y', type: T.int, nullable: true }]);
    const b: ColumnBatch = { numRows: 4, columns: [
      { kind: 'str', values: ['a', 'b', 'c', 'd'], valid: null },
      { kind: 'f64', values: Float64Array.from([1, 2, 3, 4]), valid: null },
      { kind: 'i32', values: Int32Array.from([2020, 2021, 2020, 0]), valid: Uint8Array.from([1, 1, 1, 0]) },
    ] };
    writeBatches('parquet', out, [b], s, { partitionBy: ['y'] });
    expect(fs.readdirSync(out).sort()).toEqual(['_SUCCESS', 'y=2020', 'y=2021', 'y=__HIVE_DEFAULT_PARTITION__']);
    const back = readAll('parquet', [out]);
    expect(simpleString(back.schema)).toBe('struct<k:string,v:bigint,y:int>');
    expect(back.rows.sort((x, z) => String(x[0]).localeCompare(String(z[0])))).toEqual([['a', 1, 2020], ['b', 2, 2021], ['c', 3, 2020], ['d', 4, null]]);
    const d = await duck(`select k, v, y from read_parquet('${out}/*/*.parquet', hive_partitioning=true) order by k`);
    expect(d).toEqual([['a', '1', '2020'], ['b', '2', '2021'], ['c', '3', '2020'], ['d', '4', null]]);
  });

  it('multi-task job: every task commits, the job moves all files', () => {
    const out = path.join(dir, 'multi');
    const s = T.struct([{ name: 'v', type: T.long, nullable: true }]);
    const job = setupWriteJob({ format: 'json', path: out, mode: 'errorifexists', options: {}, partitionBy: [], schema: s })!;
    const msgs = [0, 1, 2].map((t) => writeTask(job, t, [{ numRows: 1, columns: [{ kind: 'f64', values: Float64Array.from([t]), valid: null }] }]));
    expect(fs.existsSync(path.join(out, '_SUCCESS'))).toBe(false);
    commitWriteJob(job, msgs);
    expect(fs.readdirSync(out).filter((f) => f.startsWith('part-')).length).toBe(3);
    expect(fs.existsSync(path.join(out, '_temporary'))).toBe(false);
    expect(readAll('json', [out]).rows.map((r) => r[0]).sort()).toEqual([0, 1, 2]);
  });
});
