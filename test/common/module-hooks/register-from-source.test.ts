// registerTsSparkHooks() running from the TypeScript sources (import.meta.url ends in .ts, as under vitest or a TS
// runner): Node cannot load hooks.ts, so register.ts bundles it into a data: URL. Exercised in a child process
// because vitest's module runner has no native import().
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildSync } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'hooks-src-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const registerTs = resolve(dirname(fileURLToPath(import.meta.url)), '../../../src/common/module-hooks/register.ts');

describe('registerTsSparkHooks from source', () => {
  it('bundles hooks.ts on the fly; .ts files and .js→.ts imports then load; registering twice is harmless', () => {
    // register.ts and package-root.ts see their own source URL, as they would when run from src/.
    buildSync({
      entryPoints: [registerTs],
      bundle: true,
      format: 'esm',
      platform: 'node',
      outfile: join(dir, 'register-bundle.mjs'),
      external: ['esbuild'],
      define: { 'import.meta.url': JSON.stringify(pathToFileURL(registerTs).href) },
      logLevel: 'silent',
    });
    writeFileSync(join(dir, 'dep.ts'), 'export const three: number = 3;\n');
    writeFileSync(join(dir, 'main.ts'), "import { three } from './dep.js';\nexport const nine: number = three * three;\n");
    writeFileSync(join(dir, 'run.mjs'), [
      "import { registerTsSparkHooks, tsSparkHooksRegistered } from './register-bundle.mjs';",
      'const before = tsSparkHooksRegistered();',
      'registerTsSparkHooks();',
      'registerTsSparkHooks();',
      "const { nine } = await import('./main.ts');",
      'console.log(JSON.stringify({ before, after: tsSparkHooksRegistered(), nine }));',
    ].join('\n'));
    const r = spawnSync(process.execPath, [join(dir, 'run.mjs')], { encoding: 'utf8', timeout: 20_000 });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({ before: false, after: true, nine: 9 });
  });
});
