// Typed client for one tsspark service at "host:port": unary calls as Promises with deadlines, server streams,
// per-call auth tokens, and failed calls turned back into structured TsSparkErrors (see rpc-errors.ts).
import * as grpc from '@grpc/grpc-js';
import { TsSparkError } from '../errors.js';
import { AUTH_METADATA_KEY, createAuthToken, type RpcAuth } from './auth.js';
import type { ServiceShape, StreamMethods, UnaryMethods } from './handlers.js';
import { fromStatus } from './rpc-errors.js';
import { DEFAULT_MAX_MESSAGE_BYTES } from './server.js';

export const DEFAULT_UNARY_DEADLINE_MS = 60_000;

export interface RpcClientOptions {
  readonly auth?: RpcAuth;
  readonly maxMessageBytes?: number;
  /** Deadline for unary calls that do not name one. */
  readonly defaultDeadlineMs?: number;
  /** Extra grpc-js channel options (keepalive, backoff...). */
  readonly channelOptions?: grpc.ChannelOptions;
}

export interface RpcCallOptions {
  /** Milliseconds from now; unary calls default to RpcClientOptions.defaultDeadlineMs, streams to none. */
  readonly deadlineMs?: number;
  /** Aborting cancels the call. */
  readonly signal?: AbortSignal;
}

export class RpcClient<S extends ServiceShape> {
  private readonly client: grpc.Client;
  private readonly defaultDeadlineMs: number;

  constructor(
    private readonly definition: grpc.ServiceDefinition,
    readonly address: string,
    private readonly options: RpcClientOptions = {},
  ) {
    const maxBytes = options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES;
    this.client = new grpc.Client(address, grpc.credentials.createInsecure(), {
      'grpc.max_receive_message_length': maxBytes,
      'grpc.max_send_message_length': maxBytes,
      ...options.channelOptions,
    });
    this.defaultDeadlineMs = options.defaultDeadlineMs ?? DEFAULT_UNARY_DEADLINE_MS;
  }

  /** One request, one response; rejects with the server's TsSparkError, UNAUTHENTICATED or RPC_FAILED. */
  unary<K extends UnaryMethods<S>>(method: K, request: S[K]['request'], opts: RpcCallOptions = {}): Promise<S[K]['response']> {
    const def = this.method(method, false);
    return new Promise((resolve, reject) => {
      if (opts.signal?.aborted) {
        reject(this.toError({ code: grpc.status.CANCELLED, details: 'aborted before start' }, method));
        return;
      }
      const call = this.client.makeUnaryRequest(
        def.path,
        def.requestSerialize,
        def.responseDeserialize,
        request,
        this.metadataFor(def.path),
        { deadline: Date.now() + (opts.deadlineMs ?? this.defaultDeadlineMs) },
        (err, res) => {
          opts.signal?.removeEventListener('abort', onAbort);
          if (err) reject(this.toError(err, method));
          else resolve(res as S[K]['response']);
        },
      );
      const onAbort = (): void => call.cancel();
      opts.signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** The raw server stream (for callers that pause/resume); its 'error' events carry grpc ServiceErrors: pass them to toError. */
  openStream<K extends StreamMethods<S>>(method: K, request: S[K]['request'], opts: RpcCallOptions = {}): grpc.ClientReadableStream<S[K]['response']> {
    const def = this.method(method, true);
    const callOptions: grpc.CallOptions = opts.deadlineMs === undefined ? {} : { deadline: Date.now() + opts.deadlineMs };
    const call = this.client.makeServerStreamRequest(
      def.path,
      def.requestSerialize,
      def.responseDeserialize,
      request,
      this.metadataFor(def.path),
      callOptions,
    ) as grpc.ClientReadableStream<S[K]['response']>;
    if (opts.signal) {
      const signal = opts.signal;
      const onAbort = (): void => call.cancel();
      if (signal.aborted) call.cancel();
      else {
        signal.addEventListener('abort', onAbort, { once: true });
        call.on('close', () => signal.removeEventListener('abort', onAbort));
      }
    }
    return call;
  }

  /** A server stream as an async iterable; errors arrive as structured errors from the loop. */
  async *stream<K extends StreamMethods<S>>(method: K, request: S[K]['request'], opts: RpcCallOptions = {}): AsyncGenerator<S[K]['response']> {
    const call = this.openStream(method, request, opts);
    try {
      for await (const message of call) yield message as S[K]['response'];
    } catch (err) {
      throw this.toError(err as grpc.ServiceError, method);
    } finally {
      call.cancel();
    }
  }

  /** A failed call's error as the structured error callers see. */
  toError(err: Partial<grpc.StatusObject> & { message?: string }, method: string): Error {
    return fromStatus(err, { address: this.address, method: this.definition[method]?.path ?? method });
  }

  close(): void {
    this.client.close();
  }

  private method(name: string, stream: boolean): grpc.MethodDefinition<unknown, unknown> {
    const def = this.definition[name];
    if (def === undefined || def.responseStream !== stream || def.requestStream) {
      throw new TsSparkError('INTERNAL', `no ${stream ? 'server-streaming' : 'unary'} method ${name} in this service`);
    }
    return def;
  }

  private metadataFor(path: string): grpc.Metadata {
    const md = new grpc.Metadata();
    if (this.options.auth) md.set(AUTH_METADATA_KEY, createAuthToken(this.options.auth.secret, path));
    return md;
  }
}
