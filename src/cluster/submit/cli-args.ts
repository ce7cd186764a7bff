// Command-line parsing for tsspark-submit, with spark-submit's flags: options up to the application file, then
// everything after it goes to the application untouched. Pure: no file access, no process state.
import { parseBytes } from '../../common/conf-values.js';
import { TsSparkError } from '../../common/errors.js';

export type SubmitAction = 'submit' | 'help' | 'version';

export interface SubmitArgs {
  readonly action: SubmitAction;
  readonly master: string | undefined;
  readonly name: string | undefined;
  readonly propertiesFile: string | undefined;
  readonly executorMemory: string | undefined;
  readonly executorCores: string | undefined;
  readonly totalExecutorCores: string | undefined;
  readonly driverMemory: string | undefined;
  /** --files entries as given (comma-separated lists flattened, in order). */
  readonly files: readonly string[];
  /** --conf pairs in command-line order (a later pair for the same key wins). */
  readonly confPairs: ReadonlyArray<readonly [string, string]>;
  readonly verbose: boolean;
  readonly appFile: string | undefined;
  readonly appArgs: readonly string[];
}

type ValueOption = 'master' | 'name' | 'propertiesFile' | 'executorMemory' | 'executorCores' | 'totalExecutorCores' | 'driverMemory' | 'files' | 'conf';

const VALUE_OPTIONS: ReadonlyMap<string, ValueOption> = new Map([
  ['--master', 'master'],
  ['--name', 'name'],
  ['--properties-file', 'propertiesFile'],
  ['--executor-memory', 'executorMemory'],
  ['--executor-cores', 'executorCores'],
  ['--total-executor-cores', 'totalExecutorCores'],
  ['--driver-memory', 'driverMemory'],
  ['--files', 'files'],
  ['--conf', 'conf'],
  ['-c', 'conf'],
]);

export const SUBMIT_USAGE = `Usage: tsspark-submit [options] <app file (.ts|.mts|.js|.mjs)> [app arguments]

Options:
  --master MASTER_URL         local, local[N], local[*], local[N,F], local-cluster[E,C,M] or
                              spark://host:port (Default: spark.master from the conf, else local[*]).
  --name NAME                 A name for your application (Default: the app file's name).
  --files FILES               Comma-separated list of files to be placed in the working directory
                              of each executor.
  --conf, -c PROP=VALUE       Arbitrary tsspark configuration property (repeatable).
  --properties-file FILE      Path to a file from which to load extra properties. If not given,
                              $TSSPARK_CONF_DIR/tsspark-defaults.conf or conf/tsspark-defaults.conf.
  --driver-memory MEM         Memory for the driver (e.g. 1000M, 2G) (Default: 1g).
  --executor-memory MEM       Memory per executor (e.g. 1000M, 2G) (Default: 1g).
  --executor-cores NUM        Number of cores used by each executor (Default: 1).
  --total-executor-cores NUM  Total cores for all executors (standalone cluster).
  --help, -h                  Show this help message and exit.
  --verbose, -v               Print the parsed arguments and the effective configuration.
  --version                   Print the version of tsspark and exit.

TypeScript app files are compiled on load; the bare import 'tsspark' resolves to this installation.
`;

/** Parses tsspark-submit's argv (without node and script); bad input throws TsSparkError INVALID_ARGUMENT. */
export function parseSubmitArgs(argv: readonly string[]): SubmitArgs {
  const values: Partial<Record<Exclude<ValueOption, 'files' | 'conf'>, string>> = {};
  const files: string[] = [];
  const confPairs: Array<readonly [string, string]> = [];
  let verbose = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') return result('help');
    if (arg === '--version') return result('version');
    if (arg === '--verbose' || arg === '-v') {
      verbose = true;
      continue;
    }
    if (!arg.startsWith('-') || arg === '-') {
      return result('submit', arg, argv.slice(i + 1));
    }
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const option = VALUE_OPTIONS.get(flag);
    if (option === undefined) throw usageError(`Unrecognized option: ${arg}`);
    let value: string;
    if (eq > 0) {
      value = arg.slice(eq + 1);
    } else {
      const next = argv[i + 1];
      if (next === undefined) throw usageError(`Missing argument for option '${flag}'`);
      value = next;
      i++;
    }
    switch (option) {
      case 'conf':
        confPairs.push(parseConfPair(value));
        break;
      case 'files':
        files.push(...value.split(',').map((f) => f.trim()).filter((f) => f !== ''));
        break;
      case 'executorCores':
      case 'totalExecutorCores':
        values[option] = checkPositiveInt(flag, value);
        break;
      case 'executorMemory':
      case 'driverMemory':
        values[option] = checkMemory(flag, value);
        break;
      default:
        values[option] = value;
    }
  }
  return result('submit', undefined, []);

  function result(action: SubmitAction, appFile?: string, appArgs: readonly string[] = []): SubmitArgs {
    return {
      action,
      master: values.master,
      name: values.name,
      propertiesFile: values.propertiesFile,
      executorMemory: values.executorMemory,
      executorCores: values.executorCores,
      totalExecutorCores: values.totalExecutorCores,
      driverMemory: values.driverMemory,
      files,
      confPairs,
      verbose,
      appFile,
      appArgs,
    };
  }
}

/** `k=v` → [k, v]; the value may itself contain '='. */
export function parseConfPair(s: string): readonly [string, string] {
  const eq = s.indexOf('=');
  if (eq <= 0) throw usageError(`tsspark config without '=': ${s}`);
  return [s.slice(0, eq).trim(), s.slice(eq + 1)];
}

function checkPositiveInt(flag: string, v: string): string {
  if (!/^\s*\d+\s*$/.test(v) || Number(v) <= 0) throw usageError(`${flag} expects a positive integer, got '${v}'`);
  return v.trim();
}

function checkMemory(flag: string, v: string): string {
  try {
    parseBytes(v, flag);
  } catch {
    throw usageError(`${flag} expects a size such as 512m or 2g, got '${v}'`);
  }
  return v.trim();
}

function usageError(message: string): TsSparkError {
  return new TsSparkError('INVALID_ARGUMENT', message, { details: { usage: true } });
}
