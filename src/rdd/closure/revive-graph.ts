// Rebuilds a ValueGraph synchronously once imports and Shippables are available (called by revive.ts).
// Functions are compiled with their free variables as `let` bindings set after creation, so cycles work.
import { assertNever } from '../../common/assert.js';
import { TsSparkError } from '../../common/errors.js';
import type { EncodedValue, HeapEntry, ValueGraph } from './shipped-closure.js';

type Setter = (values: unknown[]) => void;
/** Returns the free-variable setter and a thunk evaluating the function expression in that scope. */
type Factory = () => [Setter, () => unknown];

const factories = new Map<string, Factory>();
const SETTER_PARAM = '__tsspark_closure_values';

export function reviveGraph(graph: ValueGraph, imports: readonly unknown[], shippables: readonly unknown[]): unknown {
  const { heap } = graph;
  const objs = new Array<unknown>(heap.length);
  const setters = new Array<Setter | undefined>(heap.length);
  const decode = (v: EncodedValue): unknown => {
    if (v === null || typeof v !== 'object') return v;
    switch (v.t) {
      case 'undefined': return undefined;
      case 'number': return v.v === '-0' ? -0 : Number(v.v);
      case 'bigint': return BigInt(v.v);
      case 'ref': return objs[v.i];
      case 'import': return imports[v.i];
      case 'shippable': return shippables[v.i];
      default: return assertNever(v, 'encoded closure value');
    }
  };
  // 1: every container and plain function exists (empty / with unset free variables)
  const classes: number[] = [];
  heap.forEach((e, i) => {
    if (e.t === 'function' && isClassSource(e.source)) classes.push(i);
    else if (e.t === 'function') {
      // a function expression reads no free variable when created, so it can exist before they are set
      const [set, make] = factoryFor(e.source, e.names)();
      setters[i] = set;
      objs[i] = make();
    }
    else objs[i] = create(e, decode);
  });
  // 2: classes evaluate `extends`/static parts at creation, so they are created after what they reference
  const state = new Map<number, 'busy' | 'done'>();
  const createClass = (i: number): void => {
    if (state.has(i)) return;
    state.set(i, 'busy');
    const e = heap[i] as Extract<HeapEntry, { t: 'function' }>;
    for (const v of e.values) if (v !== null && typeof v === 'object' && v.t === 'ref' && classes.includes(v.i)) createClass(v.i);
    const [set, make] = factoryFor(e.source, e.names)();
    set(e.values.map(decode));
    objs[i] = make();
    state.set(i, 'done');
  };
  for (const i of classes) createClass(i);
  // 3: fill containers and set the free variables of functions
  heap.forEach((e, i) => fill(e, objs[i], setters[i], decode));
  return decode(graph.root);
}

function isClassSource(source: string): boolean {
  return /^\(class[\s{]/.test(source);
}

function factoryFor(source: string, names: readonly string[]): Factory {
  const key = `${names.join(',')}\n${source}`;
  let f = factories.get(key);
  if (!f) {
    const decl = names.length > 0 ? `let ${names.join(', ')};` : '';
    const assign = names.length > 0 ? `[${names.join(', ')}] = ${SETTER_PARAM};` : '';
    f = new Function(`'use strict'; ${decl} return [(${SETTER_PARAM}) => { ${assign} }, () => ${source}];`) as Factory;
    factories.set(key, f);
  }
  return f;
}

function copyBytes(bytes: Uint8Array): ArrayBuffer {
  const buf = new ArrayBuffer(bytes.byteLength);
  new Uint8Array(buf).set(bytes);
  return buf;
}

type TypedCtor = new (buffer: ArrayBuffer, byteOffset?: number, length?: number) => ArrayBufferView;

function create(e: Exclude<HeapEntry, { t: 'function' }>, decode: (v: EncodedValue) => unknown): unknown {
  switch (e.t) {
    case 'array': return new Array<unknown>(e.items.length);
    case 'object': return e.nullProto ? Object.create(null) : {};
    case 'map': return new Map();
    case 'set': return new Set();
    case 'date': return new Date(decode(e.time) as number);
    case 'regexp': {
      const re = new RegExp(e.source, e.flags);
      re.lastIndex = e.lastIndex;
      return re;
    }
    case 'typed': {
      const ctor = (globalThis as unknown as Record<string, TypedCtor & { BYTES_PER_ELEMENT?: number }>)[e.type];
      if (!ctor) throw new TsSparkError('INVALID_WIRE_DATA', `unknown typed array type ${e.type}`);
      const buf = copyBytes(e.bytes);
      return e.type === 'DataView' ? new ctor(buf) : new ctor(buf, 0, e.bytes.byteLength / (ctor.BYTES_PER_ELEMENT ?? 1));
    }
    case 'arraybuffer': return copyBytes(e.bytes);
    case 'buffer': return Buffer.from(e.bytes);
    case 'arrow': return arrow!.tableFromIPC(e.ipc);
    case 'imported': return decode(e.ref);
    default: return assertNever(e, 'closure heap entry');
  }
}

function fill(e: HeapEntry, obj: unknown, setter: Setter | undefined, decode: (v: EncodedValue) => unknown): void {
  switch (e.t) {
    case 'array': {
      const arr = obj as unknown[];
      for (let k = 0; k < e.items.length; k++) arr[k] = decode(e.items[k] as EncodedValue);
      return;
    }
    case 'object': {
      const rec = obj as Record<string, unknown>;
      for (let k = 0; k < e.keys.length; k++) {
        const key = e.keys[k] as string;
        const value = decode(e.values[k] as EncodedValue);
        // an own '__proto__' key must stay data, not become the prototype
        if (key === '__proto__') Object.defineProperty(rec, key, { value, enumerable: true, writable: true, configurable: true });
        else rec[key] = value;
      }
      return;
    }
    case 'map': {
      const m = obj as Map<unknown, unknown>;
      for (let k = 0; k < e.keys.length; k++) m.set(decode(e.keys[k] as EncodedValue), decode(e.values[k] as EncodedValue));
      return;
    }
    case 'set':
      for (const x of e.items) (obj as Set<unknown>).add(decode(x));
      return;
    case 'function':
      setter?.(e.values.map(decode));
      return;
    case 'date': case 'regexp': case 'typed': case 'arraybuffer': case 'buffer': case 'arrow': case 'imported':
      return;
    default: return assertNever(e, 'closure heap entry');
  }
}

/** apache-arrow is loaded only for closures that captured an Arrow table (it costs ~100 ms per thread). */
let arrow: typeof import('apache-arrow') | undefined;
export async function loadArrow(): Promise<void> {
  arrow ??= await import('apache-arrow');
}
