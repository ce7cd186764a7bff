// Command-line parsing for tsspark-sql, with spark-sql's flags: -e "sql", -f file, --master, --name, --conf k=v
// (also --hiveconf k=v), -S/--silent, -h/--help. Pure: no file access, no process state.
import { TsSparkError } from '../../common/errors.js';

export interface SqlCliArgs {
  readonly action: 'run' | 'help';
  readonly execute: string | undefined;
  readonly file: string | undefined;
  readonly master: string | undefined;
  readonly name: string | undefined;
  /** --conf pairs in command-line order (a later pair for the same key wins). */
  readonly conf: ReadonlyArray<readonly [string, string]>;
  /** -S: no "Time taken" lines. */
  readonly silent: boolean;
}

export const SQL_CLI_USAGE = `Usage: tsspark-sql [options] [-e "<quoted-query-string>" | -f <filename>]

Options:
  -e <quoted-query-string>    SQL from the command line (several statements separated by ;).
  -f <filename>               SQL from a file.
  --master MASTER_URL         local, local[N], local[*] or spark://host:port (Default: local[*]).
  --name NAME                 A name for the application (Default: SparkSQL::<hostname>).
  --conf, --hiveconf PROP=VALUE
                              A tsspark configuration property (repeatable).
  -S, --silent                Silent mode: no "Time taken" lines.
  -h, --help                  Show this help message and exit.

Without -e or -f, statements are read interactively at the spark-sql> prompt; a statement ends with ';'.
Query results print as tab-separated rows without a header; timings and errors go to stderr.
`;

export function parseSqlCliArgs(argv: readonly string[]): SqlCliArgs {
  let execute: string | undefined;
  let file: string | undefined;
  let master: string | undefined;
  let name: string | undefined;
  let silent = false;
  let help = false;
  const conf: Array<readonly [string, string]> = [];
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i]!;
    const eq = raw.startsWith('--') ? raw.indexOf('=') : -1;
    const flag = eq > 0 ? raw.slice(0, eq) : raw;
    const value = (): string => {
      if (eq > 0) return raw.slice(eq + 1);
      const v = argv[++i];
      if (v === undefined) throw new TsSparkError('INVALID_ARGUMENT', `Missing argument for option '${flag}'`);
      return v;
    };
    switch (flag) {
      case '-e': execute = value(); break;
      case '-f': file = value(); break;
      case '--master': master = value(); break;
      case '--name': name = value(); break;
      case '--conf': case '-c': case '--hiveconf': conf.push(confPair(value())); break;
      case '-S': case '--silent': silent = true; break;
      case '-h': case '--help': help = true; break;
      default: throw new TsSparkError('INVALID_ARGUMENT', `Unrecognized option: ${raw}`);
    }
  }
  if (execute !== undefined && file !== undefined) {
    throw new TsSparkError('INVALID_ARGUMENT', 'The -e and -f options cannot be specified simultaneously');
  }
  return { action: help ? 'help' : 'run', execute, file, master, name, conf, silent };
}

function confPair(text: string): readonly [string, string] {
  const eq = text.indexOf('=');
  if (eq <= 0) throw new TsSparkError('INVALID_ARGUMENT', `Conf '${text}' is not of the form key=value`);
  return [text.slice(0, eq), text.slice(eq + 1)];
}
