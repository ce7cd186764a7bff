import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isTsSparkError, TsSparkError } from '../../../src/common/errors.js';
import { RpcClient } from '../../../src/common/rpc/client.js';
import { startRpcServer, type RpcServer } from '../../../src/common/rpc/server.js';
import { closeShuffleClients, fetchBlocks, type FetchBlocksOptions, type FetchBlocksRequest, type ShuffleServerAddress } from '../../../src/shuffle/rpc/shuffle-client.js';
import { shuffleServiceDefinition, type ShuffleShape, type WireBlockChunk } from '../../../src/shuffle/rpc/shuffle-protocol.js';
import { shuffleService, type LocalBlockReader } from '../../../src/shuffle/rpc/shuffle-service.js';
import { shuffleDataPath } from '../../../src/shuffle/block-id.js';
import { iterateRecords } from '../../../src/shuffle/reader.js';
import { ShuffleWriter } from '../../../src/shuffle/writer.js';
import { readRawBlock, writeRawBlock } from './fixtures/raw-block-store.js';
import { spawnShuffleServer } from './fixtures/spawn-child.js';

let root: string;
const servers: RpcServer[] = [];
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'tsspark-shuffle-rpc-'));
});
afterEach(() => {
  closeShuffleClients();
  for (const s of servers.splice(0)) s.forceStop();
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function serve(opts: { readBlock?: LocalBlockReader; auth?: { secret: string }; appId?: string } = {}): Promise<ShuffleServerAddress> {
  const s = await startRpcServer({
    services: [shuffleService({ rootDir: root, readBlock: opts.readBlock ?? readRawBlock, ...(opts.appId ? { appId: opts.appId } : {}) })],
    ...(opts.auth ? { auth: opts.auth, log: () => {} } : {}),
  });
  servers.push(s);
  return { executorId: 'exec-1', host: s.host, port: s.port };
}
async function collect(addr: ShuffleServerAddress, req: FetchBlocksRequest, opts?: FetchBlocksOptions): Promise<{ mapId: number; reduceId: number; data: Buffer }[]> {
  const out = [];
  for await (const b of fetchBlocks(addr, req, opts)) out.push(b);
  return out;
}
async function caught(p: Promise<unknown>): Promise<TsSparkError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof TsSparkError) return e;
    throw e;
  }
  throw new Error('expected a rejection');
}

describe('shuffle fetch service', () => {
  it('serves blocks written by the shuffle writer, byte-identical to the data file ranges', async () => {
    const dir = join(root, 'written');
    mkdirSync(dir);
    const writer = new ShuffleWriter({ rootDir: dir, shuffleId: 3, mapId: 5, numPartitions: 3, memoryLimitBytes: 1 << 20 });
    for (let i = 0; i < 5000; i++) writer.write(i % 3 === 2 ? 0 : i % 3, [`key-${i}`, i]);
    const { partitionLengths } = writer.commit();
    expect(partitionLengths[2]).toBe(0);
    const s = await startRpcServer({ services: [shuffleService({ rootDir: dir })] });
    servers.push(s);
    const got = await collect({ executorId: 'exec-1', host: s.host, port: s.port }, { appId: 'app', shuffleId: 3, blocks: [0, 1, 2].map((r) => ({ mapId: 5, reduceId: r })) });
    const file = readFileSync(shuffleDataPath(dir, 3, 5));
    let offset = 0;
    got.forEach((b, r) => {
      expect(b.data.equals(file.subarray(offset, offset + partitionLengths[r]!))).toBe(true);
      offset += partitionLengths[r]!;
    });
    const records = [...iterateRecords([got[1]!.data])].flat(); // batches of records
    expect(records.length).toBe(1667);
    expect(records[0]).toEqual(['key-1', 1]);
    // a reduce id beyond the map output's partitions is bad wire data, not a lost output
    const err = await caught(collect({ executorId: 'exec-1', host: s.host, port: s.port }, { appId: 'app', shuffleId: 3, blocks: [{ mapId: 5, reduceId: 3 }] }));
    expect(err.code).toBe('INVALID_WIRE_DATA');
  });

  it('round-trips blocks (small, empty, multi-chunk) against the file contents', async () => {
    const blocks = [randomBytes(1000), Buffer.alloc(0), randomBytes(3 * 1024 * 1024 + 17)];
    blocks.forEach((b, i) => writeRawBlock(root, 1, i, 2, b));
    const got = await collect(await serve(), { appId: 'app-1', shuffleId: 1, blocks: [0, 1, 2].map((m) => ({ mapId: m, reduceId: 2 })) });
    expect(got.map((b) => [b.mapId, b.reduceId])).toEqual([[0, 2], [1, 2], [2, 2]]);
    got.forEach((b, i) => expect(b.data.equals(blocks[i]!)).toBe(true));
  });

  it('streams a > 4 MiB block in ≤ 1 MiB chunks with offsets and a last flag', async () => {
    const big = randomBytes(5 * 1024 * 1024 + 3);
    writeRawBlock(root, 2, 0, 0, big);
    const addr = await serve();
    const client = new RpcClient<ShuffleShape>(shuffleServiceDefinition(), `${addr.host}:${addr.port}`);
    const chunks: WireBlockChunk[] = [];
    for await (const c of client.stream('FetchBlocks', { app_id: 'a', shuffle_id: 2, blocks: [{ map_id: 0, reduce_id: 0 }] })) chunks.push(c);
    client.close();
    expect(chunks).toHaveLength(6);
    expect(chunks.every((c) => c.data.length <= 1024 * 1024)).toBe(true);
    expect(chunks.map((c) => c.offset)).toEqual([0, 1, 2, 3, 4, 5].map((i) => i * 1024 * 1024));
    expect(chunks.map((c) => c.last)).toEqual([false, false, false, false, false, true]);
    expect(Buffer.concat(chunks.map((c) => c.data)).equals(big)).toBe(true);
    const [fetched] = await collect(addr, { appId: 'a', shuffleId: 2, blocks: [{ mapId: 0, reduceId: 0 }] });
    expect(fetched!.data.equals(big)).toBe(true);
  });

  it('rejects invalid ids on the server with INVALID_WIRE_DATA and never reads', async () => {
    let reads = 0;
    const addr = await serve({ readBlock: (...a) => (reads++, readRawBlock(...a)) });
    const client = new RpcClient<ShuffleShape>(shuffleServiceDefinition(), `${addr.host}:${addr.port}`);
    const bad = [
      { app_id: 'a', shuffle_id: 1, blocks: [{ map_id: -1, reduce_id: 0 }] },
      { app_id: 'a', shuffle_id: -5, blocks: [] },
      { app_id: '../../etc', shuffle_id: 1, blocks: [] },
    ];
    for (const req of bad) {
      const err = await caught((async () => {
        for await (const _ of client.stream('FetchBlocks', req)) void _;
      })());
      expect(err.code).toBe('INVALID_WIRE_DATA');
    }
    const err = await caught((async () => {
      for await (const _ of client.stream('FetchBlocks', bad[0]!)) void _;
    })());
    expect(err.details).toMatchObject({ field: 'mapId', value: '-1' });
    client.close();
    expect(reads).toBe(0);
    // the client validates before sending
    const local = await caught(collect(addr, { appId: 'a', shuffleId: 1, blocks: [{ mapId: 1.5, reduceId: 0 }] }));
    expect(local.code).toBe('INVALID_ARGUMENT');
  });

  it('refuses another application when configured with an app id', async () => {
    const addr = await serve({ appId: 'app-1' });
    const err = await caught(collect(addr, { appId: 'app-2', shuffleId: 1, blocks: [{ mapId: 0, reduceId: 2 }] }));
    expect(err.code).toBe('INVALID_ARGUMENT');
  });

  it('reports a missing block as FETCH_FAILED with ids and the server error as cause', async () => {
    const addr = await serve();
    const err = await caught(collect(addr, { appId: 'a', shuffleId: 9, blocks: [{ mapId: 4, reduceId: 7 }] }));
    expect(err.code).toBe('FETCH_FAILED');
    expect(err.details).toEqual({ executorId: 'exec-1', host: '127.0.0.1', port: addr.port, shuffleId: 9, mapId: 4, reduceId: 7 });
    expect(isTsSparkError(err.cause, 'FETCH_FAILED')).toBe(true);
  });

  it('turns connection refused into FETCH_FAILED with structured details', async () => {
    const addr = await serve();
    servers.pop()!.forceStop();
    const err = await caught(collect(addr, { appId: 'a', shuffleId: 3, blocks: [{ mapId: 1, reduceId: 2 }] }));
    expect(err.code).toBe('FETCH_FAILED');
    expect(err.details).toEqual({ executorId: 'exec-1', host: '127.0.0.1', port: addr.port, shuffleId: 3, mapId: 1, reduceId: 2 });
    expect(isTsSparkError(err.cause, 'RPC_FAILED')).toBe(true);
  });

  it('turns a server stopped mid-stream into FETCH_FAILED for the block in flight', async () => {
    for (let m = 0; m < 3; m++) writeRawBlock(root, 4, m, 0, randomBytes(2 * 1024 * 1024));
    const s = await startRpcServer({ services: [shuffleService({ rootDir: root, readBlock: readRawBlock })] });
    const addr = { executorId: 'exec-2', host: s.host, port: s.port };
    const seen: number[] = [];
    const err = await caught((async () => {
      for await (const b of fetchBlocks(addr, { appId: 'a', shuffleId: 4, blocks: [0, 1, 2].map((m) => ({ mapId: m, reduceId: 0 })) }, { maxInFlightBytes: 1 })) {
        seen.push(b.mapId);
        if (seen.length === 1) s.forceStop();
      }
    })());
    expect(err.code).toBe('FETCH_FAILED');
    expect(err.details).toMatchObject({ executorId: 'exec-2', shuffleId: 4, reduceId: 0 });
    expect(seen.length).toBeLessThan(3);
  });

  it('turns a killed server process into FETCH_FAILED', async () => {
    for (let m = 0; m < 4; m++) writeRawBlock(root, 5, m, 1, randomBytes(4 * 1024 * 1024));
    const { child, port } = await spawnShuffleServer(root);
    try {
      const addr = { executorId: 'exec-9', host: '127.0.0.1', port };
      const it = fetchBlocks(addr, { appId: 'a', shuffleId: 5, blocks: [0, 1, 2, 3].map((m) => ({ mapId: m, reduceId: 1 })) }, { maxInFlightBytes: 1 });
      const first = await it.next();
      expect(first.done).toBe(false);
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
      const err = await caught((async () => {
        for (;;) if ((await it.next()).done) break;
      })());
      expect(err.code).toBe('FETCH_FAILED');
      expect(err.details).toMatchObject({ executorId: 'exec-9', host: '127.0.0.1', port, shuffleId: 5, reduceId: 1 });
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('keeps buffered bytes bounded while the consumer stalls', async () => {
    let reads = 0;
    for (let m = 0; m < 64; m++) writeRawBlock(root, 6, m, 0, randomBytes(256 * 1024));
    const addr = await serve({ readBlock: (...a) => (reads++, readRawBlock(...a)) });
    const it = fetchBlocks(addr, { appId: 'a', shuffleId: 6, blocks: Array.from({ length: 64 }, (_, m) => ({ mapId: m, reduceId: 0 })) }, { maxInFlightBytes: 512 * 1024 });
    await it.next();
    await new Promise((r) => setTimeout(r, 300));
    const readWhileStalled = reads;
    let n = 1;
    for (;;) {
      if ((await it.next()).done) break;
      n++;
    }
    expect(n).toBe(64);
    expect(readWhileStalled).toBeLessThan(64);
    console.log(`blocks read by the server while the consumer stalled: ${readWhileStalled}/64 (256 KiB each, maxInFlight 512 KiB)`);
  });

  it('turns a passed deadline into FETCH_FAILED', async () => {
    const mib = randomBytes(1024 * 1024);
    const addr = await serve({ readBlock: () => mib }); // 200 MiB of blocks: far more than the pipes buffer
    const it = fetchBlocks(addr, { appId: 'a', shuffleId: 8, blocks: Array.from({ length: 200 }, (_, m) => ({ mapId: m, reduceId: 0 })) }, { maxInFlightBytes: 1, deadlineMs: 300 });
    await it.next();
    await new Promise((r) => setTimeout(r, 500));
    const err = await caught((async () => {
      for (;;) if ((await it.next()).done) break;
    })());
    expect(err.code).toBe('FETCH_FAILED');
    expect(err.cause).toMatchObject({ details: { grpcStatus: 'DEADLINE_EXCEEDED' } });
  });

  it('throws the abort reason when the caller aborts', async () => {
    for (let m = 0; m < 4; m++) writeRawBlock(root, 10, m, 0, randomBytes(1024 * 1024));
    const addr = await serve();
    const ac = new AbortController();
    const seen: number[] = [];
    const reason = new TsSparkError('JOB_CANCELLED', 'task killed');
    const err = await caught((async () => {
      for await (const b of fetchBlocks(addr, { appId: 'a', shuffleId: 10, blocks: [0, 1, 2, 3].map((m) => ({ mapId: m, reduceId: 0 })) }, { signal: ac.signal, maxInFlightBytes: 1 })) {
        seen.push(b.mapId);
        ac.abort(reason);
        await new Promise((r) => setTimeout(r, 50));
      }
    })());
    expect(err).toBe(reason);
    expect(seen.length).toBeLessThan(4);
  });

  it('authenticates fetches', async () => {
    writeRawBlock(root, 7, 0, 0, Buffer.from('secret data'));
    const addr = await serve({ auth: { secret: 'shh' } });
    const req = { appId: 'a', shuffleId: 7, blocks: [{ mapId: 0, reduceId: 0 }] };
    expect((await caught(collect(addr, req))).code).toBe('UNAUTHENTICATED');
    expect((await caught(collect(addr, req, { auth: { secret: 'nope' } }))).code).toBe('UNAUTHENTICATED');
    const [b] = await collect(addr, req, { auth: { secret: 'shh' } });
    expect(b!.data.toString()).toBe('secret data');
  });
});
