import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { inferSchema, readPartitions, readSplit } from '../../../src/sql/sources/index.js';
import { readAll, toRows } from './read-helpers.js';
import { showString } from '../../../src/sql/show/index.js';
import { simpleString, type StructType } from '../../../src/sql/types/data-type.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'json-src-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const write = (name: string, text: string): string => { const p = path.join(dir, name); fs.mkdirSync(path.dirname(p), { recursive: true }); fs.writeFileSync(p, text); return p; };

describe('JSON source', () => {
  it('reads the classic people.json and shows it like Spark', () => {
    const p = write('people.json', '{"name":"Michael"}\n{"name":"Andy", "age":30}\n{"name":"Justin", "age":19}\n');
    const { schema, rows } = readAll('json', [p]);
    expect(simpleString(schema)).toBe('struct<age:bigint,name:string>');
    expect(showString(schema, rows, 20, true, false, false)).toBe(
      '+----+-------+\n| age|   name|\n+----+-------+\n|NULL|Michael|\n|  30|   Andy|\n|  19| Justin|\n+----+-------+\n');
  });

  it('infers with Spark rules: bigint/double/string conflicts, nested, sorted fields, arrays', () => {
    const p = write('types.json', [
      '{"b": 1, "a": 1.5, "c": "x", "n": {"z": 1, "y": [1, 2]}, "e": [], "nul": null, "mix": 1}',
      '{"b": 2, "a": 2, "mix": "s", "n": {"z": 2.5}}',
    ].join('\n'));
    const { schema, rows } = readAll('json', [p]);
    expect(simpleString(schema)).toBe('struct<a:double,b:bigint,c:string,e:array<string>,mix:string,n:struct<y:array<bigint>,z:double>,nul:string>');
    expect(rows[0]).toEqual([1.5, 1, 'x', [], '1', { y: [1, 2], z: 1 }, null]);
    expect(rows[1]).toEqual([2, 2, null, null, 's', { y: null, z: 2.5 }, null]);
  });

  it('PERMISSIVE adds _corrupt_record; DROPMALFORMED drops; FAILFAST names file and line', () => {
    const p = write('bad.json', '{"a": 1}\n{"a": \n{"a": 3}\n');
    const r = readAll('json', [p]);
    expect(simpleString(r.schema)).toBe('struct<_corrupt_record:string,a:bigint>');
    expect(r.rows).toEqual([[null, 1], ['{"a": ', null], [null, 3]]);
    const d = readAll('json', [p], { mode: 'DROPMALFORMED' });
    expect(simpleString(d.schema)).toBe('struct<a:bigint>');
    expect(d.rows).toEqual([[1], [3]]);
    expect(() => readAll('json', [p], { mode: 'FAILFAST' })).toThrow(/MALFORMED_RECORD_IN_PARSING.*bad\.json, line 2/s);
  });

  it('type mismatch against a given schema keeps the other fields and fills the corrupt column', () => {
    const p = write('mismatch.json', '{"a": "x", "b": "y"}\n{"a": 2, "b": "z"}\n');
    const schema: StructType = { kind: 'struct', fields: [
      { name: 'a', type: { kind: 'int' }, nullable: true }, { name: 'b', type: { kind: 'string' }, nullable: true },
      { name: '_corrupt_record', type: { kind: 'string' }, nullable: true }] };
    expect(readAll('json', [p], {}, schema).rows).toEqual([[null, 'y', '{"a": "x", "b": "y"}'], [2, 'z', null]]);
  });

  it('multiLine reads an array of objects spanning lines', () => {
    const p = write('multi.json', '[\n  {"a": 1,\n   "b": "x"},\n  {"a": 2}\n]\n');
    const r = readAll('json', [p], { multiLine: 'true' });
    expect(simpleString(r.schema)).toBe('struct<a:bigint,b:string>');
    expect(r.rows).toEqual([[1, 'x'], [2, null]]);
  });

  it('splits a file by size on line boundaries without losing or duplicating lines', () => {
    const lines = Array.from({ length: 500 }, (_, i) => JSON.stringify({ i, s: 'x'.repeat(i % 37) }));
    const p = write('big.json', lines.join('\n') + '\n');
    const schema = inferSchema('json', [p], {});
    const tasks = readPartitions({ format: 'json', paths: [p], options: {}, schema }, ['i'], [], { maxPartitionBytes: 1000, openCostInBytes: 0 });
    expect(tasks.length).toBeGreaterThan(10);
    const got: number[] = [];
    for (const t of tasks) for (const b of readSplit(t, ['i'])) for (const r of toRows(b)) got.push(r[0] as number);
    expect(got.sort((a, b) => a - b)).toEqual(Array.from({ length: 500 }, (_, i) => i));
  });

  it('reads directories with partition columns, skips _ and . files, globs and comma lists', () => {
    write('part/year=2020/a.json', '{"v": 1}\n');
    write('part/year=2021/b.json', '{"v": 2}\n');
    write('part/_SUCCESS', '');
    write('part/.hidden.json', 'garbage');
    const r = readAll('json', [path.join(dir, 'part')]);
    expect(simpleString(r.schema)).toBe('struct<v:bigint,year:int>');
    expect(r.rows.sort()).toEqual([[1, 2020], [2, 2021]]);
    const g = readAll('json', [path.join(dir, 'part/year=202*/*.json')]);
    expect(g.rows.length).toBe(2);
    const c = readAll('json', [`${path.join(dir, 'people.json')},${path.join(dir, 'multi.json')}`], { mode: 'DROPMALFORMED' });
    expect(c.rows.length).toBe(4); // 3 people + the one well-formed line of multi.json
  });

  it('missing paths and binary files give clear errors', () => {
    expect(() => inferSchema('json', [path.join(dir, 'nope.json')], {})).toThrow(`[PATH_NOT_FOUND] Path does not exist: file:${path.join(dir, 'nope.json')}.`);
    const b = write('bin.json', Buffer.from([0x7b, 0, 1, 2, 0xff, 10]).toString('latin1'));
    expect(() => inferSchema('json', [b], {})).toThrow(/bin\.json is not a valid JSON file/);
  });
});
