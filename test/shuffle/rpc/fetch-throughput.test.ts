// Measures loopback fetch throughput (64 MiB block) and unary round-trip latency; prints the numbers.
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { RpcClient } from '../../../src/common/rpc/client.js';
import { healthDefinition, healthService, type HealthShape } from '../../../src/common/rpc/health.js';
import { startRpcServer } from '../../../src/common/rpc/server.js';
import { closeShuffleClients, fetchBlocks } from '../../../src/shuffle/rpc/shuffle-client.js';
import { shuffleService } from '../../../src/shuffle/rpc/shuffle-service.js';

afterAll(() => closeShuffleClients());

describe('loopback RPC performance', () => {
  it('fetches a 64 MiB block', async () => {
    const block = randomBytes(64 * 1024 * 1024);
    // in-memory reader so the number is the transport's, not the disk's
    const server = await startRpcServer({ services: [shuffleService({ rootDir: '/nonexistent', readBlock: () => block })] });
    const addr = { executorId: 'e', host: server.host, port: server.port };
    const req = { appId: 'a', shuffleId: 0, blocks: [{ mapId: 0, reduceId: 0 }] };
    const rates: number[] = [];
    for (let round = 0; round < 3; round++) {
      const t0 = performance.now();
      let got: Buffer | undefined;
      for await (const b of fetchBlocks(addr, req)) got = b.data;
      const ms = performance.now() - t0;
      expect(got!.equals(block)).toBe(true);
      rates.push(64 / 1024 / (ms / 1000));
    }
    server.forceStop();
    console.log(`64 MiB block fetch on loopback: ${rates.map((r) => r.toFixed(2)).join(', ')} GiB/s (3 rounds)`);
  });

  it('round-trips unary calls', async () => {
    const server = await startRpcServer({ services: [healthService()] });
    const client = new RpcClient<HealthShape>(healthDefinition(), server.address);
    const ping = { text: 'p', payload: Buffer.alloc(0), count: 0 };
    for (let i = 0; i < 50; i++) await client.unary('Ping', ping);
    const times: number[] = [];
    for (let i = 0; i < 500; i++) {
      const t0 = performance.now();
      await client.unary('Ping', ping);
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    const mean = times.reduce((a, b) => a + b, 0) / times.length;
    const authed = await startRpcServer({ services: [healthService()], auth: { secret: 'k' } });
    const authClient = new RpcClient<HealthShape>(healthDefinition(), authed.address, { auth: { secret: 'k' } });
    for (let i = 0; i < 50; i++) await authClient.unary('Ping', ping);
    const t0 = performance.now();
    for (let i = 0; i < 500; i++) await authClient.unary('Ping', ping);
    const authMean = (performance.now() - t0) / 500;
    client.close();
    authClient.close();
    server.forceStop();
    authed.forceStop();
    console.log(`unary round trip on loopback: mean ${mean.toFixed(3)} ms, p50 ${times[250]!.toFixed(3)} ms, p99 ${times[495]!.toFixed(3)} ms; with auth mean ${authMean.toFixed(3)} ms`);
    expect(mean).toBeGreaterThan(0);
  });
});
