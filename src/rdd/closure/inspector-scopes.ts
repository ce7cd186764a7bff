// Reads a function's closure bindings and defining script through an in-process node:inspector session.
// session.post with a callback completes synchronously on the calling thread, so capture stays synchronous.
import { Session } from 'node:inspector';
import { TsSparkError } from '../../common/errors.js';

/** The innermost binding of one free name found in the function's [[Scopes]]. */
export interface ClosureBinding {
  readonly value: unknown;
  /** true when the binding lives in the module scope of the function's defining ES module (imports live there). */
  readonly inModuleScope: boolean;
}

export interface ClosureInfo {
  readonly bindings: ReadonlyMap<string, ClosureBinding>;
  readonly scriptId: string | undefined;
}

interface RemoteObject {
  readonly type: string;
  readonly objectId?: string;
  readonly value?: unknown;
  readonly unserializableValue?: string;
  readonly description?: string;
}
interface PropertyDescriptor {
  readonly name: string;
  readonly value?: RemoteObject;
}
interface PropertiesResult {
  readonly result: readonly PropertyDescriptor[];
  readonly internalProperties?: readonly PropertyDescriptor[];
}

const GROUP = 'tsspark-closure-capture';
const IN_KEY = Symbol.for('tsspark.closureCapture.in');
const OUT_KEY = Symbol.for('tsspark.closureCapture.out');
const globalSlots = globalThis as unknown as Record<symbol, unknown>;

let session: Session | undefined;
const scriptUrls = new Map<string, string>();

function connected(): Session {
  if (!session) {
    session = new Session();
    session.connect();
    session.on('Debugger.scriptParsed', (m: { params: { scriptId: string; url: string } }) => {
      scriptUrls.set(m.params.scriptId, m.params.url);
    });
  }
  return session;
}

function post<T>(method: string, params: object = {}): T {
  let result: T | undefined;
  let error: Error | null = null;
  let done = false;
  connected().post(method, params, (err: Error | null, res?: object) => {
    error = err;
    result = res as T;
    done = true;
  });
  if (!done) throw new TsSparkError('INTERNAL', `inspector ${method} did not answer synchronously`);
  if (error) throw new TsSparkError('INTERNAL', `inspector ${method} failed: ${(error as Error).message}`, { cause: error });
  return result as T;
}

/** The innermost closure binding of each of `names` (names not bound in any closure scope are globals: absent). */
export function readClosure(fn: Function, names: readonly string[]): ClosureInfo {
  globalSlots[IN_KEY] = fn;
  try {
    const fnObj = post<{ result: RemoteObject }>('Runtime.evaluate', {
      expression: `globalThis[Symbol.for('tsspark.closureCapture.in')]`,
      objectGroup: GROUP,
      silent: true,
    }).result;
    const fnProps = post<PropertiesResult>('Runtime.getProperties', { objectId: fnObj.objectId, ownProperties: true, objectGroup: GROUP });
    const internal = fnProps.internalProperties ?? [];
    const location = internal.find((p) => p.name === '[[FunctionLocation]]')?.value?.value as { scriptId?: string } | undefined;
    const scopesObj = internal.find((p) => p.name === '[[Scopes]]')?.value;
    const wanted = new Set(names);
    const found: { name: string; remote: RemoteObject; inModuleScope: boolean }[] = [];
    if (scopesObj?.objectId && wanted.size > 0) {
      const scopes = post<PropertiesResult>('Runtime.getProperties', { objectId: scopesObj.objectId, ownProperties: true, objectGroup: GROUP });
      for (const scope of scopes.result) {
        if (wanted.size === 0) break;
        const desc = scope.value?.description ?? '';
        // The global scope holds globals, which exist on every executor: they are deliberately not captured.
        if (!/^\d+$/.test(scope.name) || !scope.value?.objectId || desc === 'Global') continue;
        const vars = post<PropertiesResult>('Runtime.getProperties', { objectId: scope.value.objectId, ownProperties: true, objectGroup: GROUP });
        for (const v of vars.result) {
          if (!wanted.has(v.name) || !v.value) continue;
          wanted.delete(v.name);
          found.push({ name: v.name, remote: v.value, inModuleScope: desc === 'Module' });
        }
      }
    }
    const values = pullValues(fnObj, found.map((f) => f.remote));
    const bindings = new Map<string, ClosureBinding>();
    found.forEach((f, i) => bindings.set(f.name, { value: values[i], inModuleScope: f.inModuleScope }));
    return { bindings, scriptId: location?.scriptId };
  } finally {
    delete globalSlots[IN_KEY];
    post('Runtime.releaseObjectGroup', { objectGroup: GROUP });
  }
}

/** Brings remote objects back as real values with one callFunctionOn (primitives are passed through as values). */
function pullValues(target: RemoteObject, remotes: readonly RemoteObject[]): unknown[] {
  if (remotes.length === 0) return [];
  const args = remotes.map((r) => {
    if (r.objectId) return { objectId: r.objectId };
    if (r.unserializableValue !== undefined) return { unserializableValue: r.unserializableValue };
    if (r.type === 'undefined') return {};
    return { value: r.value };
  });
  post('Runtime.callFunctionOn', {
    objectId: target.objectId,
    functionDeclaration: `function (...values) { globalThis[Symbol.for('tsspark.closureCapture.out')] = values; }`,
    arguments: args,
    silent: true,
  });
  const values = globalSlots[OUT_KEY] as unknown[];
  delete globalSlots[OUT_KEY];
  return values;
}

/** The URL of a parsed script; collects scriptParsed events via a Debugger enable/disable on a miss. */
export function scriptUrl(scriptId: string): string | undefined {
  let url = scriptUrls.get(scriptId);
  if (url === undefined) {
    post('Debugger.enable');
    post('Debugger.disable');
    url = scriptUrls.get(scriptId);
  }
  return url;
}
