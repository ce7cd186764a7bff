// What a result task does with its partition: the executor half of each action. Plain data plus user
// functions (shipped as closures), so the same descriptor is run by every executor of a result stage.
import type { Fn } from './rdd-node.js';

export type PartitionSink =
  | { readonly kind: 'collect' }
  | { readonly kind: 'count' }
  | { readonly kind: 'reduce'; readonly fn: Fn }
  | { readonly kind: 'fold'; readonly zero: unknown; readonly fn: Fn }
  | { readonly kind: 'aggregate'; readonly zero: unknown; readonly seqOp: Fn }
  | { readonly kind: 'foreach'; readonly fn: Fn }
  | { readonly kind: 'foreach-partition'; readonly fn: Fn }
  | { readonly kind: 'take'; readonly n: number }
  /** The n smallest elements by `keyFn` (identity if absent), ascending or descending. */
  | { readonly kind: 'take-ordered'; readonly n: number; readonly ascending: boolean; readonly keyFn?: Fn }
  | { readonly kind: 'count-by-value' }
  | { readonly kind: 'stats' }
  /** Writes part-NNNNN into `tempDir`; the driver commits the directory when the job succeeds. */
  | { readonly kind: 'save-text'; readonly tempDir: string }
  | { readonly kind: 'checkpoint'; readonly dir: string }
  /** A sample of keys of a pair RDD for range partitioning: up to `perPartition` keys plus the partition size. */
  | { readonly kind: 'sample-keys'; readonly perPartition: number; readonly seed: number };

export interface StatCounter {
  readonly count: number;
  readonly mean: number;
  readonly m2: number;
  readonly max: number;
  readonly min: number;
}
