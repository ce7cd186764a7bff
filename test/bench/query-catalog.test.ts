import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { dataScaleFactor, q11Fraction, querySql } from '../../bench/tpch/query-catalog.js';

it("scales Q11's fraction to the data's SF (0.0001 / SF) and leaves the other queries alone", () => {
  expect([0.01, 1, 10, 100].map(q11Fraction)).toEqual(['0.01', '0.0001', '0.00001', '0.000001']);
  expect(querySql(11)).toContain('* 0.0001\n');
  expect(querySql(11, 10)).toContain('* 0.00001\n');
  expect(querySql(11, 10)).not.toContain('* 0.0001\n');
  expect(querySql(6, 10)).toBe(querySql(6));
});

it('reads the SF from _tpch.json, 1 when there is none', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tpch-sf-'));
  try {
    expect(dataScaleFactor(dir)).toBe(1);
    fs.writeFileSync(path.join(dir, '_tpch.json'), JSON.stringify({ sf: 10, format: 'parquet' }));
    expect(dataScaleFactor(dir)).toBe(10);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
