// The tasks of one stage attempt: which partitions still need a successful attempt, which are running where,
// and how often each has failed (Spark's TaskSetManager, without delay scheduling).

export interface RunningTask {
  readonly taskId: number;
  readonly partition: number;
  readonly attempt: number;
  readonly executorId: string;
  readonly startTime: number;
}

export class TaskSet {
  readonly pending: number[];
  readonly running = new Map<number, RunningTask>();
  readonly succeeded = new Set<number>();
  readonly failures = new Map<number, number>();
  readonly attemptsStarted = new Map<number, number>();
  /** Executors on which a partition has failed: retried elsewhere when possible. */
  readonly failedOn = new Map<number, Set<string>>();
  zombie = false;
  private durationSum = 0;
  private durationCount = 0;

  constructor(
    readonly stageId: number,
    readonly stageAttempt: number,
    readonly partitions: readonly number[],
    readonly jobId: number,
    /** partition → executor holding a cached block it reads. */
    readonly preferred?: ReadonlyMap<number, string>,
  ) {
    this.pending = [...partitions];
  }

  get isDone(): boolean {
    return this.succeeded.size === this.partitions.length;
  }

  recordDuration(ms: number): void {
    this.durationSum += ms;
    this.durationCount++;
  }

  /** Tasks per slot to keep in flight: 1, or up to 64 once finished tasks show they take only a few milliseconds. */
  pipelineDepth(): number {
    if (this.durationCount < 4) return 1;
    const avg = this.durationSum / this.durationCount;
    return avg < 2 ? 64 : avg < 10 ? 16 : 1;
  }

  /** Next pending partition runnable on `executorId`, preferring partitions that did not fail there. */
  takeFor(executorId: string, executorCount: number, alive: (executorId: string) => boolean = () => false): number | undefined {
    if (this.zombie || this.pending.length === 0) return undefined;
    if (this.preferred) {
      // locality first: a partition whose cached input lives here, then one with no preference
      const local = this.pending.findIndex((p) => this.preferred!.get(p) === executorId && !this.failedOn.get(p)?.has(executorId));
      if (local >= 0) return this.pending.splice(local, 1)[0];
      // no preference, or its preferred executor is gone; partitions cached on a live executor wait for it
      const free = this.pending.findIndex((p) => !alive(this.preferred!.get(p) ?? ''));
      if (free >= 0) return this.pending.splice(free, 1)[0];
      return undefined;
    }
    // the common case (no failures to route around): FIFO, O(1)
    if (this.failedOn.size === 0) return this.pending.shift();
    const i = this.pending.findIndex((p) => !(this.failedOn.get(p)?.has(executorId)) || (this.failedOn.get(p)?.size ?? 0) >= executorCount);
    if (i < 0) return undefined;
    return i === 0 ? this.pending.shift() : this.pending.splice(i, 1)[0];
  }

  nextAttempt(partition: number): number {
    const n = this.attemptsStarted.get(partition) ?? 0;
    this.attemptsStarted.set(partition, n + 1);
    return n;
  }

  recordFailure(partition: number, executorId: string): number {
    const n = (this.failures.get(partition) ?? 0) + 1;
    this.failures.set(partition, n);
    let s = this.failedOn.get(partition);
    if (!s) this.failedOn.set(partition, (s = new Set()));
    s.add(executorId);
    return n;
  }
}
