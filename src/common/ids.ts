// Branded ids for the scheduler's entities, so a JobId can never be passed where a StageId is expected.

export type Brand<T, B extends string> = T & { readonly __brand: B };
export type JobId = Brand<number, 'JobId'>;
export type StageId = Brand<number, 'StageId'>;
export type TaskId = Brand<number, 'TaskId'>;
export type RddId = Brand<number, 'RddId'>;
export type ShuffleId = Brand<number, 'ShuffleId'>;
export type BroadcastId = Brand<number, 'BroadcastId'>;
export type AccumulatorId = Brand<number, 'AccumulatorId'>;
export type ExecutorId = Brand<string, 'ExecutorId'>;

export function counter<T extends number>(start = 0): () => T {
  let n = start;
  return () => n++ as T;
}
