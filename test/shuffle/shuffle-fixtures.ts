// Shared helpers for the shuffle tests: temp root directories, writing a map output, reading it back per partition.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { iterateRecords, readLocalBlock } from '../../src/shuffle/reader.js';
import { ShuffleWriter, type ShuffleWriteResult, type ShuffleWriterOptions } from '../../src/shuffle/writer.js';

const roots: string[] = [];

export function tempRoot(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsspark-shuffle-'));
  roots.push(dir);
  return dir;
}

afterEach(() => {
  for (const dir of roots.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

export type WriteOptions = Partial<Omit<ShuffleWriterOptions, 'rootDir' | 'shuffleId' | 'mapId' | 'numPartitions'>>;

/** Writes `records` (each with its partition) as map output (shuffleId, mapId) and commits. */
export function writeMapOutput(
  rootDir: string,
  shuffleId: number,
  mapId: number,
  numPartitions: number,
  records: readonly (readonly [number, unknown])[],
  options: WriteOptions = {},
): ShuffleWriteResult {
  const writer = new ShuffleWriter({ rootDir, shuffleId, mapId, numPartitions, memoryLimitBytes: 64 << 20, ...options });
  for (const [p, r] of records) writer.write(p, r);
  return writer.commit();
}

/** Reads every partition of a map output back as a flat record list per partition. */
export function readPartitions(rootDir: string, shuffleId: number, mapId: number, numPartitions: number): unknown[][] {
  const out: unknown[][] = [];
  for (let p = 0; p < numPartitions; p++) {
    const records: unknown[] = [];
    for (const batch of iterateRecords([readLocalBlock(rootDir, shuffleId, mapId, p)])) records.push(...batch);
    out.push(records);
  }
  return out;
}

/** Groups records by partition, in write order: what a correct shuffle must give back. */
export function expectedPartitions(records: readonly (readonly [number, unknown])[], numPartitions: number): unknown[][] {
  const out: unknown[][] = Array.from({ length: numPartitions }, () => []);
  for (const [p, r] of records) out[p]!.push(r);
  return out;
}

export function listFiles(dir: string): string[] {
  return fs.readdirSync(dir).sort();
}
