// Adaptive join selection (Spark AQE's DynamicJoinSelection, driver side): before a shuffled hash join shuffles
// its big side, the build side's map stage runs; when its measured size is under
// spark.sql.adaptive.autoBroadcastJoinThreshold, the build side is collected and broadcast and the stream side is
// joined where it lies, without being shuffled at all.
import { runAction } from '../../rdd/actions.js';
import type { RDD } from '../../rdd/rdd.js';
import type { JoinType } from '../../planner/logical/logical-plan.js';
import type { ColumnBatch } from '../batch/column-batch.js';
import type { SqlRuntime } from './runtime.js';

/** Default of spark.sql.autoBroadcastJoinThreshold (10 MB), which the adaptive threshold defaults to. */
export const DEFAULT_BROADCAST_BYTES = 10 * 1024 * 1024;

/** Join types whose build side may be broadcast (an outer build side needs every stream row in one place). */
export function broadcastable(joinType: JoinType, buildSide: 'left' | 'right'): boolean {
  if (buildSide === 'right') return joinType === 'inner' || joinType === 'cross' || joinType === 'left_outer' || joinType === 'left_semi' || joinType === 'left_anti';
  return joinType === 'inner' || joinType === 'cross' || joinType === 'right_outer';
}

/** Runs the map stage(s) under `shuffled` (reading one reduce partition registers their outputs). */
export async function runMapStage(rt: SqlRuntime, shuffled: RDD<unknown>): Promise<void> {
  await runAction(rt.sc, shuffled.node, { kind: 'count' }, 'adaptive: shuffle statistics', [0]);
}

/** Runs the map stage of `shuffled` and returns the bytes its map tasks reported through `sizes`. */
async function mapStageBytes(rt: SqlRuntime, shuffled: RDD<unknown>, sizes: { value: unknown }): Promise<number> {
  await runMapStage(rt, shuffled);
  let total = 0;
  for (const arr of sizes.value as number[][]) for (const b of arr) total += b;
  return total;
}

/** The build side's batches (read from its finished shuffle) when it is small enough to broadcast. */
export async function smallBuildSide(rt: SqlRuntime, keyedBuild: RDD<[number, ColumnBatch]>, sizes: { value: unknown }): Promise<ColumnBatch[] | undefined> {
  const limit = rt.broadcastBytes ?? DEFAULT_BROADCAST_BYTES;
  if (!rt.adaptive || limit < 0) return undefined;
  const bytes = await mapStageBytes(rt, keyedBuild as RDD<unknown>, sizes);
  if (bytes > limit) return undefined;
  // a few tasks read the small side's shuffle blocks (not one task per shuffle partition)
  const pairs = await keyedBuild.coalesce(Math.max(1, rt.sc.defaultParallelism)).collect();
  return pairs.map(([, b]) => b);
}
