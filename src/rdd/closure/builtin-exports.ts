// Finds which Node.js builtin module export a library function is (`const join = path.join` -> node:path#join),
// so such functions travel by reference. The index over public builtins is built once, on first use.
import { builtinModules } from 'node:module';

export interface BuiltinExport {
  readonly url: string;
  readonly export: string;
}

// Deprecated or side-effecting modules we never index.
const SKIP = new Set(['punycode', 'sys', 'trace_events', 'wasi', 'inspector', 'inspector/promises', 'repl']);
let index: Map<unknown, BuiltinExport> | undefined;

export function builtinExportOf(fn: Function): BuiltinExport | undefined {
  if (!index) index = buildIndex();
  return index.get(fn);
}

function buildIndex(): Map<unknown, BuiltinExport> {
  const out = new Map<unknown, BuiltinExport>();
  const getBuiltin = (process as unknown as { getBuiltinModule?: (id: string) => unknown }).getBuiltinModule;
  if (!getBuiltin) return out;
  for (const name of builtinModules) {
    if (name.startsWith('_') || SKIP.has(name)) continue;
    let mod: unknown;
    try {
      mod = getBuiltin(name);
    } catch {
      continue;
    }
    if (!mod || (typeof mod !== 'object' && typeof mod !== 'function')) continue;
    const url = `node:${name}`;
    if (typeof mod === 'function' && !out.has(mod)) out.set(mod, { url, export: 'default' });
    for (const key of Object.keys(mod)) {
      let v: unknown;
      try {
        v = (mod as Record<string, unknown>)[key];
      } catch {
        continue;
      }
      if (typeof v === 'function' && !out.has(v)) out.set(v, { url, export: key });
    }
  }
  return out;
}
