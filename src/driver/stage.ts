// Runtime state of a stage: its plan, parents, attempt counter, payload and (for result stages) the job it serves.
import type { RddNode, ShuffleDep } from '../rdd/rdd-node.js';
import type { PartitionSink } from '../rdd/sink.js';
import { encodeStagePayload } from '../rdd/wire/stage-payload.js';

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

export function newStage(id: number, kind: Stage['kind'], rdd: RddNode, numTasks: number, parents: Stage[], dep?: ShuffleDep, sink?: PartitionSink): Stage {
  return {
    id, kind, rdd, numTasks, parents, attempt: -1, fetchFailures: 0, jobIds: new Set(),
    name: `${kind === 'result' ? 'result' : 'shuffle map'} stage ${id} (rdd ${rdd.id}${rdd.name ? ` ${rdd.name}` : ''})`,
    ...(dep ? { dep } : {}), ...(sink ? { sink } : {}),
  };
}

/** The stage's shared task payload, captured once: an unshippable closure fails here, before any task launches. */
export function ensurePayload(s: Stage): void {
  if (!s.payload) s.payload = { id: `${s.id}`, bytes: encodeStagePayload({ stageId: s.id, kind: s.kind, rdd: s.rdd, ...(s.sink ? { sink: s.sink } : {}), ...(s.dep ? { dep: s.dep } : {}) }) };
}
