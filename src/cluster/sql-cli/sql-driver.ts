// Runs CLI statements through spark.sql: rows to stdout, timing and errors to stderr. A script (-e/-f) stops at
// the first failing statement, as spark-sql does; the interactive loop reports the error and carries on.
import type { SparkSession } from '../../sql/session/spark-session.js';
import { errorLine, resultLines, timeTakenLine } from './result-printer.js';
import { isBlank, splitSqlStatements } from './statement-splitter.js';

export interface CliOutput {
  out(text: string): void;
  err(text: string): void;
}

export interface DriverOptions {
  readonly silent: boolean;
}

/** Runs one statement; returns false when it failed (the error line is already printed). */
export async function runCliStatement(spark: SparkSession, sql: string, io: CliOutput, opts: DriverOptions): Promise<boolean> {
  const started = performance.now();
  try {
    const df = spark.sql(sql);
    const rows = await spark.engine.collectValues(df.plan);
    const zone = spark.conf.get('spark.sql.session.timeZone') ?? 'UTC';
    const lines = resultLines(df.schema, rows, zone);
    if (lines.length > 0) io.out(`${lines.join('\n')}\n`);
    if (!opts.silent) io.err(`${timeTakenLine(performance.now() - started, lines.length)}\n`);
    return true;
  } catch (e) {
    io.err(`${errorLine(e)}\n`);
    return false;
  }
}

/** The statements of a script: every `;`-terminated one plus a final one without `;`. */
export function scriptStatements(text: string): string[] {
  const { statements, rest } = splitSqlStatements(text);
  return isBlank(rest) ? statements : [...statements, rest.trim()];
}

/** -e / -f: runs the statements in order and stops at the first failure; resolves to the exit code. */
export async function runScript(spark: SparkSession, text: string, io: CliOutput, opts: DriverOptions): Promise<number> {
  for (const sql of scriptStatements(text)) {
    if (!(await runCliStatement(spark, sql, io, opts))) return 1;
  }
  return 0;
}
