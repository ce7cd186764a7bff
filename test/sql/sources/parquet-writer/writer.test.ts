// The columnar Parquet writer: every supported type, nulls, dictionary and plain strings, both codecs, several
// row groups — read back by DuckDB and by our own reader, compared cell by cell; statistics and snappy round trips.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Column, ColumnBatch } from '../../../../src/sql/batch/column-batch.js';
import { readParquet, readParquetInfo } from '../../../../src/sql/sources/parquet/index.js';
import { snappyDecompress } from '../../../../src/sql/sources/parquet/snappy.js';
import { snappyCompress } from '../../../../src/sql/sources/parquet/writer/snappy-compress.js';
import { writeParquetFile } from '../../../../src/sql/sources/parquet/writer/index.js';
import { T, type StructType } from '../../../../src/sql/types/data-type.js';
import { cell, formatDecimal, openDuck } from '../parquet/duckdb-oracle.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pq-writer-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const schema: StructType = T.struct([
  { name: 'b', type: T.boolean, nullable: true },
  { name: 'i8', type: T.byte, nullable: true },
  { name: 'i16', type: T.short, nullable: true },
  { name: 'i', type: T.int, nullable: false },
  { name: 'l', type: T.long, nullable: true },
  { name: 'f', type: T.float, nullable: true },
  { name: 'd', type: T.double, nullable: true },
  { name: 'flag', type: T.string, nullable: true },
  { name: 'txt', type: T.string, nullable: true },
  { name: 'dk', type: T.string, nullable: true },
  { name: 'dt', type: T.date, nullable: true },
  { name: 'ts', type: T.timestamp, nullable: true },
  { name: 'm', type: T.decimal(15, 2), nullable: true },
  { name: 'm9', type: T.decimal(7, 3), nullable: true },
  { name: 'big', type: T.decimal(25, 4), nullable: true },
]);

let seed = 42;
const rnd = (): number => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296);

function makeBatch(n: number, base: number): ColumnBatch {
  const valid = (p: number): Uint8Array => Uint8Array.from({ length: n }, () => (rnd() < p ? 0 : 1));
  const i32 = (f: (k: number) => number, v: Uint8Array | null): Column => ({ kind: 'i32', values: Int32Array.from({ length: n }, (_, k) => f(k)), valid: v });
  const f64 = (f: (k: number) => number, v: Uint8Array | null): Column => ({ kind: 'f64', values: Float64Array.from({ length: n }, (_, k) => f(k)), valid: v });
  const flags = ['A', 'N', 'R', 'é ü'];
  return {
    numRows: n,
    columns: [
      { kind: 'bool', values: Uint8Array.from({ length: n }, () => (rnd() < 0.5 ? 1 : 0)), valid: valid(0.1) },
      i32(() => Math.floor(rnd() * 256) - 128, valid(0.1)),
      i32(() => Math.floor(rnd() * 65536) - 32768, null),
      i32((k) => base + k, null),
      f64(() => Math.floor((rnd() - 0.5) * 2 ** 52), valid(0.2)),
      f64(() => (rnd() - 0.5) * 1000, valid(0.1)),
      f64(() => (rnd() - 0.5) * 1e6, valid(0.1)),
      { kind: 'str', values: Array.from({ length: n }, () => flags[Math.floor(rnd() * 4)]!), valid: valid(0.1) },
      { kind: 'str', values: Array.from({ length: n }, (_, k) => `row ${base + k} ${rnd().toString(36)}`), valid: valid(0.1) },
      { kind: 'dict', ids: Int32Array.from({ length: n }, () => Math.floor(rnd() * 3)), dictionary: ['x', 'yy', 'zzz'], valid: valid(0.1) },
      i32(() => Math.floor(rnd() * 20000) - 5000, valid(0.1)),
      f64(() => Math.floor((rnd() - 0.3) * 2e15), valid(0.1)),
      f64(() => Math.floor((rnd() - 0.5) * 1e13), valid(0.1)),
      f64(() => Math.floor((rnd() - 0.5) * 1e7), valid(0.1)),
      f64(() => Math.floor((rnd() - 0.5) * 2 ** 53), valid(0.1)),
    ],
  };
}

/** Canonical text per type, the same way duckdb-oracle renders Arrow cells. */
function expected(b: ColumnBatch, c: number, k: number): string | null {
  const col = b.columns[c]!;
  if (col.valid !== null && col.valid[k] === 0) return null;
  const t = schema.fields[c]!.type;
  switch (col.kind) {
    case 'bool': return String(col.values[k] === 1);
    case 'i32': return String(col.values[k]);
    case 'f64': {
      const v = col.values[k]!;
      if (t.kind === 'decimal') return formatDecimal(BigInt(v), t.scale);
      if (t.kind === 'float') return String(Math.fround(v));
      return String(v);
    }
    case 'str': return col.values[k] ?? null;
    case 'dict': return col.dictionary[col.ids[k]!]!;
    default: return null;
  }
}

const duckExpr = (name: string, kind: string): string => {
  switch (kind) {
    case 'date': return `(${name} - DATE '1970-01-01')::VARCHAR`;
    case 'timestamp': return `epoch_us(${name})::VARCHAR`;
    case 'float': return `${name}::DOUBLE`;
    case 'double': return `${name}::DOUBLE`;
    case 'decimal': return `${name}::VARCHAR`;
    default: return `${name}::VARCHAR`;
  }
};

describe('writeParquetFile', () => {
  const batches = [makeBatch(3000, 0), makeBatch(2500, 3000)];
  for (const compression of ['snappy', 'none', 'gzip'] as const) {
    it(`round-trips every type with nulls through DuckDB and our reader (${compression})`, async () => {
      const file = path.join(dir, `all-${compression}.parquet`);
      const res = writeParquetFile(file, schema, batches, { compression, rowGroupRows: 2000, pageRows: 700 });
      expect(res).toMatchObject({ rows: 5500, rowGroups: 3 });
      const duck = await openDuck();
      const sel = schema.fields.map((f) => duckExpr(f.name, f.type.kind)).join(', ');
      const rows = await duck.rows(`SELECT ${sel} FROM read_parquet('${file}') ORDER BY i`);
      const table = readParquet(file);
      expect(rows.length).toBe(5500);
      expect(table.numRows).toBe(5500);
      // our reader yields one record batch per row group: flatten to (batch, row) positions
      const ours: Array<[number, number]> = [];
      table.batches.forEach((rb, bi) => { for (let k = 0; k < rb.numRows; k++) ours.push([bi, k]); });
      let r = 0;
      const bad: string[] = [];
      for (const b of batches) {
        for (let k = 0; k < b.numRows; k++, r++) {
          for (let c = 0; c < schema.fields.length; c++) {
            const want = expected(b, c, k);
            const kind = schema.fields[c]!.type.kind;
            const got = rows[r]![c];
            const duckText = (kind === 'float' || kind === 'double') && got !== null ? String(got) : got;
            const [bi, bk] = ours[r]!;
            const ourText = cell(table.batches[bi]!.getChildAt(c)!, bk);
            if (duckText !== want) bad.push(`duckdb row ${r} ${schema.fields[c]!.name}: ${String(duckText)} != ${want}`);
            if (ourText !== want) bad.push(`reader row ${r} ${schema.fields[c]!.name}: ${ourText} != ${want}`);
          }
        }
      }
      expect(bad.slice(0, 5)).toEqual([]);
    });
  }

  it('writes dictionary pages for low-cardinality strings and min/max/null_count statistics', async () => {
    const file = path.join(dir, 'stats.parquet');
    writeParquetFile(file, schema, batches, { rowGroupRows: 2000 });
    const duck = await openDuck();
    const meta = await duck.rows(`SELECT row_group_id, path_in_schema, encodings, stats_min_value, stats_max_value, stats_null_count
      FROM parquet_metadata('${file}') WHERE path_in_schema IN ('i', 'flag', 'txt') ORDER BY row_group_id, path_in_schema`);
    const byCol = (rg: number, c: string): unknown[] => meta.find((m) => m[0] === BigInt(rg) && m[1] === c)!;
    expect(String(byCol(0, 'flag')[2])).toContain('RLE_DICTIONARY');
    expect(String(byCol(0, 'txt')[2])).not.toContain('DICTIONARY');
    expect(byCol(1, 'i').slice(3, 6)).toEqual(['2000', '3999', 0n]);
    expect(byCol(0, 'flag')[3]).toBe('A');
    const info = readParquetInfo(file);
    expect(info.rowGroups[2]!.columns.find((c) => c.name === 'i')).toMatchObject({ min: 4000, max: 5499, nullCount: 0 });
    const nulls = batches.reduce((a, b) => a + b.numRows - b.columns[7]!.valid!.reduce((x, y) => x + y, 0), 0);
    const got = info.rowGroups.reduce((a, g) => a + g.columns.find((c) => c.name === 'flag')!.nullCount!, 0);
    expect(got).toBe(nulls);
  });

  it("snappy output decompresses to the input (the reader's decoder as reference)", () => {
    const inputs = [
      new Uint8Array(0),
      Buffer.from('abcabcabcabcabcabcabcabc'.repeat(500)),
      Uint8Array.from({ length: 200_000 }, () => Math.floor(rnd() * 256)),
      Uint8Array.from({ length: 300_000 }, (_, k) => (k % 1000 < 500 ? 7 : Math.floor(rnd() * 4))),
    ];
    for (const input of inputs) {
      const z = snappyCompress(input);
      const back = new Uint8Array(input.length);
      expect(snappyDecompress(z, 0, z.length, back)).toBe(input.length);
      expect(Buffer.compare(Buffer.from(back), Buffer.from(input))).toBe(0);
    }
    expect(snappyCompress(inputs[1]!).length).toBeLessThan(inputs[1]!.length / 10);
  });
});
