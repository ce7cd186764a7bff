// The wire format of a captured closure: plain data (numbers, strings, booleans, null, arrays, plain objects,
// Uint8Array only), so msgpackr and structured clone both carry it. Written by capture.ts, read by revive.ts.
//
// ShippedClosure v1
//   root         EncodedValue, a ref to the heap entry of the captured function
//   heap         every object/function reachable from the root, once each (shared references and cycles are refs)
//   imports      module bindings shipped by reference: { url, export } with export 'default', '*' or a name
//   shippables   Shippable objects ([SHIP]() markers): { kind, data } where data is its own value graph
// EncodedValue: a finite number (not -0), a string, a boolean, null, or a tagged object { t, ... } below.

export type EncodedValue =
  | number
  | string
  | boolean
  | null
  | { readonly t: 'undefined' }
  | { readonly t: 'number'; readonly v: 'NaN' | '-0' | 'Infinity' | '-Infinity' }
  | { readonly t: 'bigint'; readonly v: string }
  | { readonly t: 'ref'; readonly i: number }
  | { readonly t: 'import'; readonly i: number }
  | { readonly t: 'shippable'; readonly i: number };

export type HeapEntry =
  | { readonly t: 'array'; readonly items: readonly EncodedValue[] }
  | { readonly t: 'object'; readonly keys: readonly string[]; readonly values: readonly EncodedValue[]; readonly nullProto: boolean }
  | { readonly t: 'map'; readonly keys: readonly EncodedValue[]; readonly values: readonly EncodedValue[] }
  | { readonly t: 'set'; readonly items: readonly EncodedValue[] }
  | { readonly t: 'date'; readonly time: EncodedValue }
  | { readonly t: 'regexp'; readonly source: string; readonly flags: string; readonly lastIndex: number }
  | { readonly t: 'typed'; readonly type: TypedArrayName; readonly bytes: Uint8Array }
  | { readonly t: 'arraybuffer'; readonly bytes: Uint8Array }
  | { readonly t: 'buffer'; readonly bytes: Uint8Array }
  | { readonly t: 'arrow'; readonly ipc: Uint8Array }
  | { readonly t: 'function'; readonly source: string; readonly names: readonly string[]; readonly values: readonly EncodedValue[] }
  /** A library function captured by value that is really a module export (e.g. `const join = path.join`). */
  | { readonly t: 'imported'; readonly ref: { readonly t: 'import'; readonly i: number } };

export type TypedArrayName =
  | 'Int8Array' | 'Uint8Array' | 'Uint8ClampedArray' | 'Int16Array' | 'Uint16Array' | 'Int32Array' | 'Uint32Array'
  | 'Float32Array' | 'Float64Array' | 'BigInt64Array' | 'BigUint64Array' | 'DataView';

export const TYPED_ARRAY_NAMES: ReadonlySet<string> = new Set<TypedArrayName>([
  'Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array', 'Int32Array', 'Uint32Array',
  'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array', 'DataView',
]);

/** A value graph: a root value and the heap its refs point into. */
export interface ValueGraph {
  readonly root: EncodedValue;
  readonly heap: readonly HeapEntry[];
}

export interface ShippedImport {
  readonly url: string;
  /** 'default', '*' (the namespace) or an export name. */
  readonly export: string;
}

export interface ShippedObject {
  readonly kind: string;
  readonly data: ValueGraph;
  /** Indices of shippables referenced inside data, which must be revived first. */
  readonly deps: readonly number[];
}

/** A captured function: plain data, encodable with msgpackr (record-codec) and structured clone. */
export interface ShippedClosure extends ValueGraph {
  readonly version: 1;
  readonly imports: readonly ShippedImport[];
  readonly shippables: readonly ShippedObject[];
  /** What the function is, for errors on the executor ("map function"). */
  readonly what: string;
}
