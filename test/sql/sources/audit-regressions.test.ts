// Regressions from the issue-3 acceptance audit: JSON samplingRatio on small inputs, text-writer schema checked on
// the driver before any task or temporary directory.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { inferSchema, setupWriteJob } from '../../../src/sql/sources/index.js';
import { T, simpleString } from '../../../src/sql/types/data-type.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'src-audit-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('JSON samplingRatio', () => {
  it('a sample that misses every line of a small file still infers the schema from the data', () => {
    const p = path.join(dir, 'people.json');
    fs.writeFileSync(p, '{"name":"Michael"}\n{"name":"Andy", "age":30}\n{"name":"Justin", "age":19}\n');
    for (const ratio of ['0.01', '0.5']) {
      expect(simpleString(inferSchema('json', [p], { samplingRatio: ratio }))).toMatch(/^struct<(age:bigint,)?name:string>$/);
    }
  });
  it('samplingRatio must be positive', () => {
    const p = path.join(dir, 'one.json');
    fs.writeFileSync(p, '{"a":1}\n');
    expect(() => inferSchema('json', [p], { samplingRatio: '0' })).toThrow(/samplingRatio \(0\) should be greater than 0/);
  });
});

describe('text writer schema', () => {
  const field = (name: string, type: typeof T.string | typeof T.int) => ({ name, type, nullable: true });
  it('more than one data column is refused before the job starts (no directory created)', () => {
    const out = path.join(dir, 'text-out');
    const schema = T.struct([field('a', T.string), field('b', T.string)]);
    expect(() => setupWriteJob({ format: 'text', path: out, mode: 'errorifexists', options: {}, partitionBy: [], schema }))
      .toThrow('Text data source supports only a single column, and you have 2 columns.');
    expect(fs.existsSync(out)).toBe(false);
  });
  it('partition columns do not count; a non-string data column is refused', () => {
    const ok = setupWriteJob({ format: 'text', path: path.join(dir, 't2'), mode: 'overwrite', options: {}, partitionBy: ['b'],
      schema: T.struct([field('a', T.string), field('b', T.string)]) });
    expect(ok).not.toBeNull();
    expect(() => setupWriteJob({ format: 'text', path: path.join(dir, 't3'), mode: 'overwrite', options: {}, partitionBy: [],
      schema: T.struct([field('n', T.int)]) })).toThrow(/doesn't support the column `n` of the type "INT"/);
  });
});

describe('parquet compression option', () => {
  it('gzip names files .gz.parquet; an unknown codec is refused on the driver', async () => {
    const { writeBatches } = await import('../../../src/sql/sources/index.js');
    const out = path.join(dir, 'gz');
    const schema = T.struct([{ name: 'a', type: T.int, nullable: true }]);
    writeBatches('parquet', out, [{ numRows: 2, columns: [{ kind: 'i32', values: new Int32Array([1, 2]), valid: null }] }], schema, { options: { compression: 'gzip' } });
    expect(fs.readdirSync(out).filter((f) => f.endsWith('.gz.parquet')).length).toBe(1);
    expect(() => setupWriteJob({ format: 'parquet', path: path.join(dir, 'lz'), mode: 'overwrite', options: { compression: 'lzo' }, partitionBy: [], schema }))
      .toThrow('Codec [lzo] is not available. Available codecs are uncompressed, none, snappy, gzip.');
  });
});

describe('unsupported column types are refused before the job', () => {
  it('CSV: nested and binary columns (Spark type text in the message); Parquet: what its writer cannot map', () => {
    const arr = T.struct([{ name: 'id', type: T.int, nullable: true }, { name: 'a', type: T.array(T.int), nullable: true }]);
    const out = path.join(dir, 'nested-csv');
    expect(() => setupWriteJob({ format: 'csv', path: out, mode: 'overwrite', options: {}, partitionBy: [], schema: arr }))
      .toThrow('[UNSUPPORTED_DATA_TYPE_FOR_DATASOURCE] The CSV datasource doesn\'t support the column `a` of the type "ARRAY<INT>".');
    expect(fs.existsSync(out)).toBe(false);
    expect(() => setupWriteJob({ format: 'parquet', path: path.join(dir, 'nested-pq'), mode: 'overwrite', options: {}, partitionBy: [], schema: arr }))
      .toThrow(/column a of type array<int> is not supported/);
    expect(setupWriteJob({ format: 'json', path: path.join(dir, 'nested-json'), mode: 'overwrite', options: {}, partitionBy: [], schema: arr })).not.toBeNull();
  });
});
