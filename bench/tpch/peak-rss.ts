// Peak resident set size around each benchmark query: the driver process's own (on Linux its VmHWM, reset before
// each query through /proc/self/clear_refs; elsewhere sampled every 20 ms) and, on masters with executor processes,
// theirs as their heartbeats report it (REST allexecutors peakMemoryMetrics.ProcessTreeJVMRSSMemory).
import fs from 'node:fs';

const hwmBytes = (): number | undefined => {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'));
    return m ? Number(m[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
};

/** The driver process's peak RSS between start() and stop(). On local[N] the executor's task threads live in
 *  this process, so this covers them too. */
export class DriverPeakRss {
  private exact = false;
  private sampled = 0;
  private timer: NodeJS.Timeout | undefined;

  start(): void {
    this.stop();
    try {
      fs.writeFileSync('/proc/self/clear_refs', '5'); // Linux: reset the process's peak RSS to its current RSS
      this.exact = hwmBytes() !== undefined;
    } catch {
      this.exact = false;
    }
    this.sampled = process.memoryUsage.rss();
    if (!this.exact) {
      this.timer = setInterval(() => { this.sampled = Math.max(this.sampled, process.memoryUsage.rss()); }, 20);
      this.timer.unref();
    }
  }

  /** Peak bytes since start() (the current RSS when start() was never called). */
  stop(): number {
    clearInterval(this.timer);
    this.timer = undefined;
    const now = process.memoryUsage.rss();
    return Math.max(now, this.sampled, this.exact ? hwmBytes() ?? 0 : 0);
  }
}

interface RestExecutor { readonly id?: unknown; readonly peakMemoryMetrics?: { readonly ProcessTreeJVMRSSMemory?: unknown } }

/** The largest peak RSS any executor process (not the driver) reported so far, or null when the master has none
 *  or they report nothing; read from the driver's REST API at uiUrl. Peaks are per process lifetime. */
export async function executorsPeakRss(uiUrl: string | null | undefined, appId: string | undefined): Promise<number | null> {
  if (uiUrl === undefined || uiUrl === null || appId === undefined) return null;
  try {
    const res = await fetch(`${uiUrl}/api/v1/applications/${encodeURIComponent(appId)}/allexecutors`);
    if (!res.ok) return null;
    const xs = (await res.json()) as RestExecutor[];
    let peak: number | null = null;
    for (const x of xs) {
      const v = x.peakMemoryMetrics?.ProcessTreeJVMRSSMemory;
      if (x.id !== 'driver' && typeof v === 'number') peak = Math.max(peak ?? 0, v);
    }
    return peak;
  } catch {
    return null;
  }
}

/** True when the master runs tasks as threads of the driver process. */
export const tasksInDriver = (master: string): boolean => /^local(\[[^\]]*\])?$/.test(master);

export const mib = (bytes: number | null): string => (bytes === null ? '-' : `${Math.round(bytes / (1024 * 1024))}`);
