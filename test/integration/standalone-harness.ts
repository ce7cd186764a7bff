// Helpers for the standalone integration tests: start tsspark-master / tsspark-worker / tsspark-submit as real
// processes from bin/ (dist must be built), parse the "started" line for the bound ports, poll /json.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface Daemon {
  readonly proc: ChildProcess;
  readonly info: Readonly<Record<string, string>>;
  readonly output: () => string;
}

/** Spawns bin/tsspark-<name>.mjs and resolves with the key=value pairs of its "tsspark-<name> started:" line. */
export function startDaemon(name: 'master' | 'worker', args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<Daemon> {
  const proc = spawn(process.execPath, [path.join(ROOT, 'bin', `tsspark-${name}.mjs`), ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  proc.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  proc.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`tsspark-${name} did not start:\n${out}`)), 20_000);
    const onData = (): void => {
      const line = out.split('\n').find((l) => l.startsWith(`tsspark-${name} started:`));
      if (!line) return;
      clearTimeout(timer);
      proc.stdout!.off('data', onData);
      const info = Object.fromEntries(line.split(' ').filter((p) => p.includes('=')).map((p) => [p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1)]));
      resolve({ proc, info, output: () => out });
    };
    proc.stdout!.on('data', onData);
    proc.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`tsspark-${name} exited with ${code}:\n${out}`));
    });
  });
}

export interface Submitted {
  readonly proc: ChildProcess;
  readonly done: Promise<{ code: number | null; stdout: string; stderr: string }>;
}

export function submit(args: readonly string[], env: NodeJS.ProcessEnv = {}): Submitted {
  const proc = spawn(process.execPath, [path.join(ROOT, 'bin', 'tsspark-submit.mjs'), ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  proc.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  proc.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => proc.on('exit', (code) => resolve({ code, stdout, stderr })));
  return { proc, done };
}

export interface MasterJsonView {
  url: string;
  status: string;
  workers: Array<{ id: string; state: string; cores: number; coresused: number; webuiaddress: string; port: number }>;
  activeapps: Array<{ id: string; name: string; state: string; cores: number }>;
  completedapps: Array<{ id: string; name: string; state: string }>;
}

export async function masterJson(webuiPort: string | number): Promise<MasterJsonView> {
  const res = await fetch(`http://127.0.0.1:${webuiPort}/json`);
  return (await res.json()) as MasterJsonView;
}

export async function waitFor<T>(f: () => Promise<T> | T, ok: (v: T) => boolean, timeoutMs = 20_000, what = 'condition'): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < end) {
    try {
      last = await f();
      if (ok(last)) return last;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}; last value: ${JSON.stringify(last)}`);
}

/** SIGTERM, then SIGKILL if it lingers. */
export async function stopProcess(p: ChildProcess | undefined): Promise<void> {
  if (!p || p.exitCode !== null || p.signalCode !== null) return;
  const exited = new Promise<void>((r) => p.once('exit', () => r()));
  p.kill('SIGTERM');
  const t = setTimeout(() => p.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(t);
}
