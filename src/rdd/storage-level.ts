// Spark's storage levels, by name. Cached partitions are kept as serialized batches in the executor's block store.
import { TsSparkError } from '../common/errors.js';

export interface StorageLevel {
  readonly name: string;
  readonly useDisk: boolean;
  readonly useMemory: boolean;
  readonly deserialized: boolean;
  readonly replication: number;
}

const level = (name: string, useDisk: boolean, useMemory: boolean, deserialized: boolean, replication = 1): StorageLevel =>
  Object.freeze({ name, useDisk, useMemory, deserialized, replication });

export const StorageLevel = Object.freeze({
  NONE: level('NONE', false, false, false),
  DISK_ONLY: level('DISK_ONLY', true, false, false),
  MEMORY_ONLY: level('MEMORY_ONLY', false, true, true),
  MEMORY_ONLY_SER: level('MEMORY_ONLY_SER', false, true, false),
  MEMORY_AND_DISK: level('MEMORY_AND_DISK', true, true, true),
  MEMORY_AND_DISK_SER: level('MEMORY_AND_DISK_SER', true, true, false),
  MEMORY_ONLY_2: level('MEMORY_ONLY_2', false, true, true, 2),
  MEMORY_AND_DISK_2: level('MEMORY_AND_DISK_2', true, true, true, 2),
  OFF_HEAP: level('OFF_HEAP', true, true, false),
});

export function storageLevelByName(name: string): StorageLevel {
  const l = (StorageLevel as Record<string, StorageLevel>)[name.toUpperCase()];
  if (!l) throw new TsSparkError('INVALID_ARGUMENT', `Unknown storage level ${name}`, { hint: `one of ${Object.keys(StorageLevel).join(', ')}` });
  return l;
}
