// Executor-side revivers for objects that travel by reference inside closures: broadcast variables (fetched once
// per executor, decoded once per thread) and accumulators (task-local copies whose updates go back with the result).
import { decodeValue } from '../common/record-codec.js';
import { registerReviver } from '../rdd/closure/shippable.js';
import { ACCUMULATOR_KIND, mergeAccum, type AccumulatorMerge } from '../rdd/accumulator.js';
import { BROADCAST_KIND } from '../rdd/broadcast.js';

export interface TaskAccumulator {
  readonly id: number;
  readonly zero: unknown;
  readonly merge: AccumulatorMerge;
  value: unknown;
  touched: boolean;
  add(x: unknown): void;
}

const live = new Map<number, TaskAccumulator>();
const broadcasts = new Map<number, { readonly id: number; readonly value: unknown }>();

export function installRevivers(fetchBroadcast: (id: number) => Promise<Uint8Array>): void {
  registerReviver(BROADCAST_KIND, async (data) => {
    const id = (data as { id: number }).id;
    let b = broadcasts.get(id);
    if (!b) {
      const value = decodeValue(await fetchBroadcast(id));
      b = Object.freeze({ id, value, toString: () => `Broadcast(${id})` });
      broadcasts.set(id, b);
    }
    return b;
  });
  registerReviver(ACCUMULATOR_KIND, (data) => {
    const d = data as { id: number; zero: unknown; merge: AccumulatorMerge };
    let acc = live.get(d.id);
    if (!acc) {
      const a: TaskAccumulator = {
        id: d.id,
        zero: d.zero,
        merge: d.merge,
        value: d.merge === 'list' ? [] : d.zero,
        touched: false,
        add(x: unknown) {
          this.value = mergeAccum(this.merge, this.value, x);
          this.touched = true;
        },
      };
      acc = a;
      live.set(d.id, acc);
    }
    return acc;
  });
}

export function resetTaskAccumulators(): void {
  for (const a of live.values()) {
    a.value = a.merge === 'list' ? [] : a.zero;
    a.touched = false;
  }
}

export function collectTaskAccumulators(): Array<[number, unknown]> {
  const out: Array<[number, unknown]> = [];
  for (const a of live.values()) if (a.touched) out.push([a.id, a.value]);
  return out;
}

export function dropBroadcast(id: number): void {
  broadcasts.delete(id);
}
