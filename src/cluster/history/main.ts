// Command line of tsspark-history: `tsspark-history [--port 18080] [--host 127.0.0.1] [--dir D]`; the directory
// defaults to spark.history.fs.logDirectory from --conf / tsspark-defaults.conf, then the registry default.
import { CONF_REGISTRY } from '../../common/config-registry.js';
import { TsSparkError } from '../../common/errors.js';
import { createHistoryApp } from './history-server.js';

export interface HistoryArgs {
  readonly port: number;
  readonly host: string;
  readonly dir: string;
}

export function parseHistoryArgs(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): HistoryArgs {
  let port = Number(CONF_REGISTRY.get('spark.history.ui.port')?.default ?? 18080);
  let host = '127.0.0.1';
  let dir = env['SPARK_HISTORY_LOG_DIR'] ?? CONF_REGISTRY.get('spark.history.fs.logDirectory')?.default ?? '/tmp/tsspark-events';
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const next = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new TsSparkError('INVALID_ARGUMENT', `${a} needs a value`);
      return v;
    };
    if (a === '--port' || a === '-p') port = Number(next());
    else if (a === '--host') host = next();
    else if (a === '--dir' || a === '-d') dir = next();
    else if (a === '--conf') {
      const [k, v] = next().split(/=(.*)/s);
      if (k === 'spark.history.fs.logDirectory' && v !== undefined) dir = v;
      if (k === 'spark.history.ui.port' && v !== undefined) port = Number(v);
    } else throw new TsSparkError('INVALID_ARGUMENT', `unknown option ${a}`, { hint: 'usage: tsspark-history [--port 18080] [--host 127.0.0.1] [--dir DIR]' });
  }
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new TsSparkError('INVALID_ARGUMENT', `bad port ${port}`);
  return { port, host, dir: dir.replace(/^file:(\/\/)?/, '') };
}

/** Starts the server and resolves with its URL; the process keeps running until killed. */
export async function runHistory(argv: readonly string[]): Promise<string> {
  const args = parseHistoryArgs(argv);
  const app = createHistoryApp(args.dir);
  await app.listen({ host: args.host, port: args.port });
  const addr = app.server.address();
  const url = `http://${args.host}:${typeof addr === 'object' && addr ? addr.port : args.port}`;
  process.stderr.write(`tsspark history server at ${url} serving ${args.dir}\n`);
  const stop = (): void => void app.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return url;
}
