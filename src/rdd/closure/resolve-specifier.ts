// Resolves an import specifier as written in a module to the URL an executor should import(): node: builtins,
// relative paths against the module URL, bare packages via node_modules + package.json "exports" ("import" conditions).
import { existsSync, readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const CONDITIONS = new Set(['import', 'node', 'default']);

/** An absolute URL for `specifier` imported from `parentUrl`; a bare specifier that cannot be resolved stays bare. */
export function resolveSpecifier(specifier: string, parentUrl: string): string {
  if (isBuiltin(specifier)) return specifier.startsWith('node:') ? specifier : `node:${specifier}`;
  if (/^\.{0,2}\//.test(specifier)) return new URL(specifier, parentUrl).href;
  if (/^[a-z][a-z0-9+.-]*:/i.test(specifier)) return specifier;
  if (!parentUrl.startsWith('file:')) return specifier;
  return resolvePackage(specifier, fileURLToPath(parentUrl)) ?? specifier;
}

function resolvePackage(specifier: string, parentPath: string): string | undefined {
  const parts = specifier.split('/');
  const nameLength = specifier.startsWith('@') ? 2 : 1;
  const name = parts.slice(0, nameLength).join('/');
  const subpath = parts.length > nameLength ? `./${parts.slice(nameLength).join('/')}` : '.';
  for (let dir = dirname(parentPath); ; dir = dirname(dir)) {
    const pkgDir = join(dir, 'node_modules', name);
    const pkgJson = join(pkgDir, 'package.json');
    if (existsSync(pkgJson)) {
      const target = packageTarget(JSON.parse(readFileSync(pkgJson, 'utf8')) as Record<string, unknown>, subpath);
      return target === undefined ? undefined : pathToFileURL(join(pkgDir, target)).href;
    }
    if (dirname(dir) === dir) return undefined;
  }
}

function packageTarget(pkg: Record<string, unknown>, subpath: string): string | undefined {
  const exp = pkg.exports;
  if (exp === undefined || exp === null) {
    if (subpath !== '.') return subpath;
    return typeof pkg.main === 'string' ? pkg.main : 'index.js';
  }
  const map: Record<string, unknown> =
    typeof exp === 'object' && !Array.isArray(exp) && Object.keys(exp).some((k) => k.startsWith('.'))
      ? (exp as Record<string, unknown>)
      : { '.': exp };
  if (subpath in map) return conditionalTarget(map[subpath], '');
  for (const [key, value] of Object.entries(map)) {
    const star = key.indexOf('*');
    if (star < 0) continue;
    const prefix = key.slice(0, star);
    const suffix = key.slice(star + 1);
    if (subpath.startsWith(prefix) && subpath.endsWith(suffix) && subpath.length >= key.length - 1) {
      return conditionalTarget(value, subpath.slice(prefix.length, subpath.length - suffix.length));
    }
  }
  return undefined;
}

function conditionalTarget(target: unknown, star: string): string | undefined {
  if (typeof target === 'string') return target.replaceAll('*', star);
  if (Array.isArray(target)) {
    for (const t of target) {
      const r = conditionalTarget(t, star);
      if (r !== undefined) return r;
    }
    return undefined;
  }
  if (target && typeof target === 'object') {
    for (const [cond, value] of Object.entries(target)) {
      if (!CONDITIONS.has(cond)) continue;
      const r = conditionalTarget(value, star);
      if (r !== undefined) return r;
    }
  }
  return undefined;
}
