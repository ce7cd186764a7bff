// reviveClosure: ShippedClosure -> a working function in this process/thread (executor side).
// Order: import modules, revive Shippables, then rebuild the value graph (see revive-graph.ts).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { TsSparkError } from '../../common/errors.js';
import { reviverFor } from './shippable.js';
import { loadArrow, reviveGraph } from './revive-graph.js';
import type { ShippedClosure, ShippedImport } from './shipped-closure.js';

const modules = new Map<string, Promise<Record<string, unknown>>>();

/** Rebuilds the captured function. Modules are imported once per process and cached. */
export async function reviveClosure(shipped: ShippedClosure): Promise<Function> {
  if (shipped?.version !== 1) {
    throw new TsSparkError('INVALID_WIRE_DATA', `unsupported shipped closure version ${String(shipped?.version)}`);
  }
  if (shipped.heap.some((h) => h.t === 'arrow')) await loadArrow();
  const imports = await Promise.all(shipped.imports.map((imp) => importBinding(imp, shipped.what)));
  const shippables = await reviveShippables(shipped, imports);
  const fn = reviveGraph(shipped, imports, shippables);
  if (typeof fn !== 'function') throw new TsSparkError('INVALID_WIRE_DATA', `shipped ${shipped.what} did not revive to a function`);
  return fn;
}

async function importBinding(imp: ShippedImport, what: string): Promise<unknown> {
  let mod = modules.get(imp.url);
  if (!mod) {
    // application modules written in TypeScript need tsspark's loader hooks in this thread (registered on demand,
    // so threads that never import an application module do not start a hooks thread)
    if (needsHooks(imp.url)) await ensureHooks();
    mod = import(imp.url) as Promise<Record<string, unknown>>;
    modules.set(imp.url, mod);
  }
  let ns: Record<string, unknown>;
  try {
    ns = await mod;
  } catch (e) {
    modules.delete(imp.url);
    throw new TsSparkError('CLOSURE_NOT_SERIALIZABLE', `${what} imports '${imp.url}', which could not be imported on this executor: ${(e as Error).message}`, {
      cause: e,
      hint: 'Ship the application files and packages to executors (tsspark-submit does this), with the same paths.',
    });
  }
  if (imp.export === '*') return ns;
  if (!(imp.export in ns)) {
    throw new TsSparkError('CLOSURE_NOT_SERIALIZABLE', `${what} imports '${imp.export}' from '${imp.url}', which has no such export on this executor`);
  }
  return ns[imp.export];
}

/** Revives Shippables, each after the ones its data references. */
async function reviveShippables(shipped: ShippedClosure, imports: readonly unknown[]): Promise<unknown[]> {
  const done = new Array<Promise<unknown> | undefined>(shipped.shippables.length);
  const values = new Array<unknown>(shipped.shippables.length);
  const revive = (i: number, stack: readonly number[]): Promise<unknown> => {
    if (stack.includes(i)) throw new TsSparkError('INVALID_WIRE_DATA', `shipped objects reference each other in a cycle (#${i})`);
    let p = done[i];
    if (!p) {
      const obj = shipped.shippables[i];
      if (!obj) throw new TsSparkError('INVALID_WIRE_DATA', `shippable #${i} missing`);
      p = (async () => {
        for (const d of obj.deps) values[d] = await revive(d, [...stack, i]);
        const reviver = reviverFor(obj.kind);
        if (!reviver) {
          throw new TsSparkError('CLOSURE_NOT_SERIALIZABLE', `${shipped.what} captures a '${obj.kind}' object, but no reviver for '${obj.kind}' is registered on this executor`, {
            hint: 'Register it with registerReviver(kind, fn) in a module the executor loads.',
          });
        }
        return reviver(reviveGraph(obj.data, imports, values));
      })();
      done[i] = p;
    }
    return p;
  };
  for (let i = 0; i < shipped.shippables.length; i++) values[i] = await revive(i, []);
  return values;
}

/** A TypeScript file, or a `./x.js` written for a `x.ts` (TypeScript's import convention). */
function needsHooks(url: string): boolean {
  if (!url.startsWith('file:')) return false;
  if (/\.[cm]?tsx?$/.test(url)) return true;
  try {
    return !existsSync(fileURLToPath(url));
  } catch {
    return false;
  }
}

let hooks: Promise<void> | undefined;
function ensureHooks(): Promise<void> {
  hooks ??= import('../../common/module-hooks/index.js').then((m) => m.registerTsSparkHooks());
  return hooks;
}
