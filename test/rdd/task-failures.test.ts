// Failures on local[2] (one attempt per task, as Spark's local mode): a throwing user function fails the job with
// the user's message and the executor-side stack; unshippable closures fail before any task; the context survives.
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SparkContext, TsSparkError } from '../../src/index.js';

let sc: SparkContext;
const taskStarts: number[] = [];
beforeAll(() => {
  sc = new SparkContext({ master: 'local[2]', appName: 'rdd-failures' });
  sc.statusBus.subscribe((e) => { if (e.kind === 'task-start') taskStarts.push(e.taskId); });
});
afterAll(() => sc.stop());

async function failure(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected the job to fail');
}

describe('user function errors', () => {
  it('a throwing map rejects with the user message and the executor-side stack', async () => {
    function explodeOn(x: number): number {
      if (x === 7) throw new Error(`boom at ${x}: user failure`);
      return x;
    }
    const err = await failure(sc.parallelize([1, 5, 7, 9], 2).map((x) => explodeOn(x)).collect());
    expect(err.message).toContain('boom at 7: user failure');
    const text = `${err.message}\n${err.stack ?? ''}`;
    expect(text).toContain('explodeOn'); // the frame of the user function as it ran on the executor
    expect(text).toMatch(/Lost task|executor/i);
  });

  it('errors inside shuffle-map stages, reduce functions and foreach fail the job too', async () => {
    const pairs = sc.parallelize([['a', 1], ['b', 2], ['a', 3]] as Array<[string, number]>, 2);
    const e1 = await failure(pairs.reduceByKey(() => { throw new Error('merge failed'); }).collect());
    expect(e1.message).toContain('merge failed');
    const e2 = await failure(pairs.foreach(([k]) => { if (k === 'b') throw new TypeError('bad key b'); }));
    expect(e2.message).toContain('bad key b');
    const e3 = await failure(sc.parallelize([1, 2, 3], 3).mapPartitions(function* (it) {
      for (const x of it) {
        if (x === 3) throw new RangeError('generator failed');
        yield x;
      }
    }).count());
    expect(e3.message).toContain('generator failed');
  });

  it('a map stage that failed is recomputed by the next action on the same RDD; concurrent jobs on it all fail', async () => {
    const os = process.getBuiltinModule('node:os') as typeof import('node:os');
    const marker = `${os.tmpdir()}/tsspark-failed-map-${process.pid}-${Date.now()}`;
    const pairs = [...Array(40).keys()].map((x) => [x % 4, x] as [number, number]);
    const reduced = sc.parallelize(pairs, 4).mapPartitionsWithIndex((i, it) => {
      const nodeFs = process.getBuiltinModule('node:fs') as typeof import('node:fs');
      if (i === 2 && !nodeFs.existsSync(marker)) {
        nodeFs.writeFileSync(marker, '');
        throw new Error('map partition 2 failed once');
      }
      return it;
    }, true).reduceByKey((a, b) => a + b, 2);
    try {
      const [a, b] = await Promise.allSettled([reduced.collect(), reduced.count()]);
      expect(a.status).toBe('rejected');
      expect(b.status).toBe('rejected');
      expect(String((a as PromiseRejectedResult).reason.message)).toContain('map partition 2 failed once');
      const js = new Map<number, number>();
      for (const [k, v] of pairs) js.set(k, (js.get(k) ?? 0) + v);
      expect(await reduced.collectAsMap()).toEqual(js);
    } finally {
      (process.getBuiltinModule('node:fs') as typeof import('node:fs')).rmSync(marker, { force: true });
    }
  });

  it('the context stays usable after failed jobs', async () => {
    await failure(sc.parallelize([1], 1).map(() => { throw new Error('once more'); }).count());
    const data = [...Array(50).keys()];
    expect(await sc.parallelize(data, 4).map((x) => x * x).sum()).toBe(data.reduce((a, x) => a + x * x, 0));
    const r = await sc.parallelize(data.map((x) => [x % 3, x] as [number, number]), 3).reduceByKey((a, b) => a + b).collectAsMap();
    expect([...r.values()].reduce((a, b) => a + b, 0)).toBe(data.reduce((a, b) => a + b, 0));
  });
});

describe('closures that cannot be shipped', () => {
  it('a captured socket rejects with CLOSURE_NOT_SERIALIZABLE naming the variable, before any task', async () => {
    const mySocket = new net.Socket();
    try {
      const before = taskStarts.length;
      let err: unknown;
      try {
        await sc.parallelize([1, 2, 3], 2).map((x) => (mySocket.destroyed ? x : -x)).collect();
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(TsSparkError);
      expect((err as TsSparkError).code).toBe('CLOSURE_NOT_SERIALIZABLE');
      expect((err as Error).message).toContain('mySocket');
      expect(taskStarts.length).toBe(before);
    } finally {
      mySocket.destroy();
    }
  });

  it('an unshippable value deep inside a captured object is named by its path', async () => {
    const holder = { config: { limit: 2 }, conn: new net.Socket() };
    try {
      const before = taskStarts.length;
      const err = await failure(sc.parallelize([1, 2, 3], 2).filter((x) => x < holder.config.limit).count());
      expect((err as TsSparkError).code).toBe('CLOSURE_NOT_SERIALIZABLE');
      expect(err.message).toContain('holder');
      expect(taskStarts.length).toBe(before);
    } finally {
      holder.conn.destroy();
    }
  });

  it('an instance of a class with a custom prototype is refused, naming the variable', async () => {
    class Point {
      constructor(readonly x: number) {}
      norm(): number { return Math.abs(this.x); }
    }
    const origin = new Point(-3);
    const before = taskStarts.length;
    const err = await failure(sc.parallelize([1, 2], 2).map((x) => x + origin.norm()).collect());
    expect((err as TsSparkError).code).toBe('CLOSURE_NOT_SERIALIZABLE');
    expect(err.message).toContain('origin');
    expect(taskStarts.length).toBe(before);
  });

  it('capturing the SparkContext or an RDD is refused', async () => {
    const localSc = sc;
    const other = sc.parallelize([1], 1);
    const e1 = await failure(sc.parallelize([1], 1).map((x) => localSc.defaultParallelism + x).collect());
    expect((e1 as TsSparkError).code).toBe('CLOSURE_NOT_SERIALIZABLE');
    expect(e1.message).toContain('localSc');
    const e2 = await failure(sc.parallelize([1], 1).map((x) => other.getNumPartitions() + x).collect());
    expect((e2 as TsSparkError).code).toBe('CLOSURE_NOT_SERIALIZABLE');
    expect(e2.message).toContain('other');
  });
});

describe('async functions', () => {
  it('are refused where they are written, except in foreachPartition', async () => {
    const sc2 = new SparkContext({ master: 'local[1]', appName: 'async-check' });
    try {
      const rdd = sc2.parallelize([1, 2, 3]);
      expect(() => rdd.map(async (x) => x * 2)).toThrow(/map function is async/);
      expect(() => rdd.filter((async () => true) as unknown as () => boolean)).toThrow(/filter function is async/);
      const seen: number[] = [];
      await rdd.foreachPartition(async (iter) => { for (const x of iter) seen.push(x); });
      expect(seen).toEqual([]); // runs on executors: the driver's array is untouched
    } finally {
      await sc2.stop();
    }
  });
});

describe('lexical this', () => {
  it('an arrow function that reads this from a method is refused before any task runs, naming this', async () => {
    const sc3 = new SparkContext({ master: 'local[1]', appName: 'this-check' });
    try {
      class Job {
        factor = 3;
        run() { return sc3.parallelize([1, 2]).map((x) => x * this.factor).collect(); }
      }
      await expect(new Job().run()).rejects.toThrow(/uses 'this'/);
    } finally {
      await sc3.stop();
    }
  });
});
