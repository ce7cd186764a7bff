// Command line and configuration of the standalone daemons (tsspark-master, tsspark-worker), with Spark's flags:
// conf = $TSSPARK_CONF_DIR/tsspark-defaults.conf (or --properties-file) < --conf k=v < dedicated flags.
import { resolve } from 'node:path';
import { loadDefaultsConf, readPropertiesFile } from '../../common/conf-file.js';
import { parseBytes } from '../../common/conf-values.js';
import { TsSparkError } from '../../common/errors.js';
import { SparkConf } from '../../common/spark-conf.js';

export type DaemonFlag = 'host' | 'port' | 'webuiPort' | 'cores' | 'memory' | 'workDir' | 'propertiesFile';

const FLAGS: ReadonlyMap<string, DaemonFlag> = new Map([
  ['--host', 'host'], ['-h', 'host'], ['-i', 'host'], ['--ip', 'host'],
  ['--port', 'port'], ['-p', 'port'],
  ['--webui-port', 'webuiPort'],
  ['--cores', 'cores'], ['-c', 'cores'],
  ['--memory', 'memory'], ['-m', 'memory'],
  ['--work-dir', 'workDir'], ['-d', 'workDir'],
  ['--properties-file', 'propertiesFile'],
]);

export interface DaemonArgs {
  readonly values: Partial<Record<DaemonFlag, string>>;
  readonly confPairs: ReadonlyArray<readonly [string, string]>;
  readonly positional: readonly string[];
  readonly help: boolean;
}

/** Parses argv; `allowed` are the flags this daemon takes (others are usage errors). */
export function parseDaemonArgs(argv: readonly string[], allowed: ReadonlySet<DaemonFlag>): DaemonArgs {
  const values: Partial<Record<DaemonFlag, string>> = {};
  const confPairs: Array<readonly [string, string]> = [];
  const positional: string[] = [];
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--help') {
      help = true;
      continue;
    }
    if (!arg.startsWith('-')) {
      positional.push(arg);
      continue;
    }
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined) throw usage(`Missing argument for option '${flag}'`);
    if (flag === '--conf') {
      const e = value.indexOf('=');
      if (e <= 0) throw usage(`config without '=': ${value}`);
      confPairs.push([value.slice(0, e).trim(), value.slice(e + 1)]);
      continue;
    }
    const name = FLAGS.get(flag);
    if (name === undefined || !allowed.has(name)) throw usage(`Unrecognized option: ${flag}`);
    values[name] = value;
  }
  return { values, confPairs, positional, help };
}

/** The daemon's SparkConf: defaults file (or --properties-file), then --conf pairs. */
export function daemonConf(args: DaemonArgs, env: NodeJS.ProcessEnv = process.env): SparkConf {
  const conf = new SparkConf();
  const file = args.values.propertiesFile;
  conf.setAll(file !== undefined ? readPropertiesFile(resolve(file)) : loadDefaultsConf(env));
  for (const [k, v] of args.confPairs) conf.set(k, v);
  return conf;
}

export function portValue(v: string | undefined, flag: string, fallback: number): number {
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw usage(`${flag} expects a port number (0 picks a free one), got '${v}'`);
  return n;
}

export function positiveInt(v: string, flag: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw usage(`${flag} expects a positive integer, got '${v}'`);
  return n;
}

/** "4g", "512m", "1024" (MiB as Spark's worker reads a bare number) → MiB. */
export function memoryMb(v: string, flag: string): number {
  const bytes = /^\s*\d+\s*$/.test(v) ? Number(v) * 1024 * 1024 : parseBytes(v, flag);
  const n = Math.floor(bytes / (1024 * 1024));
  if (n < 1) throw usage(`${flag} expects a size such as 512m or 4g, got '${v}'`);
  return n;
}

function usage(message: string): TsSparkError {
  return new TsSparkError('INVALID_ARGUMENT', message, { details: { usage: true } });
}
