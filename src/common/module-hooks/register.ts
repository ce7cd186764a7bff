// registerTsSparkHooks(): installs the tsspark module hooks (see hooks.ts) in the calling thread, once.
// Node 20 does not pass hooks registered with module.register() on to worker threads: each worker must call this
// itself before importing application code, or be started with execArgv ['--import', tsSparkHooksPreloadUrl()].
import { createRequire, register } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TsSparkHooksData } from './hooks.js';
import { tssparkPackageRoot } from './package-root.js';

const REGISTERED = Symbol.for('tsspark.moduleHooks.registered');

/** Idempotent per thread (the flag lives on this thread's globalThis, so `--import preload.js` counts too). */
export function registerTsSparkHooks(): void {
  const g = globalThis as Record<symbol, unknown>;
  if (g[REGISTERED] === true) return;
  const packageRoot = tssparkPackageRoot();
  const data: TsSparkHooksData = { packageRoot };
  register(hooksModuleUrl(packageRoot), { data });
  g[REGISTERED] = true;
}

/** True once registerTsSparkHooks() has run in this thread. */
export function tsSparkHooksRegistered(): boolean {
  return (globalThis as Record<symbol, unknown>)[REGISTERED] === true;
}

/** URL for `node --import <url>` / a Worker's execArgv: a module whose only effect is registerTsSparkHooks(). */
export function tsSparkHooksPreloadUrl(): string {
  return new URL(import.meta.url.endsWith('.ts') ? './preload.ts' : './preload.js', import.meta.url).href;
}

function hooksModuleUrl(packageRoot: string): string {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new URL('./hooks.js', here).href;
  // Running from source (vitest, tooling): Node cannot load hooks.ts itself, so bundle it with esbuild into a data URL.
  const esbuild = createRequire(join(packageRoot, 'package.json'))('esbuild') as typeof import('esbuild');
  const out = esbuild.buildSync({
    entryPoints: [fileURLToPath(new URL('./hooks.ts', here))],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: ['esbuild'],
  });
  const code = out.outputFiles[0]?.text ?? '';
  return `data:text/javascript;base64,${Buffer.from(code).toString('base64')}`;
}
