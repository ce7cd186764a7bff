// tsspark-submit end to end: a TypeScript application outside the repository, shipped to executor processes,
// with closures capturing constants, a Map, node:path and a function imported from a sibling .ts file.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = path.resolve(__dirname, '../..');
const submit = path.join(root, 'bin', 'tsspark-submit.mjs');

describe('tsspark-submit', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsspark-app-'));
  fs.writeFileSync(path.join(dir, 'util.ts'), "export function shout(s: string): string { return s.toUpperCase() + '!'; }\n");
  fs.writeFileSync(path.join(dir, 'app.ts'), [
    "import path from 'node:path';",
    "import { SparkContext } from 'tsspark';",
    "import { shout } from './util.js';",
    "const suffix = '.txt';",
    "const lookup = new Map([['a', 1], ['b', 2]]);",
    'const sc = new SparkContext();',
    "const out = await sc.parallelize(['a', 'b', 'a'], 3).map((x) => `${shout(x)} ${path.basename('/x/' + x + suffix)} ${lookup.get(x)} ${process.pid}`).collect();",
    "console.log(JSON.stringify({ out, driver: process.pid, args: process.argv.slice(2), master: sc.master }));",
  ].join('\n'));
  fs.writeFileSync(path.join(dir, 'fail.ts'), [
    "import { SparkContext } from 'tsspark';",
    'const sc = new SparkContext();',
    "await sc.parallelize([1, 2], 2).map((x) => { if (x === 2) throw new Error('bad record ' + x); return x; }).collect();",
  ].join('\n'));

  it('runs a .ts application on local-cluster executors with its imports and args', async () => {
    const { stdout } = await run(process.execPath, [submit, '--master', 'local-cluster[2,1,512]', path.join(dir, 'app.ts'), 'x', 'y']);
    const r = JSON.parse(stdout.trim().split('\n').pop()!) as { out: string[]; driver: number; args: string[]; master: string };
    expect(r.master).toBe('local-cluster[2,1,512]');
    expect(r.args).toEqual(['x', 'y']);
    expect(r.out.map((l) => l.split(' ').slice(0, 3).join(' '))).toEqual(['A! a.txt 1', 'B! b.txt 2', 'A! a.txt 1']);
    const pids = new Set(r.out.map((l) => Number(l.split(' ')[3])));
    expect(pids.has(r.driver)).toBe(false);
  });

  it('ships --files to executors, found by name with SparkFiles.get', async () => {
    const lookup = path.join(dir, 'lookup.txt');
    fs.writeFileSync(lookup, 'a=alpha\nb=beta\n');
    fs.writeFileSync(path.join(dir, 'files.ts'), [
      "import fs from 'node:fs';",
      "import { SparkContext, SparkFiles } from 'tsspark';",
      'const sc = new SparkContext();',
      "const out = await sc.parallelize(['a', 'b'], 2).map((k) => {",
      "  const table = new Map(fs.readFileSync(SparkFiles.get('lookup.txt'), 'utf8').trim().split('\\n').map((l) => l.split('=') as [string, string]));",
      '  return `${k}:${table.get(k)}:${process.pid}`;',
      '}).collect();',
      'console.log(JSON.stringify({ out, driver: process.pid }));',
    ].join('\n'));
    const { stdout } = await run(process.execPath, [submit, '--master', 'local-cluster[2,1,512]', '--files', lookup, path.join(dir, 'files.ts')]);
    const r = JSON.parse(stdout.trim().split('\n').pop()!) as { out: string[]; driver: number };
    expect(r.out.map((l) => l.split(':').slice(0, 2).join(':'))).toEqual(['a:alpha', 'b:beta']);
    expect(r.out.some((l) => Number(l.split(':')[2]) === r.driver)).toBe(false);
  });

  it('exits non-zero with the application error and the executor-side stack when a job fails', async () => {
    const err = await run(process.execPath, [submit, '--master', 'local[2]', path.join(dir, 'fail.ts')]).then(() => undefined, (e: { code: number; stderr: string }) => e);
    expect(err?.code).toBe(1);
    expect(err?.stderr).toContain('bad record 2');
  });
});
