// Runtime state of a stage: its plan, parents, attempt counter, payload and (for result stages) the job it serves.
import type { RddNode, ShuffleDep } from '../rdd/rdd-node.js';
import type { PartitionSink } from '../rdd/sink.js';

export interface Stage {
  readonly id: number;
  readonly kind: 'shuffle-map' | 'result';
  readonly rdd: RddNode;
  readonly dep?: ShuffleDep;
  readonly sink?: PartitionSink;
  readonly numTasks: number;
  readonly parents: Stage[];
  /** Latest attempt number; task sets of older attempts are zombies. */
  attempt: number;
  fetchFailures: number;
  payload?: { id: string; bytes: Uint8Array };
  readonly jobIds: Set<number>;
  readonly name: string;
}
