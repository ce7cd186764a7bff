// Server side of ShuffleService: streams the requested blocks of this executor's shuffle outputs in ≤ 1 MiB chunks.
// Blocks are read from the configured root dir only (ids are validated; no path ever comes from the wire).
import { TsSparkError } from '../../common/errors.js';
import { defineService, type CallContext, type RpcServiceBinding } from '../../common/rpc/handlers.js';
import { readLocalBlock } from '../reader.js';
import {
  CHUNK_BYTES,
  shuffleServiceDefinition,
  validateFetchRequest,
  type ShuffleShape,
  type WireBlockChunk,
  type WireFetchBlocksRequest,
} from './shuffle-protocol.js';

/** Reads one whole block of a local shuffle output; throws TsSparkError FETCH_FAILED when it is missing. */
export type LocalBlockReader = (rootDir: string, shuffleId: number, mapId: number, reduceId: number) => Buffer;

export interface ShuffleServiceOptions {
  /** The executor's shuffle root directory. */
  readonly rootDir: string;
  /** How blocks are read; readLocalBlock (data + index files under rootDir) by default. */
  readonly readBlock?: LocalBlockReader;
  /** When set, requests for another application are refused. */
  readonly appId?: string;
}

export function shuffleService(options: ShuffleServiceOptions): RpcServiceBinding {
  return defineService<ShuffleShape>(shuffleServiceDefinition(), {
    FetchBlocks: (request, ctx) => streamBlocks(options, request, ctx),
  });
}

async function* streamBlocks(options: ShuffleServiceOptions, request: WireFetchBlocksRequest, ctx: CallContext): AsyncGenerator<WireBlockChunk> {
  const req = validateFetchRequest(request);
  if (options.appId !== undefined && req.appId !== options.appId) {
    throw new TsSparkError('INVALID_ARGUMENT', `fetch request for application ${req.appId} reached an executor of ${options.appId}`, {
      details: { appId: req.appId, shuffleId: req.shuffleId },
    });
  }
  for (const { mapId, reduceId } of req.blocks) {
    if (ctx.signal.aborted) return;
    const block = (options.readBlock ?? readLocalBlock)(options.rootDir, req.shuffleId, mapId, reduceId);
    const total = block.length;
    let offset = 0;
    do {
      const end = Math.min(offset + CHUNK_BYTES, total);
      yield { map_id: mapId, reduce_id: reduceId, offset, data: block.subarray(offset, end), last: end === total, total_size: total };
      offset = end;
    } while (offset < total);
  }
}
