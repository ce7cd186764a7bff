// Listens with the UI app on spark.ui.bindAddress (loopback by default) at spark.ui.port, counting up when a
// port is taken (as Spark does, up to 16 tries); port 0 picks an ephemeral port.
import type { FastifyInstance } from 'fastify';
import { TsSparkError } from '../../common/errors.js';

export interface UiServer {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

export async function listenWithRetries(app: FastifyInstance, host: string, port: number, maxRetries = 16): Promise<UiServer> {
  let lastErr: unknown;
  for (let i = 0; i <= (port === 0 ? 0 : maxRetries); i++) {
    try {
      await app.listen({ host, port: port === 0 ? 0 : port + i });
      const addr = app.server.address();
      const bound = typeof addr === 'object' && addr ? addr.port : port + i;
      const shownHost = host.includes(':') ? `[${host}]` : host;
      return { url: `http://${shownHost}:${bound}`, port: bound, close: () => app.close() };
    } catch (err) {
      lastErr = err;
      if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE') break;
    }
  }
  throw new TsSparkError('RPC_FAILED', `could not bind the web UI on ${host} from port ${port}: ${String(lastErr)}`, { cause: lastErr, hint: 'set spark.ui.port to a free port, or spark.ui.enabled=false' });
}
