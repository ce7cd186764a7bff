// The runner never crashes on the engine: a throwing spark.sql, a failing job and a statement that never finishes
// all become error outcomes (the last after its jobs are cancelled at the deadline).
import { describe, expect, it } from 'vitest';
import { TsSparkError } from '../../../src/common/errors.js';
import type { SparkSession } from '../../../src/sql/session/spark-session.js';
import { runStatement } from '../../../src/sql/conformance/index.js';
import { T } from '../../../src/sql/types/data-type.js';

function fakeSession(sql: () => unknown, collect: () => Promise<unknown[][]>, onCancel?: () => void): SparkSession {
  return {
    sql,
    engine: { collectValues: collect },
    conf: { get: () => 'UTC' },
    sparkContext: { cancelAllJobs: onCancel },
  } as unknown as SparkSession;
}

const df = { schema: { kind: 'struct', fields: [{ name: 'a', type: T.int, nullable: true }] }, plan: { kind: 'local_relation', output: [], batches: [] } };

describe('runStatement', () => {
  it('answers with the catalogString schema and sorted HiveResult text', async () => {
    const out = await runStatement(fakeSession(() => df, async () => [[2], [null], [10]]), 'select a');
    expect(out).toEqual({ kind: 'answer', schema: 'struct<a:int>', output: '10\n2\nNULL', rows: 3 });
  });

  it('turns a throwing parse/analysis and a failing job into error outcomes', async () => {
    const parse = await runStatement(fakeSession(() => { throw new TsSparkError('PARSE_ERROR', '[PARSE_SYNTAX_ERROR] Syntax error'); }, async () => []), 'x');
    expect(parse).toEqual({ kind: 'error', error: { code: 'PARSE_ERROR', errorClass: 'PARSE_SYNTAX_ERROR', message: '[PARSE_SYNTAX_ERROR] Syntax error' } });
    const job = await runStatement(fakeSession(() => df, async () => { throw new TypeError('kernel bug'); }), 'select a');
    expect(job).toEqual({ kind: 'error', error: { code: 'INTERNAL', message: 'kernel bug' } });
  });

  it('gives up on a statement after the timeout and cancels its jobs', async () => {
    let cancelled = 0;
    const out = await runStatement(fakeSession(() => df, () => new Promise(() => undefined), () => { cancelled++; }), 'select a', 50);
    expect(out.kind).toBe('error');
    expect(out.kind === 'error' && out.error.message).toMatch(/did not finish within 50 ms/);
    expect(cancelled).toBe(1);
  });
});
