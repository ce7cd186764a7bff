// The stage payload: what every task of a stage shares — the stage's lineage with user functions captured as
// closures, and its sink (result stage) or shuffle dependency (map stage). Encoded once per stage on the driver,
// cached per executor, revived once per worker thread.
//
// Format v1 (msgpackr, see common/record-codec.ts):
//   { v: 1, stageId: int, kind: 'result' | 'shuffle-map', rdd: Node, sink?: Sink, dep?: ShuffleDep }
// where Node/Sink/ShuffleDep are the plain-data trees of rdd-node.ts / sink.ts with every function replaced by
// { $fn: ShippedClosure } and `parallelize` slices emptied (each task carries its own slice).
import { encodeValue } from '../../common/record-codec.js';
import { captureClosure } from '../closure/capture.js';
import { FN, isPlainObject } from './stage-payload-format.js';
import type { RddNode, ShuffleDep } from '../rdd-node.js';
import type { PartitionSink } from '../sink.js';

export interface StagePayload {
  readonly stageId: number;
  readonly kind: 'result' | 'shuffle-map';
  readonly rdd: RddNode;
  readonly sink?: PartitionSink;
  readonly dep?: ShuffleDep;
}


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

