// Driver and executor in separate node processes: fixtures/capture-main.mjs captures plain-ESM closures (vitest would
// rewrite imports of files it loads itself) and fixtures/revive-main.mjs revives and runs them.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');
const fixtures = join(root, 'test/rdd/closure/fixtures');
let dir = '';
let libUrl = '';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tsspark-closure-'));
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  const lib = join(dir, 'closure-lib.mjs');
  await build({
    stdin: {
      contents: `export { captureClosure, reviveClosure } from './src/rdd/closure/index.ts';
                 export { encodeValue, decodeValue } from './src/common/record-codec.ts';`,
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true, format: 'esm', platform: 'node', packages: 'external', outfile: lib, logLevel: 'error',
  });
  libUrl = pathToFileURL(lib).href;
});
afterAll(() => { if (dir) rmSync(dir, { recursive: true, force: true }); });

describe('closures across processes', () => {
  it('ships node: imports (default, namespace, named), packages, app files and library functions by reference', () => {
    const bytes = join(dir, 'shipped.bin');
    execFileSync(process.execPath, [join(fixtures, 'capture-main.mjs'), libUrl, bytes], { stdio: 'pipe' });
    const out = execFileSync(process.execPath, [join(fixtures, 'revive-main.mjs'), libUrl, bytes], { stdio: 'pipe' }).toString();
    const r = JSON.parse(out) as Record<string, unknown> & { imports: Record<string, string[]>; captureMs: number };
    console.log(`captured 9 closures in ${r.captureMs.toFixed(1)} ms (first capture includes Debugger.enable and module parsing)`);
    expect(r.defaultImport).toEqual([true, false]);
    expect(r.namespaceImport).toBe('z.txt.txt');
    expect(r.namedImport).toMatch(/^\/\/ Closures under test/);
    expect(r.appFile).toEqual([400, 'hello ex', true]);
    expect(r.appFileReimported).toBe(true);
    expect(r.builtinByValue).toBe('a/b');
    expect(r.generator).toEqual([103, 203]);
    expect(r.shadowedImport).toBe(2);
    expect(r.imports.defaultImport).toEqual(['node:fs#default']);
    expect(r.imports.namespaceImport).toEqual(['node:path#*']);
    expect(r.imports.namedImport).toEqual(['node:fs#readFileSync']);
    expect(r.imports.appFile).toEqual(['file:.../app-util.mjs#helper', 'file:.../app-util.mjs#default', 'file:.../app-util.mjs#loadedIn']);
    expect(r.imports.builtinByValue).toEqual(['node:path#join']);
    expect(r.imports.shadowedImport).toEqual([]);
    expect(r.packageImport).toBe(4);
    expect(r.imports.packageImport).toEqual(['pkg:apache-arrow/Arrow.node.mjs#tableFromArrays']);
  });
});
