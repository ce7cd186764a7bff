// An executor process's memory metrics, named as Spark's ExecutorMetrics (peakMemoryMetrics in the REST API):
// sampled for each heartbeat, validated when they arrive at the driver, and folded into per-executor peaks.
// Only the process's peak RSS for now: tasks run on worker threads whose heaps the main thread's V8 cannot see.

export interface ExecutorMemoryMetrics {
  /** Peak resident set size of the executor process (getrusage's maxrss, so peaks between heartbeats count). */
  readonly ProcessTreeJVMRSSMemory: number;
}

/** This process's memory: the peak RSS since it started. */
export function sampleExecutorMetrics(): ExecutorMemoryMetrics {
  return { ProcessTreeJVMRSSMemory: Math.max(process.memoryUsage.rss(), process.resourceUsage().maxRSS * 1024) };
}

/** The larger of each metric (peaks only grow). */
export function maxMetrics(a: ExecutorMemoryMetrics | undefined, b: ExecutorMemoryMetrics): ExecutorMemoryMetrics {
  if (a === undefined) return b;
  return { ProcessTreeJVMRSSMemory: Math.max(a.ProcessTreeJVMRSSMemory, b.ProcessTreeJVMRSSMemory) };
}

/** Metrics from the wire (a heartbeat body), or undefined when absent or malformed (older executors send none). */
export function validateExecutorMetrics(v: unknown): ExecutorMemoryMetrics | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  const x = (v as Record<string, unknown>).ProcessTreeJVMRSSMemory;
  return typeof x === 'number' && Number.isFinite(x) && x >= 0 ? { ProcessTreeJVMRSSMemory: x } : undefined;
}
