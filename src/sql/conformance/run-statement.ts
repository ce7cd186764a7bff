// Runs one statement through spark.sql and captures what the golden files record: the schema's catalogString and
// the answer text (HiveResult rows, sorted unless the plan is semantically sorted), or the failure. Never throws.
import type { SparkSession } from '../session/spark-session.js';
import { catalogString } from '../types/data-type.js';
import { observeError, type ObservedError } from './error-class.js';
import { answerText, renderRows } from './result-text.js';
import { isSemanticallySorted } from './sorted-plan.js';

export type StatementOutcome =
  | { readonly kind: 'answer'; readonly schema: string; readonly output: string; readonly rows: number }
  | { readonly kind: 'error'; readonly error: ObservedError };

/** Runs `sql`; a statement still running after `timeoutMs` has its jobs cancelled and counts as an error. */
export async function runStatement(spark: SparkSession, sql: string, timeoutMs = 30_000): Promise<StatementOutcome> {
  try {
    return await withTimeout(answer(spark, sql), timeoutMs, () => {
      try { (spark.sparkContext as unknown as { cancelAllJobs?: () => void }).cancelAllJobs?.(); } catch { /* best effort */ }
    });
  } catch (e) {
    return { kind: 'error', error: observeError(e) };
  }
}

async function answer(spark: SparkSession, sql: string): Promise<StatementOutcome> {
  const df = spark.sql(sql);
  const schema = df.schema;
  const values = await spark.engine.collectValues(df.plan);
  const zone = spark.conf.get('spark.sql.session.timeZone') ?? 'UTC';
  const lines = renderRows(schema, values, zone);
  return { kind: 'answer', schema: catalogString(schema), output: answerText(lines, isSemanticallySorted(df.plan)), rows: lines.length };
}

function withTimeout<T>(p: Promise<T>, ms: number, onTimeout: () => void): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      onTimeout();
      reject(new Error(`statement did not finish within ${ms} ms`));
    }, ms);
  });
  return Promise.race([p, deadline]).finally(() => clearTimeout(timer));
}
