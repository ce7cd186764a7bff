// Locates the installed tsspark package (the directory whose package.json is named "tsspark") by walking up from
// this module, and the entry that the bare specifier `tsspark` maps to. Used by the module hooks and conf loading.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { TsSparkError } from '../errors.js';

let cachedRoot: string | undefined;

/** The tsspark package root above `fromPath` (default: this module's directory, in src/ or dist/). */
export function tssparkPackageRoot(fromPath?: string): string {
  if (fromPath === undefined && cachedRoot !== undefined) return cachedRoot;
  const start = fromPath ?? dirname(fileURLToPath(import.meta.url));
  let dir = start;
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && packageName(pkg) === 'tsspark') {
      if (fromPath === undefined) cachedRoot = dir;
      return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) {
      throw new TsSparkError('INTERNAL', `no package.json named "tsspark" above ${start}`, { details: { path: start } });
    }
    dir = parent;
  }
}

/** file: URL of `<package root>/dist/index.js`, what `import 'tsspark'` loads (it may not exist before a build). */
export function tssparkEntryUrl(root: string = tssparkPackageRoot()): string {
  return pathToFileURL(join(root, 'dist', 'index.js')).href;
}

/** The package's version from its package.json. */
export function tssparkVersion(root: string = tssparkPackageRoot()): string {
  const parsed: unknown = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const v = typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>).version : undefined;
  return typeof v === 'string' ? v : 'unknown';
}

function packageName(pkgJsonPath: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(readFileSync(pkgJsonPath, 'utf8'));
    const name = typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>).name : undefined;
    return typeof name === 'string' ? name : undefined;
  } catch {
    return undefined;
  }
}
