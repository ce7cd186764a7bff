// The standalone master's model: workers, applications and their executors, changed only through these methods
// (RPC handlers and the timer call them). Side effects on workers go through the injected MasterEffects.
import { TsSparkError } from '../../common/errors.js';
import { isFinishedState, type ExecutorSettings, type ExecutorState } from './protocol.js';
import { scheduleExecutors } from './schedule-executors.js';

export type WorkerState = 'ALIVE' | 'DEAD';
export type AppState = 'WAITING' | 'RUNNING' | 'FINISHED' | 'KILLED' | 'FAILED';

export interface ExecutorDesc {
  readonly appId: string;
  readonly id: string;
  readonly workerId: string;
  readonly host: string;
  readonly cores: number;
  readonly memoryMb: number;
  state: ExecutorState;
}

export interface WorkerInfo {
  readonly id: string;
  readonly host: string;
  readonly port: number;
  readonly webuiPort: number;
  readonly cores: number;
  readonly memoryMb: number;
  coresUsed: number;
  memoryUsedMb: number;
  state: WorkerState;
  lastHeartbeat: number;
  readonly executors: Map<string, ExecutorDesc>; // key `${appId}/${executorId}`
}

export interface AppDescription {
  readonly id: string;
  readonly name: string;
  readonly user: string;
  readonly driverAddress: string;
  readonly coresMax: number; // Infinity when unbounded
  readonly coresPerExecutor: number | undefined;
  readonly memoryPerExecutorMb: number;
  readonly executorSettings: ExecutorSettings;
}

export interface AppInfo {
  readonly desc: AppDescription;
  readonly startTime: number;
  state: AppState;
  endTime: number | undefined;
  lastHeartbeat: number;
  uiUrl: string | undefined;
  coresGranted: number;
  readonly executors: Map<string, ExecutorDesc>;
  readonly removed: Array<{ executorId: string; reason: string }>;
  nextExecutorId: number;
  failedExecutors: number;
}

/** What the master asks of workers; calls are fire-and-forget, failures come back as executorStateChanged. */
export interface MasterEffects {
  launchExecutor(worker: WorkerInfo, app: AppInfo, exec: ExecutorDesc): void;
  killExecutor(worker: WorkerInfo, exec: ExecutorDesc): void;
  applicationFinished(worker: WorkerInfo, appId: string): void;
  log(line: string): void;
}

export interface MasterPolicy {
  readonly workerTimeoutMs: number;
  readonly appTimeoutMs: number;
  readonly spreadOut: boolean;
  readonly retainedApplications: number;
  readonly maxExecutorRetries: number;
  /** Dead workers stay listed for this many worker timeouts (spark.dead.worker.persistence). */
  readonly deadWorkerPersistence: number;
}

const MAX_REMOVED_REMEMBERED = 1000;

export class MasterState {
  readonly workers = new Map<string, WorkerInfo>();
  readonly apps = new Map<string, AppInfo>();
  readonly completedApps: AppInfo[] = [];
  readonly startTime = Date.now();

  constructor(private readonly policy: MasterPolicy, private readonly effects: MasterEffects) {}

  registerWorker(w: { id: string; host: string; port: number; webuiPort: number; cores: number; memoryMb: number }, now = Date.now()): void {
    const old = this.workers.get(w.id);
    if (old?.state === 'ALIVE') throw new TsSparkError('INVALID_ARGUMENT', `Duplicate worker ID ${w.id}`);
    for (const other of this.workers.values()) {
      // a worker restarted on the same address replaces its dead predecessor's entry
      if (other.state === 'DEAD' && other.host === w.host && other.port === w.port) this.workers.delete(other.id);
    }
    this.workers.set(w.id, { ...w, coresUsed: 0, memoryUsedMb: 0, state: 'ALIVE', lastHeartbeat: now, executors: new Map() });
    this.effects.log(`Registering worker ${w.host}:${w.port} with ${w.cores} cores, ${w.memoryMb} MiB RAM`);
    this.schedule();
  }

  workerHeartbeat(workerId: string, now = Date.now()): boolean {
    const w = this.workers.get(workerId);
    if (!w || w.state !== 'ALIVE') return false;
    w.lastHeartbeat = now;
    return true;
  }

  registerApp(desc: AppDescription, now = Date.now()): void {
    if (this.apps.has(desc.id) || this.completedApps.some((a) => a.desc.id === desc.id)) {
      throw new TsSparkError('INVALID_ARGUMENT', `application ${desc.id} is already registered`);
    }
    this.apps.set(desc.id, {
      desc, startTime: now, state: 'WAITING', endTime: undefined, lastHeartbeat: now, uiUrl: undefined,
      coresGranted: 0, executors: new Map(), removed: [], nextExecutorId: 0, failedExecutors: 0,
    });
    this.effects.log(`Registered app ${desc.name} with ID ${desc.id}`);
    this.schedule();
  }

  /** The driver's heartbeat: undefined when the app is unknown (or over), else executors removed so far. */
  appHeartbeat(appId: string, uiUrl: string | undefined, now = Date.now()): ReadonlyArray<{ executorId: string; reason: string }> | undefined {
    const app = this.apps.get(appId);
    if (!app) return undefined;
    app.lastHeartbeat = now;
    if (uiUrl !== undefined) app.uiUrl = uiUrl;
    return app.removed;
  }

  finishApp(appId: string, state: AppState, now = Date.now()): void {
    const app = this.apps.get(appId);
    if (!app) return;
    this.apps.delete(appId);
    app.state = state;
    app.endTime = now;
    const hosts = new Set<WorkerInfo>();
    for (const e of app.executors.values()) {
      const w = this.workers.get(e.workerId);
      if (w) {
        this.releaseOnWorker(w, e);
        if (w.state === 'ALIVE') this.effects.killExecutor(w, e);
      }
    }
    app.executors.clear();
    for (const w of this.workers.values()) if (w.state === 'ALIVE') hosts.add(w);
    for (const w of hosts) this.effects.applicationFinished(w, appId);
    this.completedApps.push(app);
    if (this.completedApps.length > this.policy.retainedApplications) this.completedApps.splice(0, this.completedApps.length - this.policy.retainedApplications);
    this.effects.log(`Removing app ${appId} (${state})`);
    this.schedule();
  }

  executorStateChanged(workerId: string, appId: string, executorId: string, state: ExecutorState, message: string): void {
    const app = this.apps.get(appId);
    const exec = app?.executors.get(executorId);
    if (!app || !exec) return; // late report for an app or executor already gone
    if (exec.workerId !== workerId) throw new TsSparkError('INVALID_ARGUMENT', `executor ${appId}/${executorId} does not run on worker ${workerId}`);
    exec.state = state;
    if (state === 'RUNNING') {
      app.state = 'RUNNING';
      return;
    }
    if (!isFinishedState(state)) return;
    this.removeExecutor(app, exec, `Executor ${state.toLowerCase()}${message ? `: ${message}` : ''}`);
    if (state === 'FAILED' && ++app.failedExecutors >= this.policy.maxExecutorRetries && ![...app.executors.values()].some((e) => e.state === 'RUNNING')) {
      this.effects.log(`Application ${appId} failed ${app.failedExecutors} times; removing it`);
      this.finishApp(appId, 'FAILED');
      return;
    }
    this.schedule();
  }

  /** Timer: workers and drivers that stopped heartbeating. */
  checkTimeouts(now = Date.now()): void {
    for (const w of [...this.workers.values()]) {
      if (w.state === 'ALIVE' && now - w.lastHeartbeat > this.policy.workerTimeoutMs) {
        this.effects.log(`Removing worker ${w.id} on ${w.host}:${w.port}: no heartbeat in ${now - w.lastHeartbeat} ms`);
        this.markWorkerDead(w);
      } else if (w.state === 'DEAD' && now - w.lastHeartbeat > this.policy.workerTimeoutMs * (this.policy.deadWorkerPersistence + 1)) {
        this.workers.delete(w.id);
      }
    }
    for (const app of [...this.apps.values()]) {
      if (now - app.lastHeartbeat > this.policy.appTimeoutMs) {
        this.effects.log(`Application ${app.desc.id}: driver silent for ${now - app.lastHeartbeat} ms; killing its executors`);
        this.finishApp(app.desc.id, 'KILLED', now);
      }
    }
  }

  private markWorkerDead(w: WorkerInfo): void {
    w.state = 'DEAD';
    for (const e of [...w.executors.values()]) {
      const app = this.apps.get(e.appId);
      if (app) this.removeExecutor(app, e, `Worker ${w.id} lost`);
      else this.releaseOnWorker(w, e);
    }
    this.schedule();
  }

  private removeExecutor(app: AppInfo, e: ExecutorDesc, reason: string): void {
    if (!app.executors.delete(e.id)) return;
    app.coresGranted -= e.cores;
    app.removed.push({ executorId: e.id, reason });
    if (app.removed.length > MAX_REMOVED_REMEMBERED) app.removed.splice(0, app.removed.length - MAX_REMOVED_REMEMBERED);
    const w = this.workers.get(e.workerId);
    if (w) this.releaseOnWorker(w, e);
  }

  private releaseOnWorker(w: WorkerInfo, e: ExecutorDesc): void {
    if (w.executors.delete(`${e.appId}/${e.id}`)) {
      w.coresUsed -= e.cores;
      w.memoryUsedMb -= e.memoryMb;
    }
  }

  /** Spark's Master.schedule for executors: waiting applications in submission order, placed by scheduleExecutors. */
  private schedule(): void {
    for (const app of this.apps.values()) {
      const coresLeft = app.desc.coresMax - app.coresGranted;
      const minCores = app.desc.coresPerExecutor ?? 1;
      if (coresLeft < minCores) continue;
      const usable = [...this.workers.values()]
        .filter((w) => w.state === 'ALIVE' && w.cores - w.coresUsed >= minCores && w.memoryMb - w.memoryUsedMb >= app.desc.memoryPerExecutorMb)
        .sort((a, b) => b.cores - b.coresUsed - (a.cores - a.coresUsed));
      const plan = scheduleExecutors(
        { coresLeft, coresPerExecutor: app.desc.coresPerExecutor, memoryPerExecutorMb: app.desc.memoryPerExecutorMb },
        usable.map((w) => ({ coresFree: w.cores - w.coresUsed, memoryFreeMb: w.memoryMb - w.memoryUsedMb, hasAppExecutor: [...w.executors.values()].some((e) => e.appId === app.desc.id) })),
        this.policy.spreadOut,
      );
      plan.forEach((execs, i) => {
        const w = usable[i]!;
        for (const cores of execs) this.launch(app, w, cores);
      });
    }
  }

  private launch(app: AppInfo, w: WorkerInfo, cores: number): void {
    const exec: ExecutorDesc = { appId: app.desc.id, id: String(app.nextExecutorId++), workerId: w.id, host: w.host, cores, memoryMb: app.desc.memoryPerExecutorMb, state: 'LAUNCHING' };
    app.executors.set(exec.id, exec);
    app.coresGranted += cores;
    w.executors.set(`${exec.appId}/${exec.id}`, exec);
    w.coresUsed += cores;
    w.memoryUsedMb += exec.memoryMb;
    this.effects.log(`Launching executor ${exec.appId}/${exec.id} on worker ${w.id} (${cores} cores, ${exec.memoryMb} MiB)`);
    this.effects.launchExecutor(w, app, exec);
  }
}
