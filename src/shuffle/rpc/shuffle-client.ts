// Reducer side of ShuffleService: fetches blocks from another executor as an async iterable of whole blocks,
// with bounded buffered bytes; every transport failure becomes FETCH_FAILED with the ids as structured details.
import { isTsSparkError, TsSparkError } from '../../common/errors.js';
import type { RpcAuth } from '../../common/rpc/auth.js';
import { RpcClient } from '../../common/rpc/client.js';
import { formatAddress } from '../../common/rpc/server.js';
import {
  shuffleServiceDefinition,
  validateFetchRequest,
  type BlockRef,
  type ShuffleShape,
  type ValidFetchRequest,
  type WireBlockChunk,
  type WireFetchBlocksRequest,
} from './shuffle-protocol.js';

export const DEFAULT_MAX_IN_FLIGHT_BYTES = 48 * 1024 * 1024; // spark.reducer.maxSizeInFlight

export interface ShuffleServerAddress {
  readonly executorId: string;
  readonly host: string;
  readonly port: number;
}

export interface FetchBlocksRequest {
  readonly appId: string;
  readonly shuffleId: number;
  readonly blocks: readonly BlockRef[];
}

export interface FetchedBlock {
  readonly mapId: number;
  readonly reduceId: number;
  readonly data: Buffer;
}

export interface FetchBlocksOptions {
  /** Received-but-unconsumed bytes above which the stream is paused (one block always completes). */
  readonly maxInFlightBytes?: number;
  readonly signal?: AbortSignal;
  readonly auth?: RpcAuth;
  /** Deadline for the whole fetch, in ms; none by default. */
  readonly deadlineMs?: number;
}

// Errors that retrying the parent stage cannot fix travel as they are; everything else is a fetch failure.
const NOT_FETCH_FAILURES = new Set(['UNAUTHENTICATED', 'INVALID_WIRE_DATA', 'INVALID_ARGUMENT']);

// HTTP/2 receive window: the 64 KiB default caps a 64 MiB loopback fetch at ~0.2-0.3 GiB/s; 1 MiB gives ~0.45-0.6
// (two processes, 2 cores) and larger windows measured no better while buffering more beyond maxInFlightBytes.
const CHANNEL_OPTIONS = { 'grpc-node.flow_control_window': 1024 * 1024 };

const clients = new Map<string, RpcClient<ShuffleShape>>();

function clientFor(address: ShuffleServerAddress, auth: RpcAuth | undefined): RpcClient<ShuffleShape> {
  const target = formatAddress(address.host, address.port);
  const key = `${target}\0${auth?.secret ?? ''}`;
  let c = clients.get(key);
  if (c === undefined) {
    c = new RpcClient<ShuffleShape>(shuffleServiceDefinition(), target, { ...(auth ? { auth } : {}), channelOptions: CHANNEL_OPTIONS });
    clients.set(key, c);
  }
  return c;
}

/** Closes every cached shuffle channel (executor shutdown, tests). */
export function closeShuffleClients(): void {
  for (const c of clients.values()) c.close();
  clients.clear();
}

export async function* fetchBlocks(
  address: ShuffleServerAddress,
  request: FetchBlocksRequest,
  options: FetchBlocksOptions = {},
): AsyncGenerator<FetchedBlock> {
  const wireRequest = { app_id: request.appId, shuffle_id: request.shuffleId, blocks: request.blocks.map((b) => ({ map_id: b.mapId, reduce_id: b.reduceId })) };
  const req = validateLocally(wireRequest);
  if (req.blocks.length === 0) return;
  const maxInFlight = options.maxInFlightBytes ?? DEFAULT_MAX_IN_FLIGHT_BYTES;
  const client = clientFor(address, options.auth);
  let next = 0; // index in req.blocks of the block being received
  const failure = (cause: unknown, why: string): Error => {
    if (options.signal?.aborted) return abortError(options.signal);
    if (isTsSparkError(cause) && NOT_FETCH_FAILURES.has(cause.code)) return cause;
    const at = req.blocks[Math.min(next, req.blocks.length - 1)]!;
    return new TsSparkError(
      'FETCH_FAILED',
      `failed to fetch shuffle ${req.shuffleId} block (map ${at.mapId}, reduce ${at.reduceId}) from executor ${address.executorId} at ${client.address}: ${why}`,
      { details: { executorId: address.executorId, host: address.host, port: address.port, shuffleId: req.shuffleId, mapId: at.mapId, reduceId: at.reduceId }, cause },
    );
  };

  const ready: FetchedBlock[] = [];
  let parts: Buffer[] = [];
  let received = 0;
  let buffered = 0;
  let paused = false;
  let error: Error | undefined;
  let ended = false;
  let wake: (() => void) | undefined;
  const notify = (): void => {
    const w = wake;
    wake = undefined;
    w?.();
  };

  const call = client.openStream(
    'FetchBlocks',
    wireRequest,
    { ...(options.signal ? { signal: options.signal } : {}), ...(options.deadlineMs === undefined ? {} : { deadlineMs: options.deadlineMs }) },
  );
  const accept = (chunk: WireBlockChunk): void => {
    const want = req.blocks[next];
    if (want === undefined || chunk.map_id !== want.mapId || chunk.reduce_id !== want.reduceId || chunk.offset !== received) {
      throw new TsSparkError('INVALID_WIRE_DATA', `unexpected chunk (map ${chunk.map_id}, reduce ${chunk.reduce_id}, offset ${chunk.offset})`);
    }
    parts.push(chunk.data);
    received += chunk.data.length;
    buffered += chunk.data.length;
    if (!chunk.last) return;
    if (received !== chunk.total_size) {
      throw new TsSparkError('INVALID_WIRE_DATA', `block (map ${want.mapId}, reduce ${want.reduceId}) has ${received} bytes, expected ${chunk.total_size}`);
    }
    ready.push({ mapId: want.mapId, reduceId: want.reduceId, data: parts.length === 1 ? parts[0]! : Buffer.concat(parts, received) });
    parts = [];
    received = 0;
    next++;
  };
  call.on('data', (chunk: WireBlockChunk) => {
    if (error !== undefined) return;
    try {
      accept(chunk);
    } catch (e) {
      error = failure(e, (e as Error).message);
      call.cancel();
    }
    if (!paused && buffered > maxInFlight && ready.length > 0) {
      paused = true;
      call.pause();
    }
    notify();
  });
  call.on('error', (e: Error) => {
    if (error === undefined) {
      const err = client.toError(e, 'FetchBlocks');
      error = failure(err, err.message);
    }
    notify();
  });
  call.on('end', () => {
    ended = true;
    notify();
  });

  let finished = false;
  try {
    for (;;) {
      const block = ready.shift();
      if (block !== undefined) {
        buffered -= block.data.length;
        if (paused && buffered <= maxInFlight) {
          paused = false;
          call.resume();
        }
        yield block;
        continue;
      }
      if (error !== undefined) throw error;
      if (ended) {
        if (next < req.blocks.length) throw failure(undefined, `stream ended after ${next} of ${req.blocks.length} blocks`);
        finished = true;
        return;
      }
      await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    if (!finished) call.cancel();
  }
}

/** The caller's own bad ids are an argument error, not bad wire data. */
function validateLocally(wireRequest: WireFetchBlocksRequest): ValidFetchRequest {
  try {
    return validateFetchRequest(wireRequest);
  } catch (e) {
    if (!isTsSparkError(e)) throw e;
    throw new TsSparkError('INVALID_ARGUMENT', e.message, { details: e.details, cause: e });
  }
}

function abortError(signal: AbortSignal): Error {
  return signal.reason instanceof Error ? signal.reason : new TsSparkError('JOB_CANCELLED', 'shuffle fetch aborted');
}
