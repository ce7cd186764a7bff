// Starts a gRPC server for one or more tsspark services (loopback by default, optional shared-secret auth).
// Used by the driver, executors (with the shuffle service), and the standalone master/worker daemons.
import * as grpc from '@grpc/grpc-js';
import { TsSparkError } from '../errors.js';
import { AuthVerifier, type RpcAuth } from './auth.js';
import { wrapService, type RpcServiceBinding } from './handlers.js';

export const DEFAULT_MAX_MESSAGE_BYTES = 128 * 1024 * 1024;
const STOP_GRACE_MS = 5_000;

export interface RpcServerOptions {
  /** Interface to bind; loopback unless told otherwise. */
  readonly host?: string;
  /** 0 picks a free port. */
  readonly port?: number;
  readonly services: readonly RpcServiceBinding[];
  /** When set, every call must carry a valid token for this secret. */
  readonly auth?: RpcAuth;
  readonly maxMessageBytes?: number;
  /** Where rejected calls are reported (one line each); console.warn by default. */
  readonly log?: (line: string) => void;
}

export interface RpcServer {
  readonly host: string;
  readonly port: number;
  /** "host:port" as clients dial it. */
  readonly address: string;
  /** Stops accepting calls and waits for running ones (forced after a few seconds). */
  stop(): Promise<void>;
  /** Cancels running calls and closes at once. */
  forceStop(): void;
}

export function formatAddress(host: string, port: number): string {
  return host.includes(':') && !host.startsWith('[') ? `[${host}]:${port}` : `${host}:${port}`;
}

export async function startRpcServer(options: RpcServerOptions): Promise<RpcServer> {
  const host = options.host ?? '127.0.0.1';
  const maxBytes = options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES;
  const server = new grpc.Server({
    'grpc.max_receive_message_length': maxBytes,
    'grpc.max_send_message_length': maxBytes,
  });
  const verifier = options.auth ? new AuthVerifier(options.auth.secret) : undefined;
  const log = options.log ?? ((line: string) => console.warn(line));
  for (const binding of options.services) {
    server.addService(binding.definition, wrapService(binding, { verifier, log }));
  }
  const port = await new Promise<number>((resolve, reject) => {
    server.bindAsync(formatAddress(host, options.port ?? 0), grpc.ServerCredentials.createInsecure(), (err, bound) => {
      if (err) {
        reject(new TsSparkError('RPC_FAILED', `cannot bind RPC server on ${formatAddress(host, options.port ?? 0)}: ${err.message}`, {
          details: { host, port: options.port ?? 0 },
          cause: err,
        }));
      } else resolve(bound);
    });
  });
  let stopped: Promise<void> | undefined;
  return {
    host,
    port,
    address: formatAddress(host, port),
    stop() {
      stopped ??= new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          server.forceShutdown();
          resolve();
        }, STOP_GRACE_MS);
        timer.unref();
        server.tryShutdown(() => {
          clearTimeout(timer);
          resolve();
        });
      });
      return stopped;
    },
    forceStop() {
      server.forceShutdown();
    },
  };
}
