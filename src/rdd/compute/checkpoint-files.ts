// Reliable checkpoint files: one file per partition, `part-NNNNN`, holding the partition's batches
// encoded with the record codec. Written by a checkpoint job, read back by `checkpoint-file` nodes.
import fs from 'node:fs';
import path from 'node:path';
import { decodeValue, encodeValue } from '../../common/record-codec.js';
import { TsSparkError } from '../../common/errors.js';

export function checkpointPartPath(dir: string, partition: number): string {
  return path.join(dir, `part-${String(partition).padStart(5, '0')}`);
}

export function writeCheckpointPartition(dir: string, partition: number, batches: Iterable<unknown[]>): number {
  fs.mkdirSync(dir, { recursive: true });
  const all: unknown[][] = [...batches];
  const bytes = encodeValue(all);
  const final = checkpointPartPath(dir, partition);
  const tmp = `${final}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
  fs.writeFileSync(tmp, bytes);
  fs.renameSync(tmp, final);
  return bytes.length;
}

export function* readCheckpointPartition(dir: string, partition: number): Generator<unknown[]> {
  const p = checkpointPartPath(dir, partition);
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(p);
  } catch (e) {
    throw new TsSparkError('PATH_NOT_FOUND', `checkpoint file missing: ${p}`, { cause: e });
  }
  yield* decodeValue<unknown[][]>(bytes);
}
