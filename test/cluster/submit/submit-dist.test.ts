// End-to-end through the real launcher and the real build (bin/tsspark-submit.mjs → dist/). Skipped until
// `npm run build` has produced dist/index.js and dist/cluster/submit/main.js.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './submit-replica.js';

const entry = join(REPO_ROOT, 'dist', 'index.js');
const built = existsSync(entry) && existsSync(join(REPO_ROOT, 'dist', 'cluster', 'submit', 'main.js'));
if (!built) console.warn(`submit-dist.test.ts skipped: ${entry} or dist/cluster/submit/main.js missing (run npm run build)`);

describe('bin/tsspark-submit.mjs with the built package', () => {
  it.skipIf(!built)('runs a .ts app outside the repo that imports tsspark (needs npm run build)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tsspark-dist-app-'));
    try {
      writeFileSync(join(dir, 'fmt.ts'), 'export const fmt = (n: number): string => `exports=${n > 0}`;\n');
      writeFileSync(join(dir, 'app.ts'), [
        "import * as tsspark from 'tsspark';",
        "import { fmt } from './fmt.js';",
        "console.log(fmt(Object.keys(tsspark).length), import.meta.resolve('tsspark'), process.argv.slice(2).join('|'));",
      ].join('\n'));
      const r = spawnSync(process.execPath, [join(REPO_ROOT, 'bin', 'tsspark-submit.mjs'), '--master', 'local[2]', join(dir, 'app.ts'), 'a', 'b'], {
        encoding: 'utf8',
        timeout: 30_000,
        env: { ...process.env, TSSPARK_CONF_DIR: dir },
      });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(r.stdout).toBe(`exports=true ${pathToFileURL(entry).href} a|b\n`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
