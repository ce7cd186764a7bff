// Closure shipping: capture a user function on the driver (source + captured values, imports by reference) and
// revive it on an executor. See ARCHITECTURE.md §3 and shipped-closure.ts for the wire format.
export { captureClosure } from './capture.js';
export { reviveClosure } from './revive.js';
export { freeVariables } from './free-variables.js';
export type { ShippedClosure, ShippedImport, ShippedObject, ValueGraph, EncodedValue, HeapEntry } from './shipped-closure.js';
export { SHIP, isShippable, registerReviver, reviverFor } from './shippable.js';
export type { Shippable, ShipMarker, Reviver } from './shippable.js';
