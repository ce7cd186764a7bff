// The DAG scheduler's job record and events (what its single event loop processes).
import type { TaskResult } from '../executor/task-result.js';
import type { RddNode } from '../rdd/rdd-node.js';
import type { PartitionSink } from '../rdd/sink.js';
import type { ExecutorInfo } from './backends/scheduler-backend.js';
import type { Stage } from './stage.js';

export type DagEvent =
  | { readonly kind: 'job-submitted'; readonly job: Job }
  | { readonly kind: 'task-result'; readonly executorId: string; readonly result: TaskResult }
  | { readonly kind: 'executor-added'; readonly info: ExecutorInfo }
  | { readonly kind: 'executor-lost'; readonly executorId: string; readonly reason: string }
  | { readonly kind: 'resubmit-failed-stages' }
  | { readonly kind: 'cancel-job'; readonly jobId: number; readonly reason: string };

export interface Job {
  readonly id: number;
  readonly rdd: RddNode;
  readonly sink: PartitionSink;
  readonly partitions: readonly number[];
  /** partition → its index in `partitions` (results are kept in that order). */
  readonly indexOfPartition: ReadonlyMap<number, number>;
  readonly results: unknown[];
  readonly done: boolean[];
  numDone: number;
  resultStage?: Stage;
  readonly resolve: (r: unknown[]) => void;
  readonly reject: (e: Error) => void;
  readonly description: string;
  finished: boolean;
  readonly onAccumulators: (updates: ReadonlyArray<readonly [number, unknown]>) => void;
  readonly jobGroup?: string;
}

export interface SubmitJobOptions {
  readonly description: string;
  readonly onAccumulators: (updates: ReadonlyArray<readonly [number, unknown]>) => void;
  readonly jobGroup?: string;
}
