import { describe, expect, it } from 'vitest';
import { flags } from '../../bench/tpch/cli.js';
import { DriverPeakRss, tasksInDriver } from '../../bench/tpch/peak-rss.js';
import { formatReport, type BenchReport } from '../../bench/tpch/run-command.js';

describe('TPC-H runner: peak RSS and --conf', () => {
  it('sees a transient allocation in the driver peak', () => {
    const p = new DriverPeakRss();
    p.start();
    let b: Buffer | undefined = Buffer.alloc(200 * 1024 * 1024, 1); // touched, so resident
    const during = process.memoryUsage.rss();
    b = undefined;
    const peak = p.stop();
    expect(b).toBeUndefined();
    expect(peak).toBeGreaterThanOrEqual(during * 0.98);
    expect(peak).toBeGreaterThan(150 * 1024 * 1024);
  });

  it('knows which masters run tasks inside the driver', () => {
    expect(['local', 'local[2]', 'local[*]', 'local[2,3]'].map(tasksInDriver)).toEqual([true, true, true, true]);
    expect(['local-cluster[2,1,512]', 'spark://h:7077'].map(tasksInDriver)).toEqual([false, false]);
  });

  it('parses repeated --conf key=value pairs in order beside the other flags', () => {
    const { f, conf } = flags(['--data', 'd', '--conf', 'spark.executor.memory=2g', '--conf=spark.sql.shuffle.partitions=8', '--no-check', '--timeout=60']);
    expect(conf).toEqual([['spark.executor.memory', '2g'], ['spark.sql.shuffle.partitions', '8']]);
    expect([...f.entries()]).toEqual([['data', 'd'], ['no-check', 'true'], ['timeout', '60']]);
    expect(() => flags(['--conf', 'novalue'])).toThrow(/key=value/);
  });

  it('prints peak RSS columns, and says on local[N] that the driver covers the executor', () => {
    const q = { query: 1, rows: 4, tssparkMs: 100, duckdbMs: 10, ratio: 10, status: 'ok' as const, driverPeakRssBytes: 512 * 1024 * 1024, executorsPeakRssBytes: null, diskSpilledBytes: 3 * 1024 * 1024 };
    const r: BenchReport = {
      data: 'd', api: 'sql', master: 'local[2]', conf: [['spark.executor.memory', '2g']], queries: [q],
      totals: { tssparkMs: 100, duckdbMs: 10, ratio: 10, geomeanRatio: 10, ok: 1 }, peakRss: { driverBytes: 512 * 1024 * 1024, executorsBytes: null, tasksInDriver: true },
    };
    const text = formatReport(r);
    expect(text).toMatch(/master local\[2\] spark\.executor\.memory=2g/);
    expect(text).toMatch(/driver MiB\s+exec MiB\s+spill MiB/);
    expect(text).toMatch(/Q1\s+4\s+100\.0\s+10\.0\s+10\.00\s+512\s+in drv\s+3\s+ok/);
    expect(text).toMatch(/peak RSS: driver 512 MiB, which covers the executor/);
    const cluster = formatReport({ ...r, master: 'local-cluster[2,1,1024]', queries: [{ ...q, executorsPeakRssBytes: 300 * 1024 * 1024 }], peakRss: { driverBytes: 1, executorsBytes: 300 * 1024 * 1024, tasksInDriver: false } });
    expect(cluster).toMatch(/Q1\s+4\s+100\.0\s+10\.0\s+10\.00\s+512\s+300\s+3\s+ok/);
    expect(cluster).toMatch(/executors 300 MiB/);
  });
});
