// File tables (json.`path`) resolve through the catalog to a file_scan with the inferred schema.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { outputOf } from '../../../src/planner/logical/index.js';
import { simpleString } from '../../../src/sql/types/data-type.js';
import { setup } from './helpers.js';

it('json.`path` is a file scan with the inferred columns', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'analyzer-ft-'));
  const file = path.join(dir, 'x.json');
  fs.writeFileSync(file, '{"k": 1, "name": "a"}\n{"k": 2, "name": "b"}\n');
  const { analyze, plan } = setup();
  const p = analyze(`SELECT name, k FROM json.\`${file}\` WHERE k > 1`);
  expect(outputOf(p).map((a) => `${a.name}:${simpleString(a.type)}`)).toEqual(['name:string', 'k:bigint']);
  expect(plan(`SELECT * FROM json.\`${file}\``).split('\n')[1]).toBe('+- Relation [k#1L,name#2] json');
  fs.rmSync(dir, { recursive: true });
});
