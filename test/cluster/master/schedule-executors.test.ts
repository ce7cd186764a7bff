import { describe, expect, it } from 'vitest';
import { scheduleExecutors, type WorkerCapacity } from '../../../src/cluster/master/schedule-executors.js';

const w = (coresFree: number, memoryFreeMb = 8192, hasAppExecutor = false): WorkerCapacity => ({ coresFree, memoryFreeMb, hasAppExecutor });

describe('scheduleExecutors (Spark standalone placement)', () => {
  it('spreads one-core executors across workers round-robin', () => {
    const plan = scheduleExecutors({ coresLeft: 4, coresPerExecutor: 1, memoryPerExecutorMb: 1024 }, [w(4), w(4), w(4)], true);
    expect(plan.map((p) => p.length)).toEqual([2, 1, 1]);
  });

  it('fills one worker before the next when spreadOut is false', () => {
    const plan = scheduleExecutors({ coresLeft: 4, coresPerExecutor: 1, memoryPerExecutorMb: 1024 }, [w(4), w(4)], false);
    expect(plan).toEqual([[1, 1, 1, 1], []]);
  });

  it('without spark.executor.cores gives one executor per worker with all the cores it got there', () => {
    expect(scheduleExecutors({ coresLeft: Infinity, coresPerExecutor: undefined, memoryPerExecutorMb: 1024 }, [w(3), w(2)], true)).toEqual([[3], [2]]);
    expect(scheduleExecutors({ coresLeft: 3, coresPerExecutor: undefined, memoryPerExecutorMb: 1024 }, [w(4), w(4)], true)).toEqual([[2], [1]]);
    // a worker that already hosts this app's executor gets no second one
    expect(scheduleExecutors({ coresLeft: 8, coresPerExecutor: undefined, memoryPerExecutorMb: 1024 }, [w(4, 8192, true), w(4)], true)).toEqual([[], [4]]);
  });

  it('honours spark.cores.max, executor cores and memory', () => {
    expect(scheduleExecutors({ coresLeft: 5, coresPerExecutor: 2, memoryPerExecutorMb: 1024 }, [w(4), w(4)], true)).toEqual([[2], [2]]);
    // memory for only one executor on the first worker
    expect(scheduleExecutors({ coresLeft: 8, coresPerExecutor: 1, memoryPerExecutorMb: 1024 }, [w(4, 1500), w(4, 4096)], true)).toEqual([[1], [1, 1, 1, 1]]);
    // not enough free cores for one executor anywhere
    expect(scheduleExecutors({ coresLeft: 8, coresPerExecutor: 3, memoryPerExecutorMb: 1 }, [w(2), w(2)], true)).toEqual([[], []]);
  });
});
