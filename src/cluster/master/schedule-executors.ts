// Spark's standalone executor placement (Master.scheduleExecutorsOnWorkers), as a pure function: how many cores
// an application gets on each usable worker. Spread out (the default) takes one executor's worth of cores from each
// worker in turn; otherwise each worker is filled before the next. Without a per-executor core count, an application
// gets one executor per worker holding all the cores it was given there.

export interface WorkerCapacity {
  readonly coresFree: number;
  readonly memoryFreeMb: number;
  /** This application already has an executor here (one-executor-per-worker mode then skips the worker). */
  readonly hasAppExecutor: boolean;
}

export interface AppDemand {
  /** Cores the application may still be granted (spark.cores.max minus granted; Infinity when unbounded). */
  readonly coresLeft: number;
  /** spark.executor.cores when set, else undefined (one executor per worker with all its free cores). */
  readonly coresPerExecutor: number | undefined;
  readonly memoryPerExecutorMb: number;
}

/** Cores of each new executor, per worker index (same order as `workers`); empty arrays where nothing launches. */
export function scheduleExecutors(app: AppDemand, workers: readonly WorkerCapacity[], spreadOut: boolean): number[][] {
  const oneExecutorPerWorker = app.coresPerExecutor === undefined;
  const minCores = app.coresPerExecutor ?? 1;
  const mem = app.memoryPerExecutorMb;
  const n = workers.length;
  const assignedCores = new Array<number>(n).fill(0);
  const assignedExecutors = new Array<number>(n).fill(0);
  let freeTotal = 0;
  for (const w of workers) freeTotal += Math.max(0, w.coresFree);
  let coresToAssign = Math.min(app.coresLeft, freeTotal);

  const canLaunch = (pos: number): boolean => {
    const w = workers[pos]!;
    if (coresToAssign < minCores) return false;
    if (w.coresFree - assignedCores[pos]! < minCores) return false;
    const launchingNew = !oneExecutorPerWorker || assignedExecutors[pos] === 0;
    if (!launchingNew) return true;
    if (oneExecutorPerWorker && w.hasAppExecutor) return false;
    return w.memoryFreeMb - assignedExecutors[pos]! * mem >= mem;
  };

  let free = workers.map((_, i) => i).filter(canLaunch);
  while (free.length > 0) {
    for (const pos of free) {
      let keep = true;
      while (keep && canLaunch(pos)) {
        coresToAssign -= minCores;
        assignedCores[pos]! += minCores;
        assignedExecutors[pos] = oneExecutorPerWorker ? 1 : assignedExecutors[pos]! + 1;
        if (spreadOut) keep = false;
      }
    }
    free = free.filter(canLaunch);
  }

  return assignedCores.map((cores) => {
    if (cores === 0) return [];
    if (oneExecutorPerWorker) return [cores];
    const per = app.coresPerExecutor!;
    return new Array<number>(Math.floor(cores / per)).fill(per);
  });
}
