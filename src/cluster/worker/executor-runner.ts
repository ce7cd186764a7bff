// One executor process on a worker: spawns `node --import <parent-watch> <tsspark>/dist/executor/main.js` (nothing
// from the wire) with its launch config in TSSPARK_EXECUTOR, stdout/stderr appended to
// <work-dir>/<app-id>/<executor-id>/{stdout,stderr}; reports how it ended: KILLED if asked, EXITED on 0, else FAILED.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { distEntry } from '../../common/dist-entry.js';
import type { ExecutorLaunchConfig } from '../../executor/main.js';
import type { ExecutorSettings, ExecutorState } from '../master/protocol.js';

export interface ExecutorSpec {
  readonly appId: string;
  readonly executorId: string;
  readonly cores: number;
  readonly memoryMb: number;
  readonly driverAddress: string;
  readonly settings: ExecutorSettings;
}

export interface RunnerContext {
  readonly host: string;
  readonly workDir: string;
  readonly secret: string | undefined;
}

const KILL_GRACE_MS = 5_000;

export class ExecutorRunner {
  state: ExecutorState = 'LAUNCHING';
  readonly dir: string;
  readonly startTime = Date.now();
  private child?: ChildProcess;
  private killed = false;
  private readonly exited: Promise<void>;
  private markExited!: () => void;

  constructor(
    readonly spec: ExecutorSpec,
    private readonly ctx: RunnerContext,
    private readonly onEnd: (runner: ExecutorRunner, state: ExecutorState, message: string) => void,
  ) {
    this.dir = path.join(ctx.workDir, spec.appId, spec.executorId);
    this.exited = new Promise((resolve) => (this.markExited = resolve));
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  logPath(kind: 'stdout' | 'stderr'): string {
    return path.join(this.dir, kind);
  }

  /** Spawns the process; throws when it cannot be started. */
  start(): void {
    fs.mkdirSync(this.dir, { recursive: true });
    const cfg: ExecutorLaunchConfig = {
      driverAddress: this.spec.driverAddress,
      executorId: this.spec.executorId,
      appId: this.spec.appId,
      host: this.ctx.host,
      cores: this.spec.cores,
      memoryBytes: this.spec.memoryMb * 1024 * 1024,
      memoryFraction: this.spec.settings.memoryFraction,
      localDir: path.join(this.dir, 'local'),
      compressShuffle: this.spec.settings.compressShuffle,
      heartbeatMs: this.spec.settings.heartbeatMs,
      moduleHooks: this.spec.settings.moduleHooks,
    };
    const env: NodeJS.ProcessEnv = { ...process.env, TSSPARK_EXECUTOR: JSON.stringify(cfg) };
    delete env.TSSPARK_SUBMIT_CONF;
    delete env.NODE_OPTIONS; // the worker's own node options are not the executor's business
    if (this.ctx.secret !== undefined) env.TSSPARK_AUTH_SECRET = this.ctx.secret;
    else delete env.TSSPARK_AUTH_SECRET;
    const out = fs.openSync(this.logPath('stdout'), 'a');
    const err = fs.openSync(this.logPath('stderr'), 'a');
    try {
      const watch = distEntry('cluster/worker/parent-watch.js').href;
      this.child = spawn(process.execPath, ['--import', watch, fileURLToPath(distEntry('executor/main.js'))], { env, cwd: this.dir, stdio: ['ignore', out, err] });
    } finally {
      fs.closeSync(out);
      fs.closeSync(err);
    }
    this.child.on('error', (e) => this.finish('FAILED', `cannot start executor: ${e.message}`));
    this.child.on('exit', (code, signal) => {
      if (this.killed) this.finish('KILLED', `killed (${signal ?? code})`);
      else if (code === 0) this.finish('EXITED', 'exited with code 0');
      else this.finish('FAILED', `exited with ${code === null ? `signal ${signal}` : `code ${code}`}`);
    });
    this.state = 'RUNNING';
  }

  /** SIGTERM, then SIGKILL after a grace period; resolves when the process is gone. */
  kill(): Promise<void> {
    if (this.child === undefined || this.child.exitCode !== null || this.child.signalCode !== null) return Promise.resolve();
    this.killed = true;
    this.child.kill('SIGTERM');
    const t = setTimeout(() => this.child?.kill('SIGKILL'), KILL_GRACE_MS);
    t.unref();
    return this.exited.finally(() => clearTimeout(t));
  }

  get finished(): boolean {
    return this.state !== 'LAUNCHING' && this.state !== 'RUNNING';
  }

  private finish(state: ExecutorState, message: string): void {
    if (this.finished) return;
    this.state = state;
    this.markExited();
    this.onEnd(this, state, message);
  }
}
