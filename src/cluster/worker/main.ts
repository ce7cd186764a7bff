// tsspark-worker's CLI (bin/tsspark-worker.mjs calls runWorkerCli): `tsspark-worker spark://host:port[,host:port]`
// with Spark's worker flags; prints one parseable line with the bound ports; stops its executors on SIGINT/SIGTERM.
import os from 'node:os';
import path from 'node:path';
import { packageRoot } from '../../common/dist-entry.js';
import { isTsSparkError, TsSparkError } from '../../common/errors.js';
import { parseMasterUrl } from '../../driver/master-url.js';
import { daemonConf, memoryMb, parseDaemonArgs, portValue, positiveInt, type DaemonFlag } from '../master/daemon-args.js';
import { startWorker, type RunningWorker } from './worker-daemon.js';

export const WORKER_USAGE = `Usage: tsspark-worker [options] spark://host:port[,host:port...]

Options:
  --cores N, -c N         Number of cores executors may use (default: all of this machine's)
  --memory MEM, -m MEM    Memory executors may use, e.g. 1000m or 2g (default: total RAM minus 1 GiB)
  --work-dir DIR, -d DIR  Directory for executor logs and scratch space (default: <tsspark>/work)
  --host HOST, -h HOST    Hostname or address to listen on (default: 127.0.0.1)
  --port PORT, -p PORT    Port for the worker's RPC service (default: 0, a free port)
  --webui-port PORT       Port for the web UI (default: 8081; 0 picks a free port)
  --conf k=v              A tsspark configuration property (repeatable)
  --properties-file FILE  Properties to load instead of $TSSPARK_CONF_DIR/tsspark-defaults.conf
`;

const ALLOWED: ReadonlySet<DaemonFlag> = new Set(['host', 'port', 'webuiPort', 'cores', 'memory', 'workDir', 'propertiesFile']);

export async function runWorkerCli(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<RunningWorker | undefined> {
  let worker: RunningWorker;
  try {
    const args = parseDaemonArgs(argv, ALLOWED);
    if (args.help) {
      process.stdout.write(WORKER_USAGE);
      return undefined;
    }
    if (args.positional.length !== 1) throw new TsSparkError('INVALID_ARGUMENT', 'expected exactly one master URL (spark://host:port[,host:port])', { details: { usage: true } });
    const spec = parseMasterUrl(args.positional[0]!);
    if (spec.kind !== 'standalone') throw new TsSparkError('INVALID_ARGUMENT', `not a standalone master URL: ${args.positional[0]}`);
    const conf = daemonConf(args, env);
    const cores = args.values.cores ?? env.TSSPARK_WORKER_CORES;
    const memory = args.values.memory ?? env.TSSPARK_WORKER_MEMORY;
    worker = await startWorker({
      conf,
      masters: spec.masters,
      host: args.values.host ?? env.TSSPARK_WORKER_HOST ?? '127.0.0.1',
      port: portValue(args.values.port ?? env.TSSPARK_WORKER_PORT, '--port', 0),
      webuiPort: portValue(args.values.webuiPort ?? env.TSSPARK_WORKER_WEBUI_PORT ?? conf.get('spark.worker.ui.port'), '--webui-port', 8081),
      cores: cores !== undefined ? positiveInt(cores, '--cores') : Math.max(1, os.availableParallelism?.() ?? os.cpus().length),
      memoryMb: memory !== undefined ? memoryMb(memory, '--memory') : Math.max(1024, Math.floor(os.totalmem() / (1024 * 1024)) - 1024),
      workDir: args.values.workDir ?? env.TSSPARK_WORKER_DIR ?? path.join(packageRoot(), 'work'),
    });
  } catch (e) {
    process.stderr.write(`tsspark-worker: ${e instanceof Error ? e.message : String(e)}\n`);
    if (isTsSparkError(e, 'INVALID_ARGUMENT') && e.details.usage === true) process.stderr.write(WORKER_USAGE);
    process.exitCode = 1;
    return undefined;
  }
  process.stdout.write(`tsspark-worker started: id=${worker.id} port=${worker.port} webui-port=${worker.webuiPort} webui=${worker.webuiUrl ?? '-'} master=spark://${worker.masterAddress() ?? '-'} pid=${process.pid}\n`);
  const stop = (signal: string, code: number): void => {
    process.stderr.write(`tsspark-worker: ${signal}, shutting down\n`);
    void worker.stop().then(() => process.exit(code));
  };
  process.once('SIGINT', () => stop('SIGINT', 0));
  process.once('SIGTERM', () => stop('SIGTERM', 0));
  void worker.failed.then(() => stop('lost its master', 1));
  return worker;
}
