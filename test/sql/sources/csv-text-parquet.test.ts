import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { inferSchema, readPartitions, readSplit } from '../../../src/sql/sources/index.js';
import { simpleString, type StructType } from '../../../src/sql/types/data-type.js';
import { readAll, toRows } from './read-helpers.js';
import { DuckDBInstance } from '@duckdb/node-api';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'csv-src-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const write = (name: string, text: string | Buffer): string => { const p = path.join(dir, name); fs.mkdirSync(path.dirname(p), { recursive: true }); fs.writeFileSync(p, text); return p; };

describe('CSV source', () => {
  it('header + inferSchema follow Spark: int, bigint, double, date, timestamp, boolean, string', () => {
    const p = write('t.csv', 'i,l,d,dt,ts,b,s,e\n1,3000000000,1.5,2020-01-01,2020-01-01 10:00:00,true,x,\n2,4,2,2020-02-01,2020-01-02 00:00:00,FALSE,"a,b",\n');
    const r = readAll('csv', [p], { header: 'true', inferSchema: 'true' });
    expect(simpleString(r.schema)).toBe('struct<i:int,l:bigint,d:double,dt:date,ts:timestamp,b:boolean,s:string,e:string>');
    expect(r.rows[0]).toEqual([1, 3000000000, 1.5, 18262, 1577872800000000, true, 'x', null]);
    expect(r.rows[1]).toEqual([2, 4, 2, 18293, 1577923200000000, false, 'a,b', null]);
  });

  it('without header: _c0.. string columns; sep, quote, escape, nullValue', () => {
    const p = write('n.csv', 'a;"q;\\"x\\"";NA\nb;"";z\n');
    const r = readAll('csv', [p], { sep: ';', nullValue: 'NA' });
    expect(simpleString(r.schema)).toBe('struct<_c0:string,_c1:string,_c2:string>');
    expect(r.rows).toEqual([['a', 'q;"x"', null], ['b', '', 'z']]);
  });

  it('mixed types widen (int then double → double; int then text → string)', () => {
    const p = write('m.csv', 'a,b\n1,1\n2.5,x\n');
    const r = readAll('csv', [p], { header: 'true', inferSchema: 'true' });
    expect(simpleString(r.schema)).toBe('struct<a:double,b:string>');
  });

  it('modes on a value that does not fit the schema', () => {
    const p = write('bad.csv', '1,a\nx,b\n3,c\n');
    const schema: StructType = { kind: 'struct', fields: [
      { name: 'n', type: { kind: 'int' }, nullable: true }, { name: 's', type: { kind: 'string' }, nullable: true },
      { name: '_corrupt_record', type: { kind: 'string' }, nullable: true }] };
    expect(readAll('csv', [p], {}, schema).rows).toEqual([[1, 'a', null], [null, 'b', 'x,b'], [3, 'c', null]]);
    expect(readAll('csv', [p], { mode: 'DROPMALFORMED' }, schema).rows.length).toBe(2);
    expect(() => readAll('csv', [p], { mode: 'FAILFAST' }, schema)).toThrow(/MALFORMED_RECORD_IN_PARSING.*bad\.csv, line 2/s);
  });

  it('multiLine keeps newlines inside quotes; dateFormat is honoured', () => {
    const p = write('ml.csv', 'a,b\n"line1\nline2",01/02/2020\n');
    const r = readAll('csv', [p], { header: 'true', multiLine: 'true', inferSchema: 'true', dateFormat: 'MM/dd/yyyy' });
    expect(simpleString(r.schema)).toBe('struct<a:string,b:date>');
    expect(r.rows).toEqual([['line1\nline2', 18263]]);
  });

  it('binary passed as CSV is a clear error naming the file', () => {
    const p = write('img.csv', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]));
    expect(() => inferSchema('csv', [p], {})).toThrow(/img\.csv is not a valid CSV file/);
  });

  it('agrees with DuckDB read_csv_auto on values', async () => {
    const lines = ['id,name,score'];
    for (let i = 0; i < 200; i++) lines.push(`${i},n${i % 7},${(i * 1.25).toFixed(2)}`);
    const p = write('duck.csv', lines.join('\n') + '\n');
    const r = readAll('csv', [p], { header: 'true', inferSchema: 'true' }, undefined, { maxPartitionBytes: 500, openCostInBytes: 0 });
    const db = await DuckDBInstance.create(':memory:');
    const con = await db.connect();
    const res = await con.runAndReadAll(`select id, name, score from read_csv_auto('${p}') order by id`);
    const duck = res.getRows().map((row) => [Number(row[0]), row[1], Number(row[2])]);
    expect(r.rows.sort((a, b) => (a[0] as number) - (b[0] as number))).toEqual(duck);
    con.closeSync();
  });
});

describe('text source', () => {
  it('one value per line, splits keep every line once', () => {
    const p = write('t.txt', 'a\r\nbb\n\nccc');
    expect(readAll('text', [p]).rows).toEqual([['a'], ['bb'], [''], ['ccc']]);
    const lines = Array.from({ length: 300 }, (_, i) => `line ${i}`);
    const q = write('many.txt', lines.join('\n'));
    const got = readAll('text', [q], {}, undefined, { maxPartitionBytes: 97, openCostInBytes: 0 }).rows.map((r) => r[0]);
    expect(got.sort()).toEqual([...lines].sort());
    const fixed = Array.from({ length: 40 }, (_, i) => `row-${String(i).padStart(5, '0')}`); // 10 bytes + newline
    const f = write('fixed.txt', fixed.join('\n') + '\n');
    for (const size of [11, 22, 5, 1]) {
      const rows = readAll('text', [f], {}, undefined, { maxPartitionBytes: size, openCostInBytes: 0, parallelism: 64 }).rows.map((r) => r[0]);
      expect(rows.sort()).toEqual(fixed); // a split boundary on a line start never loses or doubles the line
    }
    expect(readAll('text', [p], { wholetext: 'true' }).rows).toEqual([['a\r\nbb\n\nccc']]);
  });
});

describe('parquet source', () => {
  it('reads DuckDB-written parquet: types, decimals unscaled, dict strings, pruning by filters', async () => {
    const p = path.join(dir, 'd.parquet');
    const db = await DuckDBInstance.create(':memory:');
    const con = await db.connect();
    await con.run(`copy (select i::int as i, i::bigint * 10 as l, (i / 4)::double as d, (i::decimal(10,2) / 100)::decimal(10,2) as m,
      'k' || (i % 3) as s, date '2020-01-01' + i::int as dt, case when i % 5 = 0 then null else i end as n
      from range(0, 10000) t(i)) to '${p}' (format parquet, row_group_size 2048)`);
    con.closeSync();
    const r = readAll('parquet', [p]);
    expect(simpleString(r.schema)).toBe('struct<i:int,l:bigint,d:double,m:decimal(10,2),s:string,dt:date,n:bigint>');
    expect(r.rows.length).toBe(10000);
    expect(r.rows[7]).toEqual([7, 70, 1.75, 7, 'k1', 18262 + 7, 7]);
    expect(r.rows[5]![6]).toBeNull();
    const source = { format: 'parquet' as const, paths: [p], options: {}, schema: r.schema };
    const filter = { kind: 'call' as const, fn: 'greater_than_or_equal', type: { kind: 'boolean' as const }, nullable: true,
      args: [{ kind: 'bound' as const, ordinal: 0, name: 'i', type: { kind: 'int' as const }, nullable: false }, { kind: 'literal' as const, value: 9000, type: { kind: 'int' as const } }] };
    const tasks = readPartitions(source, ['i', 's'], [filter]);
    const rows = tasks.flatMap((t) => [...readSplit(t, ['i', 's'])].flatMap(toRows));
    expect(rows.length).toBe(10000 - 4 * 2048); // only the last row group survives pruning
    const batch = [...readSplit(tasks[0]!, ['s'])][0]!;
    expect(batch.columns[0]!.kind).toBe('dict');
  });

  it('a truncated parquet file is a clear error naming the file', () => {
    const p = write('trunc.parquet', Buffer.from('PAR1 this is not really parquet'));
    expect(() => inferSchema('parquet', [p], {})).toThrow(/trunc\.parquet/);
  });
});
