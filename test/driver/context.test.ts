// SparkContext on local[2]: identity and settings (applicationId, defaultParallelism, setLogLevel), status-bus
// events of jobs and stages, reuse of a shuffle computed by an earlier job, and behaviour after stop().
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SparkContext, TsSparkError } from '../../src/index.js';
import type { StatusEvent } from '../../src/driver/status/status-events.js';

let sc: SparkContext;
beforeAll(() => { sc = new SparkContext({ master: 'local[2]', appName: 'driver-context' }); });
afterAll(() => sc.stop());

function recordEvents(): { events: StatusEvent[]; stop: () => void } {
  const events: StatusEvent[] = [];
  const stop = sc.statusBus.subscribe((e) => { events.push(e); });
  return { events, stop };
}

describe('cancellation', () => {
  // first in the file: the executors of the fresh context may still be starting when the first job is cancelled
  it('cancelJobGroup cancels a job waiting for executors and a running job; the context stays usable', async () => {
    const busy = (ms: number) => (x: number): number => {
      const t = Date.now();
      while (Date.now() - t < ms);
      return x;
    };
    sc.setJobGroup('early');
    const t0 = Date.now();
    const early = sc.range(0, 2, 1, 2).map(busy(4000)).collect();
    await new Promise((r) => setTimeout(r, 10));
    sc.cancelJobGroup('early');
    await expect(early).rejects.toThrow(expect.objectContaining({ code: 'JOB_CANCELLED' }));
    // cancelled long before its 4 s tasks could have finished
    expect(Date.now() - t0).toBeLessThan(3000);

    sc.setJobGroup('running');
    const started = new Promise<void>((resolve) => {
      const stop = sc.statusBus.subscribe((e) => { if (e.kind === 'task-start') { stop(); resolve(); } });
    });
    const running = sc.range(0, 2, 1, 2).map(busy(400)).collect();
    await started;
    sc.cancelJobGroup('other-group'); // not ours
    sc.cancelJobGroup('running');
    await expect(running).rejects.toThrow(expect.objectContaining({ code: 'JOB_CANCELLED' }));
    sc.clearJobGroup();
    expect(await sc.parallelize([1, 2, 3], 2).map((x) => x * 2).collect()).toEqual([2, 4, 6]);
  });
});

describe('settings', () => {
  it('applicationId, master, appName and defaultParallelism', () => {
    expect(sc.applicationId).toMatch(/^local-\d+$/);
    expect(sc.master).toBe('local[2]');
    expect(sc.appName).toBe('driver-context');
    expect(sc.defaultParallelism).toBe(2);
    expect(sc.parallelize([1, 2, 3]).getNumPartitions()).toBe(2);
    expect(sc.range(0, 10).getNumPartitions()).toBe(2);
  });

  it('setLogLevel accepts Spark\'s levels in any case and rejects others', () => {
    sc.setLogLevel('warn');
    expect(sc.conf.get('spark.log.level')).toBe('WARN');
    sc.setLogLevel('INFO');
    expect(sc.conf.get('spark.log.level')).toBe('INFO');
    expect(() => sc.setLogLevel('LOUD')).toThrow(TsSparkError);
    expect(sc.conf.get('spark.log.level')).toBe('INFO');
  });

  it('getOrCreate returns the active context', () => {
    expect(SparkContext.getOrCreate()).toBe(sc);
  });
});

describe('jobs and stages on the status bus', () => {
  it('a reduceByKey job posts job-start, two stage submissions and a successful job-end', async () => {
    const { events, stop } = recordEvents();
    const data = [...Array(30).keys()];
    const r = await sc.parallelize(data.map((x) => [x % 4, x] as [number, number]), 3).reduceByKey((a, b) => a + b, 2).collect();
    stop();
    expect(r).toHaveLength(4);
    const submitted = events.filter((e) => e.kind === 'stage-submitted');
    expect(submitted.map((e) => e.numTasks)).toEqual([3, 2]);
    const jobStart = events.find((e) => e.kind === 'job-start');
    const jobEnd = events.find((e) => e.kind === 'job-end');
    expect(jobStart?.kind === 'job-start' && jobStart.stageIds.length).toBe(2);
    expect(jobEnd?.kind === 'job-end' && jobEnd.succeeded).toBe(true);
    expect(events.filter((e) => e.kind === 'task-end')).toHaveLength(5);
  });

  it('a second action on the same reduceByKey RDD submits only the result stage', async () => {
    const data = [...Array(40).keys()];
    const reduced = sc.parallelize(data.map((x) => [x % 5, x] as [number, number]), 4).reduceByKey((a, b) => a + b, 3);
    const first = recordEvents();
    const sums = await reduced.collectAsMap();
    first.stop();
    expect(first.events.filter((e) => e.kind === 'stage-submitted')).toHaveLength(2);
    const second = recordEvents();
    expect(await reduced.count()).toBe(5);
    const mapped = await reduced.mapValues((v) => v * 2).collectAsMap();
    second.stop();
    const submitted = second.events.filter((e): e is Extract<StatusEvent, { kind: 'stage-submitted' }> => e.kind === 'stage-submitted');
    expect(submitted).toHaveLength(2); // one result stage per action, no map stage
    expect(submitted.every((e) => e.numTasks === 3)).toBe(true);
    const js = new Map<number, number>();
    for (const x of data) js.set(x % 5, (js.get(x % 5) ?? 0) + x);
    expect(sums).toEqual(js);
    expect(mapped).toEqual(new Map([...js].map(([k, v]) => [k, v * 2])));
  });

  it('concurrent actions on one reduceByKey RDD share its map stage', async () => {
    const { events, stop } = recordEvents();
    const data = [...Array(1000).keys()];
    const reduced = sc.parallelize(data.map((x) => [x % 10, x] as [number, number]), 4).reduceByKey((a, b) => a + b, 3);
    const [n, rows, total] = await Promise.all([reduced.count(), reduced.collect(), sc.parallelize(data, 2).sum()]);
    stop();
    expect(n).toBe(10);
    expect(rows.reduce((a, [, v]) => a + v, 0)).toBe(data.reduce((a, b) => a + b, 0));
    expect(total).toBe(data.reduce((a, b) => a + b, 0));
    const submitted = events.filter((e): e is Extract<StatusEvent, { kind: 'stage-submitted' }> => e.kind === 'stage-submitted');
    expect(submitted.filter((e) => e.numTasks === 4)).toHaveLength(1); // the shared map stage
    expect(submitted.filter((e) => e.numTasks === 3)).toHaveLength(2); // one result stage per action
  });

  it('a failed job posts job-end with succeeded=false and the error', async () => {
    const { events, stop } = recordEvents();
    await expect(sc.parallelize([1, 2], 2).map(() => { throw new Error('status-bus failure'); }).count()).rejects.toThrow('status-bus failure');
    stop();
    const end = events.find((e) => e.kind === 'job-end');
    expect(end?.kind === 'job-end' && !end.succeeded && end.error?.includes('status-bus failure')).toBe(true);
  });
});

describe('stop', () => {
  it('a stopped context refuses new work', async () => {
    const pending = sc.parallelize([1, 2, 3], 1);
    await sc.stop();
    expect(sc.isStopped).toBe(true);
    expect(() => sc.parallelize([1])).toThrow(expect.objectContaining({ code: 'CONTEXT_STOPPED' }));
    await expect(pending.count()).rejects.toThrow(expect.objectContaining({ code: 'CONTEXT_STOPPED' }));
    await sc.stop(); // idempotent
  });
});
