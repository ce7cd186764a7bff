// Decoding of stage payloads on executors (see stage-payload.ts for the format): revives the captured closures,
// without loading the driver-side capture machinery (inspector, acorn, Arrow) into task threads.
import { TsSparkError } from '../../common/errors.js';
import { decodeValue } from '../../common/record-codec.js';
import { reviveClosure } from '../closure/revive.js';
import type { ShippedClosure } from '../closure/shipped-closure.js';
import type { StagePayload } from './stage-payload.js';
import { FN, isPlainObject } from './stage-payload-format.js';

export async function decodeStagePayload(bytes: Uint8Array): Promise<StagePayload> {
  const wire = decodeValue<Record<string, unknown>>(bytes);
  if (typeof wire !== 'object' || wire === null || wire.v !== 1 || (wire.kind !== 'result' && wire.kind !== 'shuffle-map') || typeof wire.stageId !== 'number') {
    throw new TsSparkError('INVALID_WIRE_DATA', 'stage payload: unsupported version or shape');
  }
  return (await reviveFunctions(wire)) as StagePayload;
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

