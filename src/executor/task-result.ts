// A finished task attempt as the executor reports it. Travels worker thread → executor → driver (structured
// clone locally, msgpackr over gRPC). FetchFailed is structure, never parsed from the message.
import type { WireError } from '../common/errors.js';
import type { TaskMetrics } from '../rdd/compute/task-env.js';

export interface FetchFailure {
  readonly executorId: string;
  readonly shuffleId: number;
  readonly mapId: number;
  readonly reduceId: number;
  readonly message: string;
}

export interface TaskResult {
  readonly taskId: number;
  readonly status: 'success' | 'failed' | 'fetch-failed' | 'killed';
  /** Result stage: the partial result encoded with the record codec. */
  readonly value?: Uint8Array;
  /** Shuffle-map stage: bytes of each reduce partition's block. */
  readonly mapSizes?: readonly number[];
  readonly error?: WireError;
  readonly fetchFailure?: FetchFailure;
  readonly metrics?: TaskMetrics;
  readonly accumUpdates?: ReadonlyArray<readonly [number, unknown]>;
  /** Cached partitions this task stored: [rddId, partition, bytes]. */
  readonly storedBlocks?: ReadonlyArray<readonly [number, number, number]>;
  readonly durationMs: number;
  readonly executorRunTimeMs?: number;
  readonly deserializeMs?: number;
}
