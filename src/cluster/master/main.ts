// tsspark-master's CLI (bin/tsspark-master.mjs calls runMasterCli): parses Spark's master flags, starts the daemon,
// prints one parseable line with the bound ports, and stops cleanly on SIGINT/SIGTERM.
import { isTsSparkError } from '../../common/errors.js';
import { daemonConf, parseDaemonArgs, portValue, type DaemonFlag } from './daemon-args.js';
import { startMaster, type RunningMaster } from './master-daemon.js';

export const MASTER_USAGE = `Usage: tsspark-master [options]

Options:
  --host HOST, -h HOST    Hostname or address to listen on (default: 127.0.0.1, or $TSSPARK_MASTER_HOST)
  --port PORT, -p PORT    Port for the master's RPC service (default: 7077; 0 picks a free port)
  --webui-port PORT       Port for the web UI (default: 8080; 0 picks a free port)
  --conf k=v              A tsspark configuration property (repeatable)
  --properties-file FILE  Properties to load instead of $TSSPARK_CONF_DIR/tsspark-defaults.conf
`;

const ALLOWED: ReadonlySet<DaemonFlag> = new Set(['host', 'port', 'webuiPort', 'propertiesFile']);

/** Starts the master from command-line arguments; resolves once it listens (undefined after --help or a usage error). */
export async function runMasterCli(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<RunningMaster | undefined> {
  let master: RunningMaster;
  try {
    const args = parseDaemonArgs(argv, ALLOWED);
    if (args.help) {
      process.stdout.write(MASTER_USAGE);
      return undefined;
    }
    if (args.positional.length > 0) throw new Error(`unexpected argument: ${args.positional[0]}`);
    const conf = daemonConf(args, env);
    master = await startMaster({
      conf,
      host: args.values.host ?? env.TSSPARK_MASTER_HOST ?? conf.get('spark.master.host') ?? '127.0.0.1',
      port: portValue(args.values.port ?? env.TSSPARK_MASTER_PORT ?? conf.get('spark.master.port'), '--port', 7077),
      webuiPort: portValue(args.values.webuiPort ?? env.TSSPARK_MASTER_WEBUI_PORT ?? conf.get('spark.master.ui.port'), '--webui-port', 8080),
    });
  } catch (e) {
    process.stderr.write(`tsspark-master: ${isTsSparkError(e) || e instanceof Error ? e.message : String(e)}\n`);
    if (isTsSparkError(e, 'INVALID_ARGUMENT')) process.stderr.write(MASTER_USAGE);
    process.exitCode = 1;
    return undefined;
  }
  process.stdout.write(`tsspark-master started: url=${master.url} port=${master.port} webui-port=${master.webuiPort} webui=${master.webuiUrl ?? '-'} pid=${process.pid}\n`);
  const stop = (signal: string): void => {
    process.stderr.write(`tsspark-master: ${signal}, shutting down\n`);
    void master.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
  return master;
}
