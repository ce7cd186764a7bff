// Typed handler shapes for tsspark services and the wrapper the server puts around every handler:
// authentication first, then the handler; any throw or rejection becomes an error status, never a crashed server.
import * as grpc from '@grpc/grpc-js';
import { TsSparkError } from '../errors.js';
import { AUTH_METADATA_KEY, type AuthVerifier } from './auth.js';
import { toStatus } from './rpc-errors.js';

export interface CallContext {
  /** Full gRPC path, e.g. '/tsspark.shuffle.ShuffleService/FetchBlocks'. */
  readonly method: string;
  readonly peer: string;
  readonly metadata: grpc.Metadata;
  /** Aborted when the client cancels, its deadline passes or the connection drops. */
  readonly signal: AbortSignal;
}

export type UnaryHandler<Req, Res> = (request: Req, ctx: CallContext) => Res | Promise<Res>;
export type ServerStreamHandler<Req, Res> = (request: Req, ctx: CallContext) => AsyncIterable<Res> | Iterable<Res>;

/** A service's methods as TypeScript types: `{ Heartbeat: { request: HeartbeatReq; response: HeartbeatRes } }`;
 *  add `stream: true` for server-streaming methods. Requests are as decoded by proto-loader: validate before trusting. */
export interface MethodShape {
  readonly request: unknown;
  readonly response: unknown;
  readonly stream?: true;
}
export type ServiceShape = { readonly [method: string]: MethodShape };

export type ServiceHandlers<S extends ServiceShape> = {
  readonly [K in keyof S]: S[K]['stream'] extends true
    ? ServerStreamHandler<S[K]['request'], S[K]['response']>
    : UnaryHandler<S[K]['request'], S[K]['response']>;
};

export type UnaryMethods<S extends ServiceShape> = { [K in keyof S]: S[K]['stream'] extends true ? never : K }[keyof S] & string;
export type StreamMethods<S extends ServiceShape> = { [K in keyof S]: S[K]['stream'] extends true ? K : never }[keyof S] & string;

/** One service a server exposes: its proto definition and handlers keyed by the proto method name. */
export interface RpcServiceBinding {
  readonly definition: grpc.ServiceDefinition;
  readonly implementation: Readonly<Record<string, (request: never, ctx: CallContext) => unknown>>;
}

export function defineService<S extends ServiceShape>(
  definition: grpc.ServiceDefinition,
  implementation: ServiceHandlers<S>,
): RpcServiceBinding {
  return { definition, implementation: implementation as RpcServiceBinding['implementation'] };
}

export interface WrapOptions {
  readonly verifier: AuthVerifier | undefined;
  readonly log: (line: string) => void;
}

/** The grpc-js implementation object for one binding, every method wrapped. */
export function wrapService(binding: RpcServiceBinding, opts: WrapOptions): grpc.UntypedServiceImplementation {
  const out: grpc.UntypedServiceImplementation = {};
  for (const [name, method] of Object.entries(binding.definition)) {
    const handler = binding.implementation[name];
    if (method.requestStream) out[name] = rejectCall(new TsSparkError('UNSUPPORTED', `client-streaming method ${method.path}`));
    else if (handler === undefined) out[name] = rejectCall(new TsSparkError('UNSUPPORTED', `method ${method.path} not implemented`));
    else if (method.responseStream) out[name] = wrapStream(handler as ServerStreamHandler<unknown, unknown>, opts);
    else out[name] = wrapUnary(handler as UnaryHandler<unknown, unknown>, opts);
  }
  return out;
}

type AnyCall = grpc.ServerUnaryCall<unknown, unknown> | grpc.ServerWritableStream<unknown, unknown>;

function contextOf(call: AnyCall): { ctx: CallContext; abort: AbortController } {
  const abort = new AbortController();
  call.on('cancelled', () => abort.abort(new TsSparkError('RPC_FAILED', 'call cancelled by the client')));
  let peer = 'unknown';
  try {
    peer = call.getPeer();
  } catch {
    // the peer may already be gone
  }
  return { ctx: { method: call.getPath(), peer, metadata: call.metadata, signal: abort.signal }, abort };
}

function authenticate(call: AnyCall, ctx: CallContext, opts: WrapOptions): void {
  if (opts.verifier === undefined) return;
  const token = call.metadata.get(AUTH_METADATA_KEY)[0];
  const check = opts.verifier.verify(ctx.method, typeof token === 'string' ? token : undefined);
  if (check.ok) return;
  opts.log(`tsspark rpc: rejected ${ctx.method} from ${ctx.peer}: ${check.reason}`);
  // the reason stays in the server log; the caller only learns that it was rejected
  throw new TsSparkError('UNAUTHENTICATED', `unauthenticated call to ${ctx.method}`);
}

function wrapUnary(handler: UnaryHandler<unknown, unknown>, opts: WrapOptions): grpc.handleUnaryCall<unknown, unknown> {
  return (call, callback) => {
    const { ctx } = contextOf(call);
    const run = async (): Promise<unknown> => {
      authenticate(call, ctx, opts);
      return await handler(call.request, ctx);
    };
    run().then(
      (res) => callback(null, res),
      (err: unknown) => callback(toStatus(err)),
    );
  };
}

function wrapStream(handler: ServerStreamHandler<unknown, unknown>, opts: WrapOptions): grpc.handleServerStreamingCall<unknown, unknown> {
  return (call) => {
    const { ctx } = contextOf(call);
    const run = async (): Promise<void> => {
      authenticate(call, ctx, opts);
      for await (const message of handler(call.request, ctx)) {
        if (ctx.signal.aborted) return;
        if (!call.write(message)) await drained(call, ctx.signal);
      }
      if (!ctx.signal.aborted) call.end();
    };
    run().catch((err: unknown) => {
      if (!ctx.signal.aborted) call.emit('error', toStatus(err));
    });
  };
}

function drained(call: grpc.ServerWritableStream<unknown, unknown>, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      call.off('drain', done);
      signal.removeEventListener('abort', done);
      resolve();
    };
    call.on('drain', done);
    signal.addEventListener('abort', done);
  });
}

function rejectCall(error: TsSparkError): grpc.UntypedHandleCall {
  return ((call: AnyCall, callback?: grpc.sendUnaryData<unknown>) => {
    if (callback) callback(toStatus(error));
    else call.emit('error', toStatus(error));
  }) as grpc.UntypedHandleCall;
}
