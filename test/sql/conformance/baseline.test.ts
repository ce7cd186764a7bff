// The conformance gate: replays all 14 golden files of ../shared/spark-sql-tests through the compiled package
// on local[2] and fails when fewer statements pass than conformance/baseline.json records (it may only go up).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import * as ts from '../../../dist/index.js';
import { formatFailures, formatReportTable, runConformance, type ConformanceResult } from '../../../dist/sql/conformance/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
let spark: ts.SparkSession;
let result: ConformanceResult;

beforeAll(async () => {
  spark = ts.SparkSession.builder().master('local[2]').appName('conformance-test').config('spark.ui.enabled', 'false').getOrCreate();
  result = await runConformance({ root, spark, skipListPath: path.join(root, 'conformance', 'skip-list.tsv'), timeoutMs: 20_000 });
}, 120_000);
afterAll(async () => { await spark.stop(); });

it('runs every statement of the 14 files', () => {
  expect(result.files).toHaveLength(14);
  expect(result.statements).toBe(250);
  expect(result.files.filter((f) => f.splitProblem)).toEqual([]);
});

it('passes at least as many statements as conformance/baseline.json records', () => {
  const baseline = JSON.parse(readFileSync(path.join(root, 'conformance', 'baseline.json'), 'utf8')) as { pass: number };
  if (result.pass < baseline.pass) {
    process.stderr.write(formatReportTable(result.files) + formatFailures(result.files));
  }
  expect(result.pass, `conformance pass count ${result.pass} fell below the baseline ${baseline.pass}`).toBeGreaterThanOrEqual(baseline.pass);
});
