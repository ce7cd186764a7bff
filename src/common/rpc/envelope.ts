// Services whose every method takes and returns `Envelope { bytes payload }` with a msgpack body: typed helpers to
// define them and call them, with the body validated by the receiving handler.
import type * as grpc from '@grpc/grpc-js';
import { TsSparkError } from '../errors.js';
import { decodeValue, encodeValue } from '../record-codec.js';
import { RpcClient, type RpcClientOptions } from './client.js';
import { defineService, type CallContext, type RpcServiceBinding } from './handlers.js';

export interface Envelope {
  readonly payload: Buffer;
}

type EnvelopeShape = Record<string, { readonly request: Envelope; readonly response: Envelope }>;

export type EnvelopeHandlers = Record<string, (body: Record<string, unknown>, ctx: CallContext) => unknown | Promise<unknown>>;

export function envelopeService(definition: grpc.ServiceDefinition, handlers: EnvelopeHandlers): RpcServiceBinding {
  const impl: Record<string, (req: Envelope, ctx: CallContext) => Promise<Envelope>> = {};
  for (const [name, h] of Object.entries(handlers)) {
    impl[name] = async (req, ctx) => {
      const body = decodeBody(req.payload, name);
      const out = await h(body, ctx);
      return { payload: encodeValue(out ?? {}) };
    };
  }
  return defineService<EnvelopeShape>(definition, impl as never);
}

export class EnvelopeClient {
  private readonly client: RpcClient<EnvelopeShape>;

  constructor(definition: grpc.ServiceDefinition, address: string, options: RpcClientOptions = {}) {
    this.client = new RpcClient<EnvelopeShape>(definition, address, options);
  }

  async call<R = Record<string, unknown>>(method: string, body: Record<string, unknown>, deadlineMs?: number): Promise<R> {
    const res = await this.client.unary(method, { payload: encodeValue(body) }, deadlineMs ? { deadlineMs } : {});
    return decodeBody(res.payload, method) as R;
  }

  close(): void {
    this.client.close();
  }
}

function decodeBody(bytes: Buffer | undefined, method: string): Record<string, unknown> {
  let v: unknown;
  try {
    v = decodeValue(bytes ?? Buffer.alloc(0));
  } catch (e) {
    throw new TsSparkError('INVALID_WIRE_DATA', `${method}: undecodable payload`, { cause: e });
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new TsSparkError('INVALID_WIRE_DATA', `${method}: payload is not an object`);
  return v as Record<string, unknown>;
}
