import * as grpc from '@grpc/grpc-js';
import { afterEach, describe, expect, it } from 'vitest';
import { RpcClient } from '../../../src/common/rpc/client.js';
import { AUTH_METADATA_KEY, createAuthToken } from '../../../src/common/rpc/auth.js';
import { defaultHealthHandlers, healthDefinition, healthService, type HealthShape } from '../../../src/common/rpc/health.js';
import { startRpcServer, type RpcServer } from '../../../src/common/rpc/server.js';
import { isTsSparkError, TsSparkError } from '../../../src/common/errors.js';

const servers: RpcServer[] = [];
const clients: RpcClient<HealthShape>[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  for (const s of servers.splice(0)) s.forceStop();
});

async function serve(opts: Partial<Parameters<typeof startRpcServer>[0]> = {}): Promise<RpcServer> {
  const s = await startRpcServer({ services: [healthService()], ...opts });
  servers.push(s);
  return s;
}
function client(address: string, secret?: string): RpcClient<HealthShape> {
  const c = new RpcClient<HealthShape>(healthDefinition(), address, secret === undefined ? {} : { auth: { secret } });
  clients.push(c);
  return c;
}
async function caught(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected a rejection');
}
const ping = { text: 'hi', payload: Buffer.from([1, 2, 3]), count: 0 };

describe('rpc server and client', () => {
  it('binds loopback on an ephemeral port and round-trips a unary call', async () => {
    const s = await serve();
    expect(s.host).toBe('127.0.0.1');
    expect(s.port).toBeGreaterThan(0);
    const res = await client(s.address).unary('Ping', ping);
    expect(res.text).toBe('hi');
    expect(Buffer.isBuffer(res.payload)).toBe(true);
    expect([...res.payload]).toEqual([1, 2, 3]);
    expect(typeof res.sent_at_ms).toBe('number');
  });

  it('streams server messages', async () => {
    const s = await serve();
    const got: string[] = [];
    for await (const m of client(s.address).stream('Watch', { ...ping, count: 3 })) got.push(m.text);
    expect(got).toEqual(['hi0', 'hi1', 'hi2']);
  });

  it('delivers a TsSparkError thrown by a handler with its code and details, and keeps serving', async () => {
    const s = await serve({
      services: [healthService({
        ...defaultHealthHandlers,
        Ping: (req) => {
          if (req.text === 'sync') throw new TsSparkError('INVALID_WIRE_DATA', 'bad block id', { details: { mapId: -1 }, hint: 'fix it' });
          if (req.text === 'plain') return Promise.reject(new RangeError('boom'));
          return defaultHealthHandlers.Ping(req, undefined as never);
        },
      })],
    });
    const c = client(s.address);
    const e1 = await caught(c.unary('Ping', { ...ping, text: 'sync' }));
    expect(isTsSparkError(e1, 'INVALID_WIRE_DATA')).toBe(true);
    expect((e1 as TsSparkError).details).toEqual({ mapId: -1 });
    expect((e1 as TsSparkError).hint).toBe('fix it');
    const e2 = await caught(c.unary('Ping', { ...ping, text: 'plain' }));
    expect(e2).toBeInstanceOf(Error);
    expect((e2 as Error).name).toBe('RangeError');
    expect((e2 as Error).message).toBe('boom');
    expect((await c.unary('Ping', ping)).text).toBe('hi');
  });

  it('turns a failing stream handler into a structured error at the client', async () => {
    const s = await serve({
      services: [healthService({
        ...defaultHealthHandlers,
        Watch: async function* () {
          yield { text: 'one', payload: Buffer.alloc(0), sent_at_ms: 0 };
          throw new TsSparkError('FETCH_FAILED', 'gone', { details: { mapId: 3 } });
        },
      })],
    });
    const got: string[] = [];
    const err = await caught((async () => {
      for await (const m of client(s.address).stream('Watch', ping)) got.push(m.text);
    })());
    expect(got).toEqual(['one']);
    expect(isTsSparkError(err, 'FETCH_FAILED')).toBe(true);
    expect((err as TsSparkError).details).toEqual({ mapId: 3 });
  });

  it('maps transport failures to RPC_FAILED with code, address and method', async () => {
    const s = await serve();
    const address = s.address;
    s.forceStop();
    const err = await caught(client(address).unary('Ping', ping, { deadlineMs: 5000 }));
    expect(isTsSparkError(err, 'RPC_FAILED')).toBe(true);
    expect((err as TsSparkError).details).toMatchObject({ grpcStatus: 'UNAVAILABLE', address, method: '/tsspark.common.Health/Ping' });
  });

  it('applies deadlines and aborts', async () => {
    const s = await serve({
      services: [healthService({ ...defaultHealthHandlers, Ping: () => new Promise(() => {}) })],
    });
    const e1 = await caught(client(s.address).unary('Ping', ping, { deadlineMs: 100 }));
    expect((e1 as TsSparkError).details).toMatchObject({ grpcStatus: 'DEADLINE_EXCEEDED' });
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 50);
    const e2 = await caught(client(s.address).unary('Ping', ping, { signal: ac.signal }));
    expect((e2 as TsSparkError).details).toMatchObject({ grpcStatus: 'CANCELLED' });
  });

  it('survives a handler answering with an unserializable response', async () => {
    const s = await serve({
      services: [healthService({ ...defaultHealthHandlers, Ping: () => undefined as never })],
    });
    const err = await caught(client(s.address).unary('Ping', ping));
    expect(err).toBeInstanceOf(Error);
    const s2 = await serve();
    expect((await client(s2.address).unary('Ping', ping)).text).toBe('hi');
    expect(await caught(client(s.address).unary('Ping', ping))).toBeInstanceOf(Error);
  });

  it('survives malformed wire bytes', async () => {
    const s = await serve();
    const raw = new grpc.Client(s.address, grpc.credentials.createInsecure());
    const err = await new Promise<grpc.ServiceError | null>((resolve) => {
      raw.makeUnaryRequest('/tsspark.common.Health/Ping', (b: Buffer) => b, (b: Buffer) => b, Buffer.from([0xff, 0xff, 0xff]),
        new grpc.Metadata(), {}, (e) => resolve(e));
    });
    raw.close();
    expect(err?.code).toBe(grpc.status.INTERNAL);
    expect((await client(s.address).unary('Ping', ping)).text).toBe('hi');
  });
});

describe('rpc auth', () => {
  it('accepts the right secret, rejects none or a wrong one, and logs one line each', async () => {
    const lines: string[] = [];
    const s = await serve({ auth: { secret: 'right' }, log: (l) => lines.push(l) });
    expect((await client(s.address, 'right').unary('Ping', ping)).text).toBe('hi');
    for (const c of [client(s.address), client(s.address, 'wrong')]) {
      const err = await caught(c.unary('Ping', ping));
      expect(isTsSparkError(err, 'UNAUTHENTICATED')).toBe(true);
    }
    const streamErr = await caught((async () => {
      for await (const _ of client(s.address).stream('Watch', { ...ping, count: 2 })) void _;
    })());
    expect(isTsSparkError(streamErr, 'UNAUTHENTICATED')).toBe(true);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/rejected \/tsspark\.common\.Health\/Ping from .*missing auth token/);
    expect(lines.join('\n')).not.toContain('right');
  });

  it('rejects a replayed token', async () => {
    const lines: string[] = [];
    const s = await serve({ auth: { secret: 'k' }, log: (l) => lines.push(l) });
    const def = healthDefinition().Ping!;
    const token = createAuthToken('k', def.path);
    const raw = new grpc.Client(s.address, grpc.credentials.createInsecure());
    const call = (): Promise<grpc.ServiceError | null> => new Promise((resolve) => {
      const md = new grpc.Metadata();
      md.set(AUTH_METADATA_KEY, token);
      raw.makeUnaryRequest(def.path, def.requestSerialize, def.responseDeserialize, ping, md, {}, (e) => resolve(e));
    });
    expect(await call()).toBeNull();
    expect((await call())?.code).toBe(grpc.status.UNAUTHENTICATED);
    raw.close();
    expect(lines[0]).toMatch(/replayed/);
  });

  it('a server without auth accepts calls that carry tokens', async () => {
    const s = await serve();
    expect((await client(s.address, 'any').unary('Ping', ping)).text).toBe('hi');
  });
});
