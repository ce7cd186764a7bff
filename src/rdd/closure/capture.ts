// captureClosure: a function -> ShippedClosure (source + captured free variables, recursively), on the driver.
// Imported module bindings travel by reference; everything else by value via encode-value.ts.
import { TsSparkError } from '../../common/errors.js';
import { CaptureContext, GraphEncoder } from './encode-value.js';
import { SUPER_BINDING, functionSource } from './function-source.js';
import { readClosure, scriptUrl } from './inspector-scopes.js';
import { moduleImports } from './module-imports.js';
import { notSerializable } from './not-serializable.js';
import { builtinExportOf } from './builtin-exports.js';
import type { EncodedValue, HeapEntry, ShippedClosure } from './shipped-closure.js';

/**
 * Captures fn's source and the values of its free variables. `what` names the function in errors ("map function").
 * Throws TsSparkError('CLOSURE_NOT_SERIALIZABLE') naming the function, the variable and the fix.
 */
export function captureClosure(fn: Function, what = 'function'): ShippedClosure {
  if (typeof fn !== 'function') throw new TsSparkError('INVALID_ARGUMENT', `${what} must be a function, got ${typeof fn}`);
  const ctx = new CaptureContext(what, captureFunction);
  const encoder = new GraphEncoder(ctx);
  const root = encoder.encode(fn, '');
  return { version: 1, what, root, heap: encoder.heap, imports: ctx.imports, shippables: ctx.shippables };
}

function captureFunction(fn: Function, path: string, encoder: GraphEncoder): HeapEntry {
  const { ctx } = encoder;
  let source = functionSource(fn);
  if (source === 'native' || source === 'bound' || source === 'unparseable') {
    throw notSerializable(ctx.what, path, fn, source === 'unparseable' ? 'value' : 'no-source');
  }
  if (source.original && functionSource(Object.getPrototypeOf(fn) as Function) === 'native') source = source.original;
  if (source.lexicalThis) {
    throw new TsSparkError('CLOSURE_NOT_SERIALIZABLE', `${ctx.what}${path ? ` (via '${path}')` : ''} uses 'this' from the enclosing method, which cannot be shipped to executors.`, {
      hint: 'copy the fields you need into local constants before the closure (const factor = this.factor)',
      details: { function: ctx.what, variable: 'this' },
    });
  }
  const closure = readClosure(fn, source.freeNames);
  const url = closure.scriptId === undefined ? undefined : scriptUrl(closure.scriptId);
  if (url?.startsWith('node:')) {
    // A Node.js library function (e.g. `const join = path.join`): ship it as the builtin module export it is.
    const ref = builtinExportOf(fn);
    if (ref) return { t: 'imported', ref: ctx.importRef(ref.url, ref.export) };
    throw notSerializable(ctx.what, path, fn, 'no-source');
  }
  const imports = url === undefined ? undefined : moduleImports(url);
  const names: string[] = [];
  const values: EncodedValue[] = [];
  for (const name of source.freeNames) {
    const binding = closure.bindings.get(name);
    if (!binding) continue; // a global: every executor has its own
    const imported = binding.inModuleScope ? imports?.get(name) : undefined;
    names.push(name);
    values.push(imported ? ctx.importRef(imported.url, imported.export) : encoder.encode(binding.value, path === '' ? name : `${path} -> ${name}`));
  }
  if (source.extendsSuper) {
    names.push(SUPER_BINDING);
    values.push(encoder.encode(Object.getPrototypeOf(fn), path === '' ? '(superclass)' : `${path} (superclass)`));
  }
  return { t: 'function', source: source.expression, names, values };
}
