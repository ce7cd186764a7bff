// Accumulators: add-only variables that tasks update and the driver reads. Tasks add to a task-local copy;
// successful tasks send their updates with the result, and the driver merges them once per task.
import { SHIP, type ShipMarker } from './closure/shippable.js';
import type { Fn } from './rdd-node.js';

export const ACCUMULATOR_KIND = 'accumulator';

export type AccumulatorMerge = 'sum' | 'list';

export class Accumulator<T = number> {
  protected v: T;

  constructor(readonly id: number, readonly zero: T, readonly merge: AccumulatorMerge, readonly name?: string) {
    this.v = zero;
  }

  get value(): T {
    return this.v;
  }

  set value(v: T) {
    this.v = v;
  }

  add(x: unknown): void {
    this.v = mergeAccum(this.merge, this.v, x) as T;
  }

  reset(): void {
    this.v = this.zero;
  }

  /** Driver side: folds one task's update in. */
  mergeUpdate(update: unknown): void {
    if (this.merge === 'list') this.v = [...(this.v as unknown[]), ...(update as unknown[])] as T;
    else this.v = mergeAccum(this.merge, this.v, update) as T;
  }

  [SHIP](): ShipMarker {
    return { kind: ACCUMULATOR_KIND, data: { id: this.id, zero: this.zero, merge: this.merge } };
  }

  toString(): string {
    return `Accumulator(id: ${this.id}, name: ${this.name ?? 'None'}, value: ${String(this.v)})`;
  }
}

/** Spark's LongAccumulator/DoubleAccumulator: a sum that also knows count and average. */
export class LongAccumulator extends Accumulator<number> {
  get sum(): number {
    return this.v;
  }
}

export function mergeAccum(merge: AccumulatorMerge, a: unknown, b: unknown): unknown {
  if (merge === 'list') return [...(a as unknown[]), b];
  if (typeof a === 'bigint' || typeof b === 'bigint') return BigInt(a as bigint) + BigInt(b as bigint);
  return (a as number) + (b as number);
}

export type { Fn };
