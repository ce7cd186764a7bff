// Encodes captured values into a ValueGraph (see shipped-closure.ts): plain data by value with shared references kept,
// Shippables as markers, functions through the capture callback. Throws CLOSURE_NOT_SERIALIZABLE for the rest.
import { Table, tableToIPC } from 'apache-arrow';
import { types } from 'node:util';
import { SHIP, isShippable } from './shippable.js';
import { notSerializable } from './not-serializable.js';
import {
  TYPED_ARRAY_NAMES,
  type EncodedValue,
  type HeapEntry,
  type ShippedImport,
  type ShippedObject,
  type TypedArrayName,
} from './shipped-closure.js';

const DRIVER_ONLY = Symbol.for('tsspark.driverOnly');

/** The tables shared by every graph of one captured closure. */
export class CaptureContext {
  readonly imports: ShippedImport[] = [];
  readonly shippables: ShippedObject[] = [];
  private readonly importIndex = new Map<string, number>();
  private readonly shippableIndex = new Map<object, number>();

  constructor(
    readonly what: string,
    /** Captures a function value into a heap entry (capture.ts); `encoder` encodes its free variables. */
    readonly captureFunction: (fn: Function, path: string, encoder: GraphEncoder) => HeapEntry,
  ) {}

  importRef(url: string, exportName: string): { readonly t: 'import'; readonly i: number } {
    const key = `${url}\0${exportName}`;
    let i = this.importIndex.get(key);
    if (i === undefined) {
      i = this.imports.push({ url, export: exportName }) - 1;
      this.importIndex.set(key, i);
    }
    return { t: 'import', i };
  }

  shippableRef(obj: object & { [SHIP](): { kind: string; data: unknown } }, path: string): number {
    let i = this.shippableIndex.get(obj);
    if (i !== undefined) return i;
    i = this.shippables.length;
    this.shippableIndex.set(obj, i);
    const marker = obj[SHIP]();
    this.shippables.push({ kind: marker.kind, data: { root: null, heap: [] }, deps: [] }); // placeholder while encoding data
    const sub = new GraphEncoder(this);
    const root = sub.encode(marker.data, path);
    this.shippables[i] = { kind: marker.kind, data: { root, heap: sub.heap }, deps: [...sub.shippableDeps] };
    return i;
  }
}

/** Encodes one value graph; objects seen twice become refs to the same heap entry. */
export class GraphEncoder {
  readonly heap: HeapEntry[] = [];
  readonly shippableDeps = new Set<number>();
  private readonly seen = new Map<object, number>();

  constructor(readonly ctx: CaptureContext) {}

  encode(v: unknown, path: string): EncodedValue {
    switch (typeof v) {
      case 'number':
        if (Number.isNaN(v)) return { t: 'number', v: 'NaN' };
        if (Object.is(v, -0)) return { t: 'number', v: '-0' };
        if (!Number.isFinite(v)) return { t: 'number', v: v > 0 ? 'Infinity' : '-Infinity' };
        return v;
      case 'string':
      case 'boolean':
        return v;
      case 'undefined':
        return { t: 'undefined' };
      case 'bigint':
        return { t: 'bigint', v: v.toString() };
      case 'symbol':
        throw notSerializable(this.ctx.what, path, v);
      case 'function':
      case 'object':
        return v === null ? null : this.encodeObject(v, path);
    }
  }

  private encodeObject(v: object, path: string): EncodedValue {
    const seen = this.seen.get(v);
    if (seen !== undefined) return { t: 'ref', i: seen };
    if ((v as Record<symbol, unknown>)[DRIVER_ONLY] === true) throw notSerializable(this.ctx.what, path, v, 'driver-only');
    if (isShippable(v)) {
      const i = this.ctx.shippableRef(v, path);
      this.shippableDeps.add(i);
      return { t: 'shippable', i };
    }
    // Reserve the slot before encoding children so cycles resolve to this entry.
    const i = this.heap.length;
    this.seen.set(v, i);
    this.heap.push({ t: 'array', items: [] });
    this.heap[i] = typeof v === 'function' ? this.ctx.captureFunction(v, path, this) : this.encodeData(v, path);
    return { t: 'ref', i };
  }

  private encodeData(v: object, path: string): HeapEntry {
    const proto: unknown = Object.getPrototypeOf(v);
    if (proto === Array.prototype) {
      const arr = v as unknown[];
      const items: EncodedValue[] = new Array(arr.length);
      for (let k = 0; k < arr.length; k++) items[k] = this.encode(arr[k], `${path}[${k}]`);
      return { t: 'array', items };
    }
    if (proto === Object.prototype || proto === null) {
      if (types.isModuleNamespaceObject(v)) throw notSerializable(this.ctx.what, path, v);
      const keys = Object.keys(v);
      const rec = v as Record<string, unknown>;
      return { t: 'object', keys, values: keys.map((k) => this.encode(rec[k], propertyPath(path, k))), nullProto: proto === null };
    }
    if (proto === Map.prototype) {
      const keys: EncodedValue[] = [];
      const values: EncodedValue[] = [];
      for (const [k, val] of v as Map<unknown, unknown>) {
        keys.push(this.encode(k, `${path} (a Map key)`));
        values.push(this.encode(val, `${path}.get(${typeof k === 'string' ? JSON.stringify(k) : String(k)})`));
      }
      return { t: 'map', keys, values };
    }
    if (proto === Set.prototype) return { t: 'set', items: [...(v as Set<unknown>)].map((x) => this.encode(x, `${path} (a Set element)`)) };
    if (proto === Date.prototype) return { t: 'date', time: this.encode((v as Date).getTime(), path) };
    if (proto === RegExp.prototype) {
      const re = v as RegExp;
      return { t: 'regexp', source: re.source, flags: re.flags, lastIndex: re.lastIndex };
    }
    if (Buffer.isBuffer(v)) return { t: 'buffer', bytes: Uint8Array.prototype.slice.call(v) };
    if (ArrayBuffer.isView(v)) {
      const name = v.constructor.name;
      if (TYPED_ARRAY_NAMES.has(name) && proto === (globalThis as unknown as Record<string, { prototype?: unknown } | undefined>)[name]?.prototype) {
        return { t: 'typed', type: name as TypedArrayName, bytes: new Uint8Array(v.buffer.slice(v.byteOffset, v.byteOffset + v.byteLength)) };
      }
    }
    if (proto === ArrayBuffer.prototype) return { t: 'arraybuffer', bytes: new Uint8Array((v as ArrayBuffer).slice(0)) };
    if (v instanceof Table) return { t: 'arrow', ipc: tableToIPC(v, 'stream') };
    throw notSerializable(this.ctx.what, path, v);
  }
}

function propertyPath(path: string, key: string): string {
  const step = /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
  return path === '' ? step.replace(/^\./, '') : `${path}${step}`;
}
