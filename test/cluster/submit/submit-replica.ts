// Test helper: an installed-looking copy of tsspark in a temp dir (package.json named "tsspark", node_modules link,
// bin/, and dist/ compiled with esbuild from just the sources tsspark-submit needs), so tests don't depend on dist/.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const SRC = join(REPO_ROOT, 'src');
const ROOTS = ['cluster/submit/main.ts', 'common/module-hooks/hooks.ts', 'common/module-hooks/preload.ts', 'common/module-hooks/index.ts'];

export interface SubmitReplica {
  readonly root: string;
  readonly bin: string;
  dispose(): void;
}

/** `dist/index.js` of the replica: what `import 'tsspark'` loads in the tests. */
const STUB_ENTRY = `export const marker = 'replica-entry';
export { registerActiveContext, submittedConf } from './common/active-context.js';
export { TsSparkError } from './common/errors.js';
`;

export function buildSubmitReplica(): SubmitReplica {
  const root = mkdtempSync(join(tmpdir(), 'tsspark-replica-'));
  writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'tsspark', version: '9.9.9-replica', type: 'module' }));
  symlinkSync(join(REPO_ROOT, 'node_modules'), join(root, 'node_modules'), 'dir');
  mkdirSync(join(root, 'bin'));
  copyFileSync(join(REPO_ROOT, 'bin', 'tsspark-submit.mjs'), join(root, 'bin', 'tsspark-submit.mjs'));
  buildSync({
    entryPoints: sourceClosure(ROOTS.map((r) => join(SRC, r))),
    outdir: join(root, 'dist'),
    outbase: SRC,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'silent',
  });
  writeFileSync(join(root, 'dist', 'index.js'), STUB_ENTRY);
  return { root, bin: join(root, 'bin', 'tsspark-submit.mjs'), dispose: () => rmSync(root, { recursive: true, force: true }) };
}

/** The .ts files reachable from `entries` through relative static and dynamic imports. */
function sourceClosure(entries: readonly string[]): string[] {
  const seen = new Set<string>();
  const todo = [...entries];
  while (todo.length > 0) {
    const file = todo.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)'(\.{1,2}\/[^']+)\.js'/g)) {
      const dep = resolve(dirname(file), `${m[1]}.ts`);
      if (existsSync(dep)) todo.push(dep);
    }
  }
  return [...seen];
}
