// The JavaScript that Node runs for an application file: .ts/.mts/.cts compiled by esbuild (the module hooks call
// this in the hooks thread; closure shipping calls it in its own thread, compiling identically), cached per file URL.
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TransformOptions } from 'esbuild';
import { TsSparkError } from '../errors.js';
import { tssparkPackageRoot } from './package-root.js';

type Esbuild = typeof import('esbuild');

const TS_EXTENSION = /\.(?:ts|mts|cts)$/;

interface CachedSource {
  readonly mtimeMs: number;
  readonly size: number;
  readonly code: string;
}

const cache = new Map<string, CachedSource>();
let esbuild: Esbuild | undefined;
let esbuildFrom: string | undefined;

/** True for paths or URLs naming a TypeScript module (.ts, .mts, .cts; declaration files excluded). */
export function isTypeScriptFile(pathOrUrl: string): boolean {
  return TS_EXTENSION.test(pathOrUrl) && !/\.d\.[mc]?ts$/.test(pathOrUrl);
}

/** Where esbuild is required from (the hooks thread passes the package root; default: walk up from this module). */
export function setEsbuildRoot(packageRoot: string): void {
  esbuildFrom = packageRoot;
}

/** esbuild options used for every application file; `sourcefile` keeps stack traces pointing at the .ts file. */
export function tsTransformOptions(filePath: string): TransformOptions {
  return { loader: 'ts', format: 'esm', sourcemap: 'inline', target: 'node20', sourcefile: basename(filePath) };
}

/** Compiles TypeScript source text of `filePath` to ESM JavaScript with an inline source map. */
export function compileTypeScript(source: string, filePath: string): string {
  try {
    return loadEsbuild().transformSync(source, tsTransformOptions(filePath)).code;
  } catch (e) {
    throw compileError(filePath, e);
  }
}

/**
 * The source Node executes for a file URL: compiled JS for TypeScript files, the file's text otherwise.
 * Cached per URL and refreshed when the file's mtime or size changes.
 */
export function transformedSourceFor(url: string | URL): string {
  const { href, path, mtimeMs, size } = fileOf(url);
  const hit = cache.get(href);
  if (hit !== undefined && hit.mtimeMs === mtimeMs && hit.size === size) return hit.code;
  const text = readFileSync(path, 'utf8');
  const code = isTypeScriptFile(path) ? compileTypeScript(text, path) : text;
  cache.set(href, { mtimeMs, size, code });
  return code;
}

/**
 * Same result as transformedSourceFor, compiled with esbuild's async service: the hooks thread uses it because the
 * first transformSync also starts a helper worker thread (measured ~55-170 ms cold vs ~25 ms for transform()).
 */
export async function transformedSourceForAsync(url: string | URL): Promise<string> {
  const { href, path, mtimeMs, size } = fileOf(url);
  const hit = cache.get(href);
  if (hit !== undefined && hit.mtimeMs === mtimeMs && hit.size === size) return hit.code;
  const text = readFileSync(path, 'utf8');
  let code = text;
  if (isTypeScriptFile(path)) {
    try {
      code = (await loadEsbuild().transform(text, tsTransformOptions(path))).code;
    } catch (e) {
      throw compileError(path, e);
    }
  }
  cache.set(href, { mtimeMs, size, code });
  return code;
}

function fileOf(url: string | URL): { href: string; path: string; mtimeMs: number; size: number } {
  const href = typeof url === 'string' ? url : url.href;
  const path = href.startsWith('file:') ? fileURLToPath(href) : href;
  try {
    const st = statSync(path);
    return { href, path, mtimeMs: st.mtimeMs, size: st.size };
  } catch (e) {
    throw new TsSparkError('PATH_NOT_FOUND', `module file not found: ${path}`, { details: { path }, cause: e });
  }
}

function compileError(filePath: string, e: unknown): TsSparkError {
  const message = e instanceof Error ? e.message : String(e);
  return new TsSparkError('PARSE_ERROR', `cannot compile ${filePath}: ${message}`, { details: { path: filePath }, cause: e });
}

// Lazy: esbuild costs ~5 ms to require and ~40 ms to start its service on the first transform, paid only for TS apps.
function loadEsbuild(): Esbuild {
  if (esbuild === undefined) {
    const root = esbuildFrom ?? tssparkPackageRoot();
    esbuild = createRequire(join(root, 'package.json'))('esbuild') as Esbuild;
  }
  return esbuild;
}
