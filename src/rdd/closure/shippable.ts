// The protocol for objects that travel inside closures by reference rather than by value (broadcast variables,
// accumulators): they implement [SHIP]() -> { kind, data }, and the executor side registers a reviver per kind.

export const SHIP: unique symbol = Symbol.for('tsspark.ship') as never;

export interface ShipMarker {
  readonly kind: string;
  readonly data: unknown;
}

export interface Shippable {
  [SHIP](): ShipMarker;
}

export function isShippable(v: unknown): v is Shippable {
  return typeof v === 'object' && v !== null && typeof (v as Record<symbol, unknown>)[SHIP] === 'function';
}

export type Reviver = (data: unknown) => unknown | Promise<unknown>;
const revivers = new Map<string, Reviver>();

export function registerReviver(kind: string, reviver: Reviver): void {
  revivers.set(kind, reviver);
}

export function reviverFor(kind: string): Reviver | undefined {
  return revivers.get(kind);
}
