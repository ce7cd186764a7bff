// The master's state as Spark's master serves it at /json (JsonProtocol.writeMasterState field names): memory in
// MiB, times in epoch ms, submitdate as a date string.
import type { AppInfo, MasterState, WorkerInfo } from './master-state.js';

export interface WorkerJson {
  readonly id: string;
  readonly host: string;
  readonly port: number;
  readonly webuiaddress: string;
  readonly cores: number;
  readonly coresused: number;
  readonly coresfree: number;
  readonly memory: number;
  readonly memoryused: number;
  readonly memoryfree: number;
  readonly state: 'ALIVE' | 'DEAD';
  readonly lastheartbeat: number;
}

export interface AppJson {
  readonly id: string;
  readonly starttime: number;
  readonly name: string;
  readonly cores: number;
  readonly user: string;
  readonly memoryperexecutor: number;
  readonly memoryperslave: number;
  readonly submitdate: string;
  readonly state: string;
  readonly duration: number;
}

export interface MasterJson {
  readonly url: string;
  readonly workers: WorkerJson[];
  readonly aliveworkers: number;
  readonly cores: number;
  readonly coresused: number;
  readonly memory: number;
  readonly memoryused: number;
  readonly activeapps: AppJson[];
  readonly completedapps: AppJson[];
  readonly activedrivers: never[];
  readonly completeddrivers: never[];
  readonly status: 'ALIVE';
}

export function workerJson(w: WorkerInfo): WorkerJson {
  return {
    id: w.id,
    host: w.host,
    port: w.port,
    webuiaddress: w.webuiPort > 0 ? `http://${w.host}:${w.webuiPort}` : '',
    cores: w.cores,
    coresused: w.coresUsed,
    coresfree: w.cores - w.coresUsed,
    memory: w.memoryMb,
    memoryused: w.memoryUsedMb,
    memoryfree: w.memoryMb - w.memoryUsedMb,
    state: w.state,
    lastheartbeat: w.lastHeartbeat,
  };
}

export function appJson(a: AppInfo, now: number): AppJson {
  return {
    id: a.desc.id,
    starttime: a.startTime,
    name: a.desc.name,
    cores: a.coresGranted, // held now, or when the application ended
    user: a.desc.user,
    memoryperexecutor: a.desc.memoryPerExecutorMb,
    memoryperslave: a.desc.memoryPerExecutorMb,
    submitdate: new Date(a.startTime).toString(),
    state: a.state,
    duration: (a.endTime ?? now) - a.startTime,
  };
}

export function masterJson(state: MasterState, url: string, now: number = Date.now()): MasterJson {
  const workers = [...state.workers.values()];
  const alive = workers.filter((w) => w.state === 'ALIVE');
  return {
    url,
    workers: workers.map(workerJson),
    aliveworkers: alive.length,
    cores: alive.reduce((s, w) => s + w.cores, 0),
    coresused: alive.reduce((s, w) => s + w.coresUsed, 0),
    memory: alive.reduce((s, w) => s + w.memoryMb, 0),
    memoryused: alive.reduce((s, w) => s + w.memoryUsedMb, 0),
    activeapps: [...state.apps.values()].map((a) => appJson(a, now)),
    completedapps: [...state.completedApps].reverse().map((a) => appJson(a, now)),
    activedrivers: [],
    completeddrivers: [],
    status: 'ALIVE',
  };
}
