// The spilling half of the hash join: both sides hash-partitioned into bucket files by their join keys (rows that
// can match share a bucket, NULL keys included), then joined bucket by bucket in memory, a bucket whose build side
// is still past the budget partitioned again one level down. Every join type works per bucket because each stream
// and build row lives in exactly one bucket; zero-row templates keep the NULL-padded columns' physical kinds.
import type { ColumnBatch } from '../../batch/column-batch.js';
import { sliceBatch } from '../batch-ops.js';
import { joinInMemory, type JoinSpec } from '../hash-join.js';
import { projector } from '../kernels.js';
import { batchBytes } from './batch-bytes.js';
import { HashBuckets, MAX_SPILL_LEVEL } from './hash-buckets.js';
import type { SpillEnv } from './spill-env.js';

function partition(buckets: HashBuckets, keys: (b: ColumnBatch) => ReturnType<ReturnType<typeof projector>>, input: Iterable<ColumnBatch>): ColumnBatch | undefined {
  let template: ColumnBatch | undefined;
  for (const b of input) {
    template ??= sliceBatch(b, 0, 0);
    if (b.numRows > 0) buckets.write(b, keys(b));
  }
  return template;
}

export function* graceHashJoin(
  spec: JoinSpec,
  stream: Iterable<ColumnBatch>,
  build: readonly ColumnBatch[],
  buildBytes: number,
  env: SpillEnv,
  level: number,
  owned: boolean,
): Generator<ColumnBatch> {
  // owned: `build` (and `stream` when an array) may be emptied once partitioned, releasing the caller's batches
  const buildLeft = spec.buildSide === 'left';
  const buildKeys = projector(buildLeft ? spec.leftKeys : spec.rightKeys);
  const streamKeys = projector(buildLeft ? spec.rightKeys : spec.leftKeys);
  const b = new HashBuckets(env, 'join-build', level);
  const s = new HashBuckets(env, 'join-stream', level);
  try {
    const buildTemplate = partition(b, buildKeys, build);
    b.finishSpill(buildBytes);
    if (owned) (build as ColumnBatch[]).length = 0;
    let streamBytes = 0;
    const counted = function* (): Generator<ColumnBatch> { for (const x of stream) { streamBytes += batchBytes(x); yield x; } };
    const streamTemplate = partition(s, streamKeys, counted());
    s.finishSpill(streamBytes);
    if (owned && Array.isArray(stream)) (stream as ColumnBatch[]).length = 0;
    const lead = <T>(t: T | undefined): T[] => (t === undefined ? [] : [t]);
    for (let i = 0; i < b.n; i++) {
      const bs = b.sizeOf(i), ss = s.sizeOf(i);
      if (bs.rows === 0 && ss.rows === 0) continue;
      const streamPart = (): Iterable<ColumnBatch> => concatIter(lead(streamTemplate), s.bucket(i));
      const buildPart = [...lead(buildTemplate), ...b.bucket(i)];
      b.drop(i);
      let bytes = 0;
      for (const x of buildPart) bytes += batchBytes(x);
      if (bytes > env.memoryLimitBytes && level + 1 < MAX_SPILL_LEVEL && bs.rows > 1) {
        yield* graceHashJoin(spec, streamPart(), buildPart, bytes, env, level + 1, true);
      } else {
        yield* joinInMemory(spec, streamPart(), buildPart);
      }
      s.drop(i);
    }
  } finally {
    b.close();
    s.close();
  }
}

function* concatIter(a: readonly ColumnBatch[], b: Iterable<ColumnBatch>): Generator<ColumnBatch> {
  yield* a;
  yield* b;
}
