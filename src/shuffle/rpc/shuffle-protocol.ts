// The ShuffleService wire types (shuffle.proto) and the validation both sides apply to them:
// ids from the wire are non-negative safe integers, app ids a safe directory-name token; nothing on the wire names a path.
import type * as grpc from '@grpc/grpc-js';
import { TsSparkError } from '../../common/errors.js';
import { loadServiceDefinition } from '../../common/rpc/proto-loader.js';
import { checkShuffleInt, validateAppDirName } from '../block-id.js';

export const CHUNK_BYTES = 1024 * 1024;
export const MAX_BLOCKS_PER_REQUEST = 100_000;

export interface WireBlockRef {
  readonly map_id: number;
  readonly reduce_id: number;
}
export interface WireFetchBlocksRequest {
  readonly app_id: string;
  readonly shuffle_id: number;
  readonly blocks: readonly WireBlockRef[];
}
export interface WireBlockChunk {
  readonly map_id: number;
  readonly reduce_id: number;
  readonly offset: number;
  readonly data: Buffer;
  readonly last: boolean;
  readonly total_size: number;
}

export type ShuffleShape = {
  readonly FetchBlocks: { readonly request: WireFetchBlocksRequest; readonly response: WireBlockChunk; readonly stream: true };
};

export function shuffleServiceDefinition(): grpc.ServiceDefinition {
  return loadServiceDefinition('shuffle/rpc/shuffle.proto', 'tsspark.shuffle.ShuffleService');
}

export interface BlockRef {
  readonly mapId: number;
  readonly reduceId: number;
}
export interface ValidFetchRequest {
  readonly appId: string;
  readonly shuffleId: number;
  readonly blocks: readonly BlockRef[];
}

/** Validates a decoded request (ids via block-id.ts); throws INVALID_WIRE_DATA with the offending field in details. */
export function validateFetchRequest(v: { readonly app_id: unknown; readonly shuffle_id: unknown; readonly blocks: unknown }): ValidFetchRequest {
  const appId = validateAppDirName(v.app_id);
  const shuffleId = checkShuffleInt(v.shuffle_id, 'shuffleId');
  if (!Array.isArray(v.blocks) || v.blocks.length > MAX_BLOCKS_PER_REQUEST) {
    throw new TsSparkError('INVALID_WIRE_DATA', `fetch request must list at most ${MAX_BLOCKS_PER_REQUEST} blocks`, { details: { shuffleId } });
  }
  const blocks: BlockRef[] = [];
  for (const b of v.blocks as unknown[]) {
    const o = (typeof b === 'object' && b !== null ? b : {}) as Record<string, unknown>;
    blocks.push({ mapId: checkShuffleInt(o.map_id, 'mapId'), reduceId: checkShuffleInt(o.reduce_id, 'reduceId') });
  }
  return { appId, shuffleId, blocks };
}
