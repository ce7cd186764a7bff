// Broadcast variables: a read-only value sent to each executor once. On the driver it holds the value; inside
// closures it ships by reference (its id) and executors fetch and cache the serialized value.
import { TsSparkError } from '../common/errors.js';
import { SHIP, type ShipMarker } from './closure/shippable.js';

export const BROADCAST_KIND = 'broadcast';

export class Broadcast<T> {
  private destroyed = false;

  /** `onRemove(id, destroyed)`: executors drop their copies; the driver keeps its bytes unless destroyed. */
  constructor(readonly id: number, private readonly v: T, private readonly onRemove: (id: number, destroyed: boolean) => void) {}

  get value(): T {
    if (this.destroyed) throw new TsSparkError('INVALID_ARGUMENT', `Attempted to use Broadcast(${this.id}) after it was destroyed`);
    return this.v;
  }

  /** Removes executor copies; the driver keeps the value (Spark's unpersist). */
  unpersist(): void {
    this.onRemove(this.id, false);
  }

  destroy(): void {
    this.destroyed = true;
    this.onRemove(this.id, true);
  }

  [SHIP](): ShipMarker {
    if (this.destroyed) throw new TsSparkError('INVALID_ARGUMENT', `Broadcast(${this.id}) was destroyed and cannot be used in a task`);
    return { kind: BROADCAST_KIND, data: { id: this.id } };
  }

  toString(): string {
    return `Broadcast(${this.id})`;
  }
}
