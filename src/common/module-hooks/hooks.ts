// Node customization hooks (loaded by module.register into the hooks thread): the bare specifier `tsspark` maps to
// this package's entry, `./x.js` falls back to `./x.ts` (TypeScript's convention), and TypeScript files are compiled.
import type { InitializeHook, LoadHook, ResolveHook } from 'node:module';
import { tssparkEntryUrl, tssparkPackageRoot } from './package-root.js';
import { isTypeScriptFile, setEsbuildRoot, transformedSourceForAsync } from './transformed-sources.js';

/** Sent by registerTsSparkHooks(): the package root of the registering tsspark copy. */
export interface TsSparkHooksData {
  readonly packageRoot: string;
}

let entryUrl: string | undefined;

export const initialize: InitializeHook<TsSparkHooksData | undefined> = (data) => {
  const root = data?.packageRoot ?? tssparkPackageRoot();
  setEsbuildRoot(root);
  entryUrl = tssparkEntryUrl(root);
};

export const resolve: ResolveHook = async (specifier, context, nextResolve) => {
  // Always the registering copy, even if the app has its own node_modules/tsspark: the submit CLI and the app must
  // share one module instance (active contexts, submitted conf).
  if (specifier === 'tsspark') {
    entryUrl ??= tssparkEntryUrl();
    return { url: entryUrl, format: 'module', shortCircuit: true };
  }
  try {
    return await nextResolve(specifier, context);
  } catch (e) {
    const code = (e as { code?: unknown } | null)?.code;
    if (code !== 'ERR_MODULE_NOT_FOUND' && code !== 'ERR_UNSUPPORTED_DIR_IMPORT') throw e;
    for (const candidate of typeScriptCandidates(specifier, context.parentURL)) {
      try {
        return await nextResolve(candidate, context);
      } catch {
        // try the next candidate; the original error is the one worth reporting
      }
    }
    throw e;
  }
};

export const load: LoadHook = async (url, context, nextLoad) => {
  if (url.startsWith('file:') && isTypeScriptFile(url)) {
    return { format: 'module', source: await transformedSourceForAsync(url), shortCircuit: true };
  }
  return nextLoad(url, context);
};

/** `./a.js` → `./a.ts`, `.mjs` → `.mts`, `.cjs` → `.cts`; extensionless `./a` → `./a.ts`, `./a/index.ts`. */
export function typeScriptCandidates(specifier: string, parentURL: string | undefined): string[] {
  const isPath = specifier.startsWith('./') || specifier.startsWith('../') || specifier.startsWith('/') || specifier.startsWith('file:');
  if (!isPath || (parentURL !== undefined && !parentURL.startsWith('file:'))) return [];
  const m = /\.([mc]?)js$/.exec(specifier);
  if (m) return [`${specifier.slice(0, -m[0].length)}.${m[1] ?? ''}ts`];
  const lastSegment = specifier.slice(specifier.lastIndexOf('/') + 1);
  if (lastSegment === '' || lastSegment === '.' || lastSegment === '..') return [`${specifier.replace(/\/?$/, '/')}index.ts`];
  if (lastSegment.includes('.')) return [];
  return [`${specifier}.ts`, `${specifier}/index.ts`];
}
