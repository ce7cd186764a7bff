// End-to-end tsspark-submit runs as child processes, against a replica install built from src (see submit-replica.ts),
// with applications in a temp directory outside the repository.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSubmitReplica, REPO_ROOT, type SubmitReplica } from './submit-replica.js';

let replica: SubmitReplica;
let apps: string;
let confDir: string;

beforeAll(() => {
  replica = buildSubmitReplica();
  apps = mkdtempSync(join(tmpdir(), 'tsspark-apps-'));
  confDir = join(apps, 'conf');
  mkdirSync(confDir);
  writeFileSync(join(confDir, 'tsspark-defaults.conf'), 'spark.master local[3]\nspark.ui.port 4999\n');
  writeFileSync(join(apps, 'util.ts'), "export function shout(s: string): string {\n  return `${s.toUpperCase()}!`;\n}\n");
  writeFileSync(join(apps, 'app.ts'), [
    "import { shout } from './util.js';",
    "import { marker, submittedConf } from 'tsspark';",
    'const conf = submittedConf() ?? {};',
    "const tag: string = shout('hello');",
    'console.log(JSON.stringify({ tag, marker, resolved: import.meta.resolve(\'tsspark\'), argv: process.argv.slice(1), conf }));',
  ].join('\n'));
  writeFileSync(join(apps, 'lifecycle.mjs'), [
    "import { registerActiveContext } from 'tsspark';",
    'let stopped = false;',
    "registerActiveContext({ get isStopped() { return stopped; }, async stop() { stopped = true; console.log('context stopped'); } });",
    'await new Promise((r) => setTimeout(r, 50));',
    "console.log('top-level done');",
    "if (process.argv[2] === 'code') process.exitCode = 3;",
  ].join('\n'));
  writeFileSync(join(apps, 'throws.ts'), [
    "import { registerActiveContext } from 'tsspark';",
    "registerActiveContext({ isStopped: false, async stop() { console.log('context stopped'); } });",
    'interface Job { readonly name: string }',
    "const job: Job = { name: 'wordcount' };",
    'function run(j: Job): never {',
    "  throw new Error(`job ${j.name} exploded`, { cause: new RangeError('inner cause') });",
    '}',
    'run(job);',
  ].join('\n'));
  writeFileSync(join(apps, 'hint.mjs'), [
    "import { TsSparkError } from 'tsspark';",
    "throw new TsSparkError('INVALID_ARGUMENT', 'numSlices must be positive', { hint: 'pass numSlices >= 1' });",
  ].join('\n'));
  writeFileSync(join(apps, 'rejects.mjs'), [
    "import { registerActiveContext } from 'tsspark';",
    "registerActiveContext({ isStopped: false, async stop() { console.log('context stopped'); } });",
    "void Promise.reject(new Error('nobody awaited me'));",
    'await new Promise((r) => setTimeout(r, 20_000));',
    "console.log('should not get here');",
  ].join('\n'));
  // Node 20: hooks registered in the main thread do not reach worker threads; registering inside the worker works, and
  // so does a file worker started with execArgv ['--import', tsSparkHooksPreloadUrl()].
  writeFileSync(join(apps, 'workers.mjs'), [
    "import { Worker } from 'node:worker_threads';",
    "const hooks = await import(new URL('./common/module-hooks/index.js', import.meta.resolve('tsspark')).href);",
    "const util = new URL('./util.ts', import.meta.url).href;",
    'const run = (code, opts = {}) => new Promise((res) => {',
    "  const w = new Worker(code, { eval: typeof code === 'string', ...opts });",
    "  w.on('message', res);",
    "  w.on('error', (e) => res(`error ${e.code ?? e.message}`));",
    '});',
    "const body = `import(${JSON.stringify(util)}).then((m) => parentPort.postMessage(m.shout('w')), (e) => parentPort.postMessage('fail ' + e.code))`;",
    "const plain = await run(`const { parentPort } = require('node:worker_threads'); ${body}`);",
    "const registered = await run(`const { parentPort } = require('node:worker_threads'); import(${JSON.stringify(import.meta.resolve('tsspark').replace('index.js', 'common/module-hooks/index.js'))}).then((h) => { h.registerTsSparkHooks(); ${body} })`);",
    "const preloaded = await run(new URL('./worker-file.mjs', import.meta.url), { execArgv: ['--import', hooks.tsSparkHooksPreloadUrl()] });",
    'console.log(JSON.stringify({ plain, registered, preloaded }));',
  ].join('\n'));
  writeFileSync(join(apps, 'worker-file.mjs'), [
    "import { parentPort } from 'node:worker_threads';",
    "const m = await import('./util.js');",
    "parentPort.postMessage(m.shout('f'));",
  ].join('\n'));
  writeFileSync(join(apps, 'forever.mjs'), [
    "import { registerActiveContext } from 'tsspark';",
    "registerActiveContext({ isStopped: false, async stop() { console.log('context stopped'); } });",
    "console.log('running');",
    'await new Promise(() => setInterval(() => {}, 1000));',
  ].join('\n'));
  mkdirSync(join(apps, 'cjs'));
  writeFileSync(join(apps, 'cjs', 'package.json'), '{"type": "commonjs"}');
  writeFileSync(join(apps, 'cjs', 'job.js'), "import { marker } from 'tsspark';\nconsole.log(marker);\n");
  writeFileSync(join(apps, 'props.conf'), 'spark.executor.memory 2g\nspark.app.name fromFile\nspark.sql.shuffle.partitions 8\n');
});

afterAll(() => {
  replica?.dispose();
  if (apps) rmSync(apps, { recursive: true, force: true });
});

function submit(args: string[], bin = replica.bin): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: apps,
    encoding: 'utf8',
    timeout: 20_000,
    env: { ...process.env, TSSPARK_CONF_DIR: confDir, TSSPARK_SUBMIT_CONF: '' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('tsspark-submit (replica install)', () => {
  it('runs a .ts app outside the repo: relative .js→.ts import, bare tsspark, conf and args handed over', () => {
    const r = submit(['--name', 'Demo', '--conf', 'spark.executor.cores=2', 'app.ts', 'in.txt', '--master', 'x y']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(out.tag).toBe('HELLO!');
    expect(out.marker).toBe('replica-entry');
    expect(out.resolved).toBe(pathToFileURL(join(replica.root, 'dist', 'index.js')).href);
    expect(out.argv).toEqual([join(apps, 'app.ts'), 'in.txt', '--master', 'x y']);
    expect(out.conf).toEqual({ 'spark.master': 'local[3]', 'spark.ui.port': '4999', 'spark.app.name': 'Demo', 'spark.executor.cores': '2' });
  });

  it('gives --conf precedence over --properties-file, which replaces the defaults file', () => {
    const r = submit(['--properties-file', 'props.conf', '--conf', 'spark.executor.memory=3g', 'app.ts']);
    expect(r.code).toBe(0);
    const conf = (JSON.parse(r.stdout) as { conf: Record<string, string> }).conf;
    expect(conf).toEqual({ 'spark.master': 'local[*]', 'spark.app.name': 'fromFile', 'spark.executor.memory': '3g', 'spark.sql.shuffle.partitions': '8' });
  });

  it('waits for top-level await, then stops the contexts the app left running; honours process.exitCode', () => {
    const r = submit(['lifecycle.mjs']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('top-level done\ncontext stopped\n');
    expect(submit(['lifecycle.mjs', 'code']).code).toBe(3);
  });

  it('exits 1 with the message, the source-mapped .ts stack and the cause when the app throws', () => {
    const r = submit(['throws.ts']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`Exception in application ${join(apps, 'throws.ts')}:`);
    expect(r.stderr).toContain('Error: job wordcount exploded');
    expect(r.stderr).toContain(`at run (${join(apps, 'throws.ts')}:6:`); // line 6 of the .ts source, not of the compiled JS
    expect(r.stderr).toContain('Caused by: RangeError: inner cause');
    expect(r.stdout).toBe('context stopped\n');
  });

  it("prints a TsSparkError's hint", () => {
    const r = submit(['hint.mjs']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('numSlices must be positive');
    expect(r.stderr).toContain('Hint: pass numSlices >= 1');
  });

  it('fails fast with exit 1 on an unhandled rejection, after stopping contexts', () => {
    const t0 = Date.now();
    const r = submit(['rejects.mjs']);
    expect(r.code).toBe(1);
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(r.stderr).toContain('nobody awaited me');
    expect(r.stdout).toBe('context stopped\n');
  });

  it('worker threads need their own registration (Node 20 does not inherit module.register hooks)', () => {
    const r = submit(['workers.mjs']);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({ plain: 'fail ERR_UNKNOWN_FILE_EXTENSION', registered: 'W!', preloaded: 'F!' });
  });

  it('on SIGINT stops the contexts and exits 130', async () => {
    const child = spawn(process.execPath, [replica.bin, 'forever.mjs'], { cwd: apps, env: { ...process.env, TSSPARK_CONF_DIR: confDir } });
    let out = '';
    const code = await new Promise<number | null>((res) => {
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if (out === 'running\n') child.kill('SIGINT');
      });
      child.on('exit', (c) => res(c));
    });
    expect(code).toBe(130);
    expect(out).toBe('running\ncontext stopped\n');
  });

  it('explains a .js app that Node reads as CommonJS', () => {
    const r = submit(['cjs/job.js']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Cannot use import statement outside a module');
    expect(r.stderr).toContain('rename it to .mjs');
  });

  it('--help exits 0 with the usage; --version prints the package version', () => {
    const h = submit(['--help']);
    expect(h.code).toBe(0);
    expect(h.stdout).toMatch(/^Usage: tsspark-submit \[options\] <app file/);
    const v = submit(['--version']);
    expect(v.code).toBe(0);
    expect(v.stdout).toBe('tsspark 9.9.9-replica\n');
  });

  it('rejects an unknown option, a missing app and a missing app file with exit 1', () => {
    const u = submit(['--bogus', 'app.ts']);
    expect(u.code).toBe(1);
    expect(u.stderr).toMatch(/^Error: Unrecognized option: --bogus\n\nUsage: tsspark-submit/);
    const none = submit(['--master', 'local']);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('Missing application resource');
    const missing = submit(['nope/app.ts']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe(`Error: application file not found: ${join(apps, 'nope', 'app.ts')}\n`);
    const wrongType = submit(['props.conf']);
    expect(wrongType.code).toBe(1);
    expect(wrongType.stderr).toContain('must end in .ts, .mts, .js, .mjs');
  });

  it('--verbose prints the arguments and the conf with secrets redacted', () => {
    const r = submit(['--verbose', '--conf', 'spark.authenticate.secret=hunter2', 'lifecycle.mjs']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Parsed arguments:');
    expect(r.stderr).toContain('spark.authenticate.secret=*********(redacted)');
    expect(r.stderr).not.toContain('hunter2');
  });

  it('the launcher says to build when dist/ is missing', () => {
    const bare = mkdtempSync(join(tmpdir(), 'tsspark-nodist-'));
    try {
      mkdirSync(join(bare, 'bin'));
      copyFileSync(join(REPO_ROOT, 'bin', 'tsspark-submit.mjs'), join(bare, 'bin', 'tsspark-submit.mjs'));
      const r = submit(['app.ts'], join(bare, 'bin', 'tsspark-submit.mjs'));
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('run npm run build first');
    } finally {
      rmSync(bare, { recursive: true, force: true });
    }
  });
});
