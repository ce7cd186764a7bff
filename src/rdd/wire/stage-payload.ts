// The stage payload: what every task of a stage shares — the stage's lineage with user functions captured as
// closures, and its sink (result stage) or shuffle dependency (map stage). Encoded once per stage on the driver,
// cached per executor, revived once per worker thread.
//
// Format v1 (msgpackr, see common/record-codec.ts):
//   { v: 1, stageId: int, kind: 'result' | 'shuffle-map', rdd: Node, sink?: Sink, dep?: ShuffleDep }
// where Node/Sink/ShuffleDep are the plain-data trees of rdd-node.ts / sink.ts with every function replaced by
// { $fn: ShippedClosure } and `parallelize` slices emptied (each task carries its own slice).
import { TsSparkError } from '../../common/errors.js';
import { decodeValue, encodeValue } from '../../common/record-codec.js';
import { captureClosure, reviveClosure, type ShippedClosure } from '../closure/index.js';
import type { RddNode, ShuffleDep } from '../rdd-node.js';
import type { PartitionSink } from '../sink.js';

export interface StagePayload {
  readonly stageId: number;
  readonly kind: 'result' | 'shuffle-map';
  readonly rdd: RddNode;
  readonly sink?: PartitionSink;
  readonly dep?: ShuffleDep;
}

const FN = '$fn';

export function encodeStagePayload(p: StagePayload): Buffer {
  const what = new Map<unknown, string>();
  const wire = {
    v: 1,
    stageId: p.stageId,
    kind: p.kind,
    rdd: replaceFunctions(p.rdd, 'rdd', what),
    ...(p.sink ? { sink: replaceFunctions(p.sink, 'action', what) } : {}),
    ...(p.dep ? { dep: replaceFunctions(p.dep, 'shuffle', what) } : {}),
  };
  return encodeValue(wire);
}

export async function decodeStagePayload(bytes: Uint8Array): Promise<StagePayload> {
  const wire = decodeValue<Record<string, unknown>>(bytes);
  if (typeof wire !== 'object' || wire === null || wire.v !== 1 || (wire.kind !== 'result' && wire.kind !== 'shuffle-map') || typeof wire.stageId !== 'number') {
    throw new TsSparkError('INVALID_WIRE_DATA', 'stage payload: unsupported version or shape');
  }
  return (await reviveFunctions(wire)) as StagePayload;
}

/** Copies plain objects and arrays, capturing each function once (the same function object → the same capture). */
function replaceFunctions(v: unknown, where: string, cache: Map<unknown, unknown>): unknown {
  if (typeof v === 'function') {
    let shipped = cache.get(v);
    if (!shipped) {
      shipped = { [FN]: captureClosure(v as (...a: unknown[]) => unknown, describeFunction(where)) };
      cache.set(v, shipped);
    }
    return shipped;
  }
  if (Array.isArray(v)) return v.map((x) => replaceFunctions(x, where, cache));
  if (isPlainObject(v)) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      if (k === 'slices' && (v as { kind?: string }).kind === 'parallelize') out[k] = [];
      else out[k] = replaceFunctions(x, k === 'ops' || k === 'fn' ? `${where}.${k}` : where, cache);
    }
    return out;
  }
  return v;
}

function describeFunction(where: string): string {
  return where.includes('action') ? 'action function' : 'RDD function';
}

/**
 * Closures whose captured values are all functions or imports (no objects that a function could mutate) are
 * revived once per thread and reused by later jobs with the same code: the same function objects keep V8's
 * optimized code, so a repeated job does not warm up its fused loops again (Spark caches generated code likewise).
 */
const stateless = new Map<string, Promise<Function>>();
const MAX_STATELESS = 512;

function reviveCached(shipped: ShippedClosure): Promise<Function> {
  const reusable = shipped.shippables.length === 0 && shipped.heap.every((h) => h.t === 'function' || h.t === 'imported');
  if (!reusable) return reviveClosure(shipped);
  const key = JSON.stringify(shipped);
  let f = stateless.get(key);
  if (!f) {
    f = reviveClosure(shipped);
    stateless.set(key, f);
    f.catch(() => stateless.delete(key));
    if (stateless.size > MAX_STATELESS) stateless.delete(stateless.keys().next().value as string);
  }
  return f;
}

async function reviveFunctions(v: unknown): Promise<unknown> {
  if (Array.isArray(v)) return Promise.all(v.map(reviveFunctions));
  if (isPlainObject(v)) {
    if (FN in v) return reviveCached(v[FN] as ShippedClosure);
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = await reviveFunctions(x);
    return out;
  }
  return v;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}
