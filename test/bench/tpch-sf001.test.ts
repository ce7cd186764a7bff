// CI check of the TPC-H suite: SF 0.01 generated in process, all 22 queries run on tsspark (local[2]) and
// checked against DuckDB on the same files, once as SQL text and once written with the DataFrame API.
// bench/tpch/known-failures.json lists the SQL queries that fail today; an unlisted failure fails the test, and so
// does a listed query that now passes (the list only shrinks). The DataFrame versions must all match.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { genTasks, runGenTask } from '../../bench/tpch/dbgen/index.js';
import { runBench, type BenchReport } from '../../bench/tpch/run-command.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tpch-sf001-'));
beforeAll(() => { for (const t of genTasks(2)) runGenTask(dir, t, { sf: 0.01 }); }, 60_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const known = JSON.parse(fs.readFileSync(path.resolve('bench/tpch/known-failures.json'), 'utf8')) as Record<string, string>;

const run = (api: 'sql' | 'dataframe'): Promise<BenchReport> =>
  runBench({ data: dir, queries: undefined, api, master: 'local[2]', json: undefined, runs: 0, check: true, timeoutMs: 8000, quiet: true });
const failures = (report: BenchReport): Record<string, string> =>
  Object.fromEntries(report.queries.filter((q) => q.status !== 'ok').map((q) => [`q${q.query}`, `${q.status}: ${q.reason ?? ''}`]));

it('all 22 TPC-H queries at SF 0.01 match DuckDB, except the listed known failures', async () => {
  const report = await run('sql');
  const failing = failures(report);
  const unexpected = Object.entries(failing).filter(([q]) => !(q in known));
  const nowPassing = Object.keys(known).filter((q) => !(q in failing));
  expect({ unexpected, nowPassing }).toEqual({ unexpected: [], nowPassing: [] });
  expect(report.queries).toHaveLength(22);
}, 120_000);

it('all 22 TPC-H queries written with the DataFrame API match DuckDB at SF 0.01', async () => {
  const report = await run('dataframe');
  expect(failures(report)).toEqual({});
  expect(report.queries.map((q) => q.query)).toEqual(Array.from({ length: 22 }, (_, i) => i + 1));
}, 120_000);
