import { mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { typeScriptCandidates } from '../../../src/common/module-hooks/hooks.js';
import { tssparkEntryUrl, tssparkPackageRoot } from '../../../src/common/module-hooks/package-root.js';
import {
  isTypeScriptFile,
  transformedSourceFor,
  transformedSourceForAsync,
} from '../../../src/common/module-hooks/transformed-sources.js';
import { isTsSparkError } from '../../../src/common/errors.js';

const dir = mkdtempSync(join(tmpdir(), 'module-hooks-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('typeScriptCandidates', () => {
  const parent = 'file:///app/main.ts';
  it('maps the TypeScript .js convention and extensionless paths to .ts files', () => {
    expect(typeScriptCandidates('./util.js', parent)).toEqual(['./util.ts']);
    expect(typeScriptCandidates('../lib/a.mjs', parent)).toEqual(['../lib/a.mts']);
    expect(typeScriptCandidates('/abs/b.cjs', parent)).toEqual(['/abs/b.cts']);
    expect(typeScriptCandidates('./helpers', parent)).toEqual(['./helpers.ts', './helpers/index.ts']);
    expect(typeScriptCandidates('./', parent)).toEqual(['./index.ts']);
  });
  it('leaves bare specifiers, other extensions and non-file parents alone', () => {
    expect(typeScriptCandidates('lodash', parent)).toEqual([]);
    expect(typeScriptCandidates('./data.json', parent)).toEqual([]);
    expect(typeScriptCandidates('./util.js', 'data:text/javascript,')).toEqual([]);
  });
});

describe('package root', () => {
  it('finds the package.json named tsspark and maps the entry to dist/index.js', () => {
    const root = tssparkPackageRoot();
    expect(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).name).toBe('tsspark');
    expect(tssparkEntryUrl(root)).toBe(pathToFileURL(join(root, 'dist', 'index.js')).href);
    expect(() => tssparkPackageRoot(dir)).toThrow(/no package.json named "tsspark"/);
  });
});

describe('transformedSourceFor', () => {
  it('compiles TypeScript to ESM with an inline source map, the same in sync and async forms', async () => {
    const file = join(dir, 'mod.ts');
    writeFileSync(file, "import type { X } from './types.js';\nimport { y } from './y.js';\nexport const f = (a: number): number => a + y;\n");
    const url = pathToFileURL(file).href;
    const js = transformedSourceFor(url);
    expect(js).toContain("import { y } from \"./y.js\"");
    expect(js).not.toContain('types.js');
    expect(js).not.toContain(': number');
    expect(js).toMatch(/\/\/# sourceMappingURL=data:application\/json;base64,/);
    const map = JSON.parse(Buffer.from(js.split('base64,')[1]!, 'base64').toString()) as { sources: string[] };
    expect(map.sources).toEqual(['mod.ts']);
    expect(await transformedSourceForAsync(new URL(url))).toBe(js);
  });

  it('returns plain files as they are and recompiles when the file changes', () => {
    const js = join(dir, 'plain.js');
    writeFileSync(js, 'export const a = 1;\n');
    expect(transformedSourceFor(pathToFileURL(js))).toBe('export const a = 1;\n');
    const ts = join(dir, 'changing.ts');
    writeFileSync(ts, 'export const v: number = 1;\n');
    expect(transformedSourceFor(pathToFileURL(ts))).toContain('v = 1');
    writeFileSync(ts, 'export const v: number = 22;\n');
    utimesSync(ts, new Date(), new Date(Date.now() + 5000));
    expect(transformedSourceFor(pathToFileURL(ts))).toContain('v = 22');
  });

  it('reports syntax errors and missing files as TsSparkErrors naming the file', () => {
    const bad = join(dir, 'bad.ts');
    writeFileSync(bad, 'export const = ;\n');
    expect(() => transformedSourceFor(pathToFileURL(bad))).toThrow(/cannot compile .*bad\.ts/);
    try {
      transformedSourceFor(pathToFileURL(join(dir, 'gone.ts')));
      expect.unreachable();
    } catch (e) {
      expect(isTsSparkError(e, 'PATH_NOT_FOUND')).toBe(true);
    }
  });

  it('recognizes TypeScript module files but not declaration files', () => {
    expect(['a.ts', 'b.mts', 'file:///c.cts'].map(isTypeScriptFile)).toEqual([true, true, true]);
    expect(['a.d.ts', 'b.js', 'c.tsx'].map(isTypeScriptFile)).toEqual([false, false, false]);
  });
});
