// One task on the wire: which stage payload to run, on which partition, and the per-task inputs
// (parallelized slices, shuffle block locations, persisted RDDs). Validated on decode.
//
// Format v1 (msgpackr): { v: 1, taskId, attempt, stageId, stageAttempt, partition, kind, payloadId,
//   slices: [[rddId, partition, elements[]]...], shuffleReads: [{ shuffleId, reducePartition, maps: MapLocation[] }],
//   persisted: int[], storage?: [rddId, useMemory, useDisk][] }
import { TsSparkError } from '../../common/errors.js';
import { decodeValue, encodeValue } from '../../common/record-codec.js';

export interface MapLocation {
  readonly mapId: number;
  readonly executorId: string;
  readonly host: string;
  readonly port: number;
  /** Bytes of the block for this reduce partition (0: nothing to fetch). */
  readonly size: number;
}

export interface ShuffleRead {
  readonly shuffleId: number;
  readonly reducePartition: number;
  readonly maps: readonly MapLocation[];
}

export interface TaskDescription {
  readonly taskId: number;
  readonly attempt: number;
  readonly stageId: number;
  readonly stageAttempt: number;
  readonly partition: number;
  readonly kind: 'result' | 'shuffle-map';
  /** Key of the stage payload in the executor's cache (stageId.stageAttempt). */
  readonly payloadId: string;
  readonly slices: ReadonlyArray<readonly [number, number, readonly unknown[]]>;
  readonly shuffleReads: readonly ShuffleRead[];
  readonly persisted: readonly number[];
  /** Placement of persisted RDDs: [rddId, useMemory, useDisk]. */
  readonly storage?: ReadonlyArray<readonly [number, boolean, boolean]>;
  readonly numReducePartitions?: number;
}

export function encodeTask(t: TaskDescription): Buffer {
  return encodeValue({ v: 1, ...t });
}

export function decodeTask(bytes: Uint8Array): TaskDescription {
  const t = decodeValue<Record<string, unknown>>(bytes);
  const ints = ['taskId', 'attempt', 'stageId', 'stageAttempt', 'partition'];
  if (typeof t !== 'object' || t === null || t.v !== 1 || ints.some((k) => !Number.isSafeInteger(t[k]) || (t[k] as number) < 0)
    || (t.kind !== 'result' && t.kind !== 'shuffle-map') || typeof t.payloadId !== 'string'
    || !Array.isArray(t.slices) || !Array.isArray(t.shuffleReads) || !Array.isArray(t.persisted)) {
    throw new TsSparkError('INVALID_WIRE_DATA', 'task description: unsupported version or shape');
  }
  for (const r of t.shuffleReads as ShuffleRead[]) {
    if (!Number.isSafeInteger(r.shuffleId) || !Number.isSafeInteger(r.reducePartition) || !Array.isArray(r.maps)) {
      throw new TsSparkError('INVALID_WIRE_DATA', 'task description: bad shuffle read');
    }
  }
  return t as unknown as TaskDescription;
}
