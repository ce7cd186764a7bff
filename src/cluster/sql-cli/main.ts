// tsspark-sql's entry (bin/tsspark-sql.mjs calls runSqlCli): parses spark-sql's arguments, starts a session on the
// requested master with the given confs, then runs -e text, a -f file, or the interactive prompt; stops the session.
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { registerTsSparkHooks } from '../../common/module-hooks/register.js';
import { SparkSession } from '../../index.js';
import { parseSqlCliArgs, SQL_CLI_USAGE, type SqlCliArgs } from './cli-args.js';
import { runInteractive } from './interactive.js';
import { runScript, type CliOutput } from './sql-driver.js';

const stdio: CliOutput = {
  out: (t) => { process.stdout.write(t); },
  err: (t) => { process.stderr.write(t); },
};

/** Runs the CLI; resolves to the process exit code. */
export async function runSqlCli(argv: readonly string[], io: CliOutput = stdio): Promise<number> {
  let args: SqlCliArgs;
  try {
    args = parseSqlCliArgs(argv);
  } catch (e) {
    io.err(`${e instanceof Error ? e.message : String(e)}\n\n${SQL_CLI_USAGE}`);
    return 1;
  }
  if (args.action === 'help') {
    io.out(SQL_CLI_USAGE);
    return 0;
  }
  let script: string | undefined = args.execute;
  if (args.file !== undefined) {
    try {
      script = readFileSync(args.file, 'utf8');
    } catch (e) {
      io.err(`Could not open input file for reading. (${e instanceof Error ? e.message : String(e)})\n`);
      return 1;
    }
  }
  registerTsSparkHooks();
  const builder = SparkSession.builder().master(args.master ?? 'local[*]').appName(args.name ?? `SparkSQL::${hostname()}`);
  for (const [k, v] of args.conf) builder.config(k, v);
  const spark = builder.getOrCreate();
  try {
    if (script !== undefined) return await runScript(spark, script, io, { silent: args.silent });
    return await runInteractive(spark, process.stdin, process.stdin.isTTY ? process.stdout : undefined, io, { silent: args.silent });
  } finally {
    await spark.stop();
  }
}
