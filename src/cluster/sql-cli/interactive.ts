// The interactive loop: `spark-sql> ` prompt, continuation prompt for multi-line statements, statements run when a
// line completes them with `;`, `quit;`/`exit;` or end of input leave. Prompts are written only to a terminal.
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { SparkSession } from '../../sql/session/spark-session.js';
import { runCliStatement, type CliOutput, type DriverOptions } from './sql-driver.js';
import { isBlank, splitSqlStatements } from './statement-splitter.js';

export const PROMPT = 'spark-sql> ';
export const CONTINUATION_PROMPT = '         > ';

export async function runInteractive(spark: SparkSession, input: Readable, prompts: Writable | undefined, io: CliOutput, opts: DriverOptions): Promise<number> {
  const rl = createInterface({ input, ...(prompts ? { output: prompts, terminal: true } : {}), crlfDelay: Infinity });
  let buffer = '';
  const prompt = (): void => {
    if (!prompts) return;
    rl.setPrompt(isBlank(buffer) ? PROMPT : CONTINUATION_PROMPT);
    rl.prompt();
  };
  prompt();
  try {
    for await (const line of rl) {
      buffer = buffer === '' ? line : `${buffer}\n${line}`;
      const { statements, rest } = splitSqlStatements(buffer);
      buffer = isBlank(rest) ? '' : rest;
      for (const sql of statements) {
        if (/^(quit|exit)$/i.test(sql)) return 0;
        await runCliStatement(spark, sql, io, opts);
      }
      prompt();
    }
  } finally {
    rl.close();
  }
  return 0;
}
