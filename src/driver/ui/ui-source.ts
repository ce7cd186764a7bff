// What a UI app serves one application from: the read-only status store, its cached RDDs, and (live driver only)
// the kill controls. The driver builds one from its SparkContext; the history server from a replayed log.
import type { StatusReader } from '../status/status-store.js';

export interface RddStorageView {
  readonly id: number;
  readonly name: string;
  readonly storageLevel: string;
  readonly useMemory: boolean;
  readonly useDisk: boolean;
  readonly replication: number;
  /** Cached partitions and their serialized size (0 when unknown, e.g. replayed logs). */
  readonly numCachedPartitions?: number;
  readonly memoryUsed?: number;
  readonly diskUsed?: number;
}

export interface UiControls {
  readonly killEnabled: boolean;
  /** Cancels a running job; false when it is not running or cannot be cancelled. */
  killJob(jobId: number): boolean;
  killStage(stageId: number): boolean;
}

export interface UiSource {
  readonly reader: StatusReader;
  storage(): readonly RddStorageView[];
  readonly controls?: UiControls;
  /** False for a finished application replayed from a log. */
  readonly live: boolean;
}

/** Spark's storage level description, e.g. "Memory Deserialized 1x Replicated". */
export function describeStorageLevel(r: RddStorageView): string {
  const where = [r.useDisk ? 'Disk' : '', r.useMemory ? 'Memory' : ''].filter(Boolean).join(' ');
  return `${where || 'None'} ${r.storageLevel.endsWith('_SER') || r.storageLevel === 'DISK_ONLY' ? 'Serialized' : 'Deserialized'} ${r.replication}x Replicated`;
}
