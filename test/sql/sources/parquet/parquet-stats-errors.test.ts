// Footer statistics, row-group pruning, nested-column and corrupt-file errors, and files written
// by a second writer (parquetjs-lite, v1 and v2 pages) checked against DuckDB.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readParquet, readParquetInfo, readParquetRowGroup, rowGroupMayMatch, type RowGroupStats } from '../../../../src/sql/sources/parquet/index.js';
import { isTsSparkError } from '../../../../src/common/errors.js';
import { compareWithDuck, openDuck, type Duck } from './duckdb-oracle.js';

let duck: Duck;
let dir: string;
let sorted: string;

const thrown = (fn: () => unknown): unknown => { try { fn(); } catch (e) { return e; } throw new Error('expected a throw'); };

beforeAll(async () => {
  duck = await openDuck();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsspark-parquet-stats-'));
  sorted = path.join(dir, 'sorted.parquet');
  await duck.run(`COPY (SELECT i::BIGINT AS k, (i % 1000)::INTEGER AS m, 'key' || lpad(i::VARCHAR, 5, '0') AS s,
      (i / 100)::DECIMAL(10,2) AS d, DATE '2000-01-01' + i::INTEGER AS dt, CASE WHEN i < 2048 THEN NULL ELSE i END::INTEGER AS n
    FROM range(6000) t(i)) TO '${sorted}' (FORMAT PARQUET, ROW_GROUP_SIZE 2048)`);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('statistics and pruning', () => {
  it('decodes min/max/null counts per row group and type', () => {
    const info = readParquetInfo(sorted);
    expect(info.rowGroups.map((g) => g.numRows)).toEqual([2048, 2048, 1904]);
    const g1 = info.rowGroups[1]!.columns;
    const col = (n: string) => g1.find((c) => c.name === n)!;
    expect(col('k')).toMatchObject({ min: 2048n, max: 4095n, nullCount: 0 });
    expect(col('s')).toMatchObject({ min: 'key02048', max: 'key04095' });
    expect(col('d')).toMatchObject({ min: 20.48, max: 40.95 });
    expect(col('dt')).toMatchObject({ min: 10957 + 2048, max: 10957 + 4095 });
    expect(info.rowGroups[0]!.columns.find((c) => c.name === 'n')!.nullCount).toBe(2048);
  });

  it('rowGroupMayMatch follows min/max and null counts', () => {
    const g: RowGroupStats = { numRows: 10, columns: [{ name: 'x', min: 5, max: 9, nullCount: 0 }, { name: 'z', nullCount: 10 }] };
    const cmp = (op: '=' | '<' | '<=' | '>' | '>=' | '!=', value: number) => rowGroupMayMatch(g, { kind: 'cmp', column: 'x', op, value });
    expect([cmp('=', 4), cmp('=', 5), cmp('=', 10), cmp('<', 5), cmp('<=', 5), cmp('>', 9), cmp('>=', 9)]).toEqual([false, true, false, false, true, false, true]);
    expect(rowGroupMayMatch({ numRows: 3, columns: [{ name: 'x', min: 7, max: 7, nullCount: 0 }] }, { kind: 'cmp', column: 'x', op: '!=', value: 7 })).toBe(false);
    expect(rowGroupMayMatch(g, { kind: 'isNull', column: 'x' })).toBe(false);
    expect(rowGroupMayMatch(g, { kind: 'isNotNull', column: 'z' })).toBe(false);
    expect(rowGroupMayMatch(g, { kind: 'cmp', column: 'z', op: '=', value: 1 })).toBe(false);
    expect(rowGroupMayMatch(g, { kind: 'cmp', column: 'unknown', op: '=', value: 1 })).toBe(true);
    expect(rowGroupMayMatch(g, { kind: 'and', children: [{ kind: 'cmp', column: 'x', op: '>', value: 6 }, { kind: 'cmp', column: 'x', op: '<', value: 2 }] })).toBe(false);
    expect(rowGroupMayMatch(g, { kind: 'or', children: [{ kind: 'cmp', column: 'x', op: '>', value: 60 }, { kind: 'in', column: 'x', values: [1, 8] }] })).toBe(true);
    expect(rowGroupMayMatch(g, { kind: 'cmp', column: 'x', op: '=', value: null })).toBe(false);
  });

  it('readParquet skips row groups the pushed-down predicate rules out', async () => {
    const t = readParquet(sorted, { columns: ['k', 's'], predicate: { kind: 'cmp', column: 'k', op: '>=', value: 4500n } });
    expect(t.numRows).toBe(1904);
    expect(t.getChild('k')!.get(0)).toBe(4096n);
    const byString = readParquet(sorted, { columns: ['k'], predicate: { kind: 'cmp', column: 's', op: '<', value: 'key01000' } });
    expect(byString.numRows).toBe(2048);
    const byDate = readParquet(sorted, { columns: ['k'], predicate: { kind: 'cmp', column: 'dt', op: '>', value: new Date('2010-01-01') } });
    expect(byDate.numRows).toBe(1904 + 2048);
    const none = readParquet(sorted, { columns: ['k', 'd'], rowGroupFilter: () => false });
    expect(none.numRows).toBe(0);
    expect(none.schema.fields.map((f) => f.name)).toEqual(['k', 'd']);
  });
});

describe('errors', () => {
  it('names nested columns as unsupported but reads the flat ones', async () => {
    const file = path.join(dir, 'nested.parquet');
    await duck.run(`COPY (SELECT i AS x, [i, i + 1] AS l, {'a': i, 'b': 'q'} AS st, i * 2 AS y FROM range(100) t(i)) TO '${file}' (FORMAT PARQUET)`);
    const info = readParquetInfo(file);
    expect(info.unsupportedColumns).toEqual(['l', 'st']);
    expect(info.schema.fields.map((f) => f.name)).toEqual(['x', 'y']);
    const t = readParquet(file, { columns: ['y', 'x'] });
    expect(t.getChild('y')!.get(99)).toBe(198n);
    const e = thrown(() => readParquet(file));
    expect(isTsSparkError(e, 'UNSUPPORTED')).toBe(true);
    expect(String(e)).toMatch(/column l .*nested/);
  });

  it('reports truncated, garbled and non-parquet files as CORRUPT_FILE naming the file', async () => {
    const bytes = fs.readFileSync(sorted);
    const truncated = path.join(dir, 'truncated.parquet');
    fs.writeFileSync(truncated, bytes.subarray(0, bytes.length >> 1));
    const text = path.join(dir, 'text.parquet');
    fs.writeFileSync(text, 'name,value\nalpha,1\n');
    for (const f of [truncated, text]) {
      const e = thrown(() => readParquetInfo(f));
      expect(isTsSparkError(e, 'CORRUPT_FILE')).toBe(true);
      expect(String(e)).toContain(f);
    }
    // overwrite the first column chunk's page header with garbage
    const meta = await duck.rows(`SELECT data_page_offset, dictionary_page_offset FROM parquet_metadata('${sorted}') WHERE row_group_id = 0 AND path_in_schema = 'k'`);
    const at = Number(meta[0]![1] ?? meta[0]![0]);
    const garbled = path.join(dir, 'garbled.parquet');
    const copy = Buffer.from(bytes);
    copy.fill(0xff, at, at + 40);
    fs.writeFileSync(garbled, copy);
    const e = thrown(() => readParquetRowGroup(garbled, 0, ['k']));
    expect(isTsSparkError(e, 'CORRUPT_FILE')).toBe(true);
    expect(String(e)).toContain(garbled);
    expect((e as { details: Record<string, unknown> }).details).toMatchObject({ column: 'k', rowGroup: 0 });
    expect(isTsSparkError(thrown(() => readParquet(path.join(dir, 'missing.parquet'))), 'PATH_NOT_FOUND')).toBe(true);
  });
});

describe('parquetjs-lite files', () => {
  for (const v2 of [false, true]) {
    it(`reads optional/required columns written with ${v2 ? 'v2' : 'v1'} pages`, async () => {
      const require = createRequire(import.meta.url);
      const parquet = require('parquetjs-lite') as {
        ParquetSchema: new (s: Record<string, unknown>) => unknown;
        ParquetWriter: { openFile(schema: unknown, file: string, opts?: Record<string, unknown>): Promise<{ appendRow(r: Record<string, unknown>): Promise<void>; close(): Promise<void>; setRowGroupSize(n: number): void }> };
      };
      const schema = new parquet.ParquetSchema({
        id: { type: 'INT64' },
        qty: { type: 'INT32', optional: true },
        price: { type: 'DOUBLE', compression: 'SNAPPY' },
        ratio: { type: 'FLOAT', optional: true, compression: 'GZIP' },
        name: { type: 'UTF8', optional: true },
        flag: { type: 'BOOLEAN', optional: true },
        ts: { type: 'TIMESTAMP_MILLIS' },
        day: { type: 'DATE', optional: true },
        raw: { type: 'BYTE_ARRAY', optional: true },
      });
      const file = path.join(dir, `pjs-${v2}.parquet`);
      const w = await parquet.ParquetWriter.openFile(schema, file, { useDataPageV2: v2 });
      w.setRowGroupSize(300);
      for (let i = 0; i < 1000; i++) {
        await w.appendRow({
          id: i * 1000003, price: i * 1.25, ts: new Date(Date.UTC(2021, 0, 1) + i * 61001),
          ...(i % 3 ? { qty: i - 500 } : {}), ...(i % 4 ? { ratio: i / 8 } : {}), ...(i % 5 ? { name: `n${i % 17}` } : {}),
          ...(i % 6 ? { flag: i % 2 === 0 } : {}), ...(i % 7 ? { day: new Date(Date.UTC(1999, 11, 31) + i * 86400000) } : {}),
          ...(i % 8 ? { raw: Buffer.from([i & 255, 7]) } : {}),
        });
      }
      await w.close();
      const t = readParquet(file);
      expect(readParquetInfo(file).rowGroups.length).toBeGreaterThan(2);
      await compareWithDuck(duck, file, t, [['id', 'BIGINT'], ['qty', 'INTEGER'], ['price', 'DOUBLE'], ['ratio', 'FLOAT'], ['name', 'VARCHAR'],
        ['flag', 'BOOLEAN'], ['ts', 'TIMESTAMP'], ['day', 'DATE'], ['raw', 'BLOB']]);
    });
  }
});
