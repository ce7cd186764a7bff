// Reads DuckDB-written Parquet files (every flat type, nulls, all codecs, v1/v2 pages, dictionary
// and plain) and compares every cell with DuckDB's own reading of the same file.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as arrow from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readParquet, readParquetInfo, readParquetRowGroup } from '../../../../src/sql/sources/parquet/index.js';
import { compareWithDuck, openDuck, type Duck } from './duckdb-oracle.js';

let duck: Duck;
let dir: string;

// name, DuckDB type, SQL expression over i (nulls sprinkled in)
const COLUMNS: Array<[string, string, string]> = [
  ['c_int', 'INTEGER', 'CASE WHEN i % 7 = 3 THEN NULL ELSE (i * 37 - 20000)::INTEGER END'],
  ['c_big', 'BIGINT', '(i * 1000000007 - 5)::BIGINT'],
  ['c_tiny', 'TINYINT', '(i % 200 - 100)::TINYINT'],
  ['c_small', 'SMALLINT', 'CASE WHEN i % 11 = 0 THEN NULL ELSE (i % 30000 - 15000)::SMALLINT END'],
  ['c_utiny', 'UTINYINT', '(i % 250)::UTINYINT'],
  ['c_uint', 'UINTEGER', '(i * 1000003)::UINTEGER'],
  ['c_ubig', 'UBIGINT', '(i * 3)::UBIGINT'],
  ['c_dbl', 'DOUBLE', 'CASE WHEN i % 5 = 0 THEN NULL ELSE i * 0.5 - 3.25 END'],
  ['c_flt', 'FLOAT', '(i * 0.25)::FLOAT'],
  ['c_bool', 'BOOLEAN', 'CASE WHEN i % 13 = 0 THEN NULL ELSE i % 3 = 0 END'],
  ['c_str_dict', 'VARCHAR', "CASE WHEN i % 9 = 0 THEN NULL ELSE ['A', 'N', 'R', 'é⚡'][i % 4 + 1] END"],
  ['c_str', 'VARCHAR', "CASE WHEN i % 17 = 0 THEN NULL ELSE 'comment number ' || (i * 7919) || repeat('x', i % 30) END"],
  ['c_blob', 'BLOB', "CASE WHEN i % 4 = 0 THEN NULL ELSE ('\\x00\\xFF' || (i % 1000)::VARCHAR)::BLOB END"],
  ['c_dec4', 'DECIMAL(4,1)', '((i % 2000) / 10 - 100)::DECIMAL(4,1)'],
  ['c_dec15', 'DECIMAL(15,2)', 'CASE WHEN i % 6 = 1 THEN NULL ELSE (i * 123.45 - 99999.99)::DECIMAL(15,2) END'],
  ['c_dec_q', 'DECIMAL(15,2)', '(i % 50 + 1)::DECIMAL(15,2)'],
  ['c_dec30', 'DECIMAL(30,4)', '(i::HUGEINT * 98765432123456789 - 7)::DECIMAL(30,4) / 1000'],
  ['c_date', 'DATE', "CASE WHEN i % 10 = 2 THEN NULL ELSE DATE '1992-01-01' + (i * 3 % 2500)::INTEGER END"],
  ['c_date_old', 'DATE', "DATE '1969-12-25' - (i % 400)::INTEGER"],
  ['c_ts', 'TIMESTAMP', "TIMESTAMP '2020-02-29 12:34:56.789123' + to_microseconds(i * 1234567891)"],
  ['c_ts_ns', 'TIMESTAMP_NS', "(TIMESTAMP '1965-01-01 00:00:00' + to_microseconds(i * 1000003))::TIMESTAMP_NS"],
  ['c_ts_ms', 'TIMESTAMP_MS', "(TIMESTAMP '2001-01-01' + to_milliseconds(i * 777))::TIMESTAMP_MS"],
  ['c_all_null', 'INTEGER', 'NULL::INTEGER'],
];
const ROWS = 3500;

async function write(file: string, options: string, rows = ROWS): Promise<string> {
  const p = path.join(dir, file);
  const select = COLUMNS.map(([n, t, e]) => `(${e})::${t} AS ${n}`).join(', ');
  await duck.run(`COPY (SELECT ${select} FROM range(${rows}) t(i)) TO '${p}' (FORMAT PARQUET, ${options})`);
  return p;
}

async function expectSameAsDuck(file: string, table: arrow.Table, columns = COLUMNS.map((c) => c[0])): Promise<void> {
  const types = new Map(COLUMNS.map(([n, t]) => [n, t]));
  await compareWithDuck(duck, file, table, columns.map((c) => [c, types.get(c)!]));
}

beforeAll(async () => {
  duck = await openDuck();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsspark-parquet-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('readParquet against DuckDB', () => {
  for (const codec of ['uncompressed', 'snappy', 'gzip', 'zstd']) {
    it(`reads every flat type with nulls (${codec}, row groups of 1000)`, async () => {
      const file = await write(`all-${codec}.parquet`, `COMPRESSION '${codec}', ROW_GROUP_SIZE 1000`);
      const info = readParquetInfo(file);
      expect(info.numRows).toBe(ROWS);
      expect(info.rowGroups.length).toBeGreaterThan(1);
      await expectSameAsDuck(file, readParquet(file));
    });
  }

  it('reads v2 data pages with delta encodings (PARQUET_VERSION V2)', async () => {
    const file = await write('all-v2.parquet', "COMPRESSION 'zstd', ROW_GROUP_SIZE 2000, PARQUET_VERSION V2");
    const encodings = await duck.rows(`SELECT DISTINCT unnest(string_split(encodings, ',')) FROM parquet_metadata('${file}')`);
    expect(encodings.flat().map((e) => String(e).trim())).toContain('DELTA_BINARY_PACKED');
    await expectSameAsDuck(file, readParquet(file));
  });

  it('maps types to Arrow: Decimal128, DateDay, Timestamp[us], narrow ints, dictionary strings', async () => {
    const file = await write('types.parquet', "COMPRESSION 'snappy'", 500);
    const { schema } = readParquetInfo(file);
    const type = (n: string): arrow.DataType => schema.fields.find((f) => f.name === n)!.type;
    expect(String(type('c_dec15'))).toBe(String(new arrow.Decimal(2, 15, 128)));
    expect(type('c_date')).toBeInstanceOf(arrow.DateDay);
    expect(type('c_ts')).toBeInstanceOf(arrow.TimestampMicrosecond);
    expect(type('c_ts_ns')).toBeInstanceOf(arrow.TimestampMicrosecond);
    expect(type('c_tiny')).toBeInstanceOf(arrow.Int8);
    expect(type('c_small')).toBeInstanceOf(arrow.Int16);
    expect(type('c_ubig')).toBeInstanceOf(arrow.Uint64);
    expect(type('c_big')).toBeInstanceOf(arrow.Int64);
    expect(type('c_str_dict')).toBeInstanceOf(arrow.Dictionary);
    expect(type('c_str')).toBeInstanceOf(arrow.Utf8);
    expect(type('c_blob')).toBeInstanceOf(arrow.Binary);
    expect(schema.fields.every((f) => f.nullable)).toBe(true);
    // options: decimals as doubles, strings materialized
    const t = readParquet(file, { columns: ['c_dec15', 'c_str_dict'], decimalAs: 'float64', stringsAsDictionary: false });
    expect(t.getChild('c_dec15')!.type).toBeInstanceOf(arrow.Float64);
    expect(t.getChild('c_str_dict')!.type).toBeInstanceOf(arrow.Utf8);
    const want = await duck.rows(`SELECT c_dec15::DOUBLE, c_str_dict FROM read_parquet('${file}')`);
    expect(t.toArray().map((r) => [r.c_dec15, r.c_str_dict])).toEqual(want);
  });

  it('reads only the projected columns of one row group, in the requested order', async () => {
    const file = await write('proj.parquet', "COMPRESSION 'snappy', ROW_GROUP_SIZE 1000");
    const groups = readParquetInfo(file).rowGroups;
    const batch = readParquetRowGroup(file, 1, ['c_str', 'c_int']);
    expect(batch.schema.fields.map((f) => f.name)).toEqual(['c_str', 'c_int']);
    expect(batch.numRows).toBe(groups[1]!.numRows);
    const want = await duck.rows(`SELECT c_str, c_int FROM read_parquet('${file}') LIMIT ${groups[1]!.numRows} OFFSET ${groups[0]!.numRows}`);
    expect(batch.toArray().map((r) => [r.c_str, r.c_int])).toEqual(want);
    expect(() => readParquetRowGroup(file, 9)).toThrow(/row group 9 out of range/);
    expect(() => readParquetRowGroup(file, 0, ['nope'])).toThrow(/column nope does not exist/);
  });
});
