// Reliable checkpointing: writes every partition of an RDD under the checkpoint directory with a job, then
// replaces the RDD's lineage by a node that reads those files (Spark's ReliableCheckpointRDD).
import path from 'node:path';
import { TsSparkError } from '../common/errors.js';
import { numPartitions, partitionerOf } from './lineage.js';
import { runAction } from './actions.js';
import type { RddContext } from './rdd-context.js';
import type { RddNode } from './rdd-node.js';

export async function checkpointRdd(ctx: RddContext, node: RddNode): Promise<void> {
  const base = ctx.checkpointDir;
  if (!base) throw new TsSparkError('INVALID_ARGUMENT', 'Checkpoint directory has not been set in the SparkContext');
  const dir = path.join(base, `rdd-${node.id}`);
  await runAction(ctx, node, { kind: 'checkpoint', dir }, 'checkpoint');
  const p = partitionerOf(node);
  ctx.setReplacement(node.id, { kind: 'checkpoint-file', id: node.id, dir, numPartitions: numPartitions(node), ...(p ? { partitioner: p } : {}) });
}
