// `tsspark-bench tpch run`: each query on tsspark (warm-up, then median of N) and on DuckDB over the same files,
// answers checked against DuckDB, a table of timings and ratios with totals and the geometric mean; --json too.
// A query that throws, times out or answers wrongly is reported as such; the run goes on.
import fs from 'node:fs';
import { compareAnswers } from './compare.js';
import { dataframeQuery } from './dataframe/index.js';
import { openDuckOracle } from './duck-oracle.js';
import { normalizeValue, type Cell } from './normalize.js';
import { DriverPeakRss, executorsPeakRss, mib, tasksInDriver } from './peak-rss.js';
import { spillSince } from './spill-bytes.js';
import { ALL_QUERIES, dataScaleFactor, isOrdered, querySql } from './query-catalog.js';
import { packageEngine, registerTables, type DataFrame, type Engine, type EngineFactory, type TpchTables } from './session.js';

export interface RunArgs {
  readonly data: string;
  readonly queries: readonly number[] | undefined;
  readonly api: 'sql' | 'dataframe';
  readonly master: string | undefined;
  readonly json: string | undefined;
  /** Timed runs after the warm-up (0: the checked first run is the timing). */
  readonly runs: number;
  readonly check: boolean;
  /** Per query attempt, ms (default 300 s). */
  readonly timeoutMs?: number;
  readonly quiet?: boolean;
  /** Spark properties for the session, e.g. [['spark.executor.memory', '2g']]. */
  readonly conf?: ReadonlyArray<readonly [string, string]>;
}

export interface QueryResult {
  readonly query: number;
  readonly rows: number | null;
  readonly tssparkMs: number | null;
  readonly duckdbMs: number | null;
  readonly ratio: number | null;
  readonly status: 'ok' | 'WRONG' | 'FAILED';
  readonly reason?: string;
  /** Peak RSS of the driver process while the query ran (all its runs), bytes. */
  readonly driverPeakRssBytes: number | null;
  /** Largest peak RSS of an executor process so far (lifetime peaks from heartbeats); null on local[N], where the
   *  executor is the driver process's task threads. */
  readonly executorsPeakRssBytes: number | null;
  /** Bytes its stages spilled to disk (all runs), from the REST API's stage data; null when unreadable. */
  readonly diskSpilledBytes: number | null;
}

export interface BenchReport {
  readonly data: string;
  readonly api: 'sql' | 'dataframe';
  readonly master: string;
  readonly conf: ReadonlyArray<readonly [string, string]>;
  readonly queries: QueryResult[];
  /** Over the whole run; tasksInDriver: executors are threads of the driver process (local[N]). */
  readonly peakRss: { readonly driverBytes: number; readonly executorsBytes: number | null; readonly tasksInDriver: boolean };
  readonly totals: { readonly tssparkMs: number; readonly duckdbMs: number; readonly ratio: number | null; readonly geomeanRatio: number | null; readonly ok: number };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function timed<T>(f: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const v = await f();
  return [v, performance.now() - t];
}

/** Races a query against a deadline; on timeout its jobs are cancelled and it gets a grace period to wind down,
 *  so a runaway query does not starve the ones after it. */
async function withTimeout<T>(p: Promise<T>, ms: number, cancel: () => void): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const t = new Promise<never>((_, rej) => { timer = setTimeout(() => rej(new Error(`timed out after ${ms / 1000} s`)), ms); });
  try {
    return await Promise.race([p, t]);
  } catch (e) {
    if (e instanceof Error && e.message.startsWith('timed out')) {
      cancel();
      await Promise.race([p.catch(() => undefined), new Promise((r) => setTimeout(r, 30_000))]);
    }
    throw e;
  } finally {
    clearTimeout(timer);
  }
}

/** The first line of an error, without the task-failure preamble when the cause follows it. */
export function firstLine(e: unknown): string {
  const line = (e instanceof Error ? e.message : String(e)).split('\n')[0]!;
  const cause = /\(executor [^)]*\): (.*)$/.exec(line);
  return (cause ? cause[1]! : line).slice(0, 200);
}

export async function runBench(args: RunArgs, engineFactory: EngineFactory = packageEngine): Promise<BenchReport> {
  const queries = args.queries ?? ALL_QUERIES;
  const master = args.master ?? 'local[2]';
  const timeout = args.timeoutMs ?? 300_000;
  // executor processes report their memory with each heartbeat: often enough to see a query's peak
  const conf = tasksInDriver(master) || args.conf?.some(([k]) => k === 'spark.executor.heartbeatInterval')
    ? args.conf ?? [] : [...(args.conf ?? []), ['spark.executor.heartbeatInterval', '1s'] as const];
  const log = (s: string): void => { if (!args.quiet) console.log(s); };
  const sf = dataScaleFactor(args.data);
  const duck = await openDuckOracle(args.data, 2);
  const expected = new Map<number, { rows: Cell[][]; ms: number }>();
  try {
    for (const q of queries) {
      const sql = querySql(q, sf);
      if (args.runs > 0) await duck.query(sql); // warm-up
      const ts: number[] = [];
      let rows: Cell[][] = [];
      for (let i = 0; i < Math.max(1, args.runs); i++) {
        const [r, ms] = await timed(() => duck.query(sql));
        rows = r as Cell[][];
        ts.push(ms);
      }
      expected.set(q, { rows, ms: median(ts) });
    }
  } finally {
    duck.close();
  }

  let engine: Engine | undefined, tables: TpchTables | undefined, setupError: string | undefined;
  try {
    engine = await engineFactory(master, conf);
    tables = registerTables(engine.session, args.data);
  } catch (e) {
    setupError = `session: ${firstLine(e)}`;
  }
  const results: QueryResult[] = [];
  const probe = new DriverPeakRss();
  let driverPeak = 0, lastStageId = -1;
  const inDriver = tasksInDriver(master);
  for (const q of queries) {
    const exp = expected.get(q)!;
    if (setupError !== undefined || engine === undefined || tables === undefined) {
      results.push({ query: q, duckdbMs: exp.ms, rows: null, tssparkMs: null, ratio: null, status: 'FAILED', reason: setupError, driverPeakRssBytes: null, executorsPeakRssBytes: null, diskSpilledBytes: null });
      continue;
    }
    const eng = engine, tbl = tables;
    const build = (): DataFrame => {
      if (args.api === 'sql') return eng.session.sql(querySql(q, sf));
      const f = dataframeQuery(q);
      if (f === undefined) throw new Error(`Q${q} is not written with the DataFrame API yet`);
      if (eng.functions === undefined) throw new Error('tsspark functions are not available');
      return f(tbl, eng.functions, sf);
    };
    const cancel = (): void => { try { eng.session.sparkContext?.cancelAllJobs?.(); } catch { /* best effort */ } };
    const collect = async (): Promise<Cell[][]> => (await build().collect()).map((r) => Object.values(r).map(normalizeValue));
    probe.start();
    let base = { query: q, duckdbMs: exp.ms, driverPeakRssBytes: null as number | null, executorsPeakRssBytes: null as number | null, diskSpilledBytes: null as number | null };
    const measured = async (): Promise<typeof base> => {
      const d = probe.stop();
      driverPeak = Math.max(driverPeak, d);
      const sc = eng.session.sparkContext;
      const x = inDriver ? null : await executorsPeakRss(sc?.uiWebUrl, sc?.applicationId);
      const spill = await spillSince(sc?.uiWebUrl, sc?.applicationId, lastStageId);
      if (spill !== null) lastStageId = spill.lastStageId;
      return { ...base, driverPeakRssBytes: d, executorsPeakRssBytes: x, diskSpilledBytes: spill?.diskBytes ?? null };
    };
    try {
      const [rows, firstMs] = await timed(() => withTimeout(collect(), timeout, cancel));
      const reason = args.check ? compareAnswers(exp.rows, rows, isOrdered(querySql(q, sf))) : undefined;
      if (reason !== undefined) {
        base = await measured();
        results.push({ ...base, rows: rows.length, tssparkMs: firstMs, ratio: firstMs / exp.ms, status: 'WRONG', reason });
        log(`Q${q} WRONG: ${reason}`);
        continue;
      }
      const ts: number[] = [];
      for (let i = 0; i < args.runs; i++) ts.push((await timed(() => withTimeout(collect(), timeout, cancel)))[1]);
      const ms = ts.length === 0 ? firstMs : median(ts);
      base = await measured();
      results.push({ ...base, rows: rows.length, tssparkMs: ms, ratio: ms / exp.ms, status: 'ok' });
      log(`Q${q} ok: ${ms.toFixed(0)} ms, DuckDB ${exp.ms.toFixed(0)} ms, driver peak RSS ${mib(base.driverPeakRssBytes)} MiB`);
    } catch (e) {
      base = await measured();
      results.push({ ...base, rows: null, tssparkMs: null, ratio: null, status: 'FAILED', reason: firstLine(e) });
      log(`Q${q} FAILED: ${firstLine(e)}`);
    }
  }
  const executorsPeak = results.reduce<number | null>((a, r) => (r.executorsPeakRssBytes === null ? a : Math.max(a ?? 0, r.executorsPeakRssBytes)), null);
  if (engine !== undefined) await engine.session.stop().catch(() => undefined);

  const ok = results.filter((r) => r.status === 'ok');
  const tsTotal = ok.reduce((a, r) => a + r.tssparkMs!, 0), dTotal = ok.reduce((a, r) => a + r.duckdbMs!, 0);
  const geo = ok.length === 0 ? null : Math.exp(ok.reduce((a, r) => a + Math.log(r.ratio!), 0) / ok.length);
  const report: BenchReport = {
    data: args.data, api: args.api, master, conf, queries: results,
    peakRss: { driverBytes: driverPeak, executorsBytes: executorsPeak, tasksInDriver: inDriver },
    totals: { tssparkMs: tsTotal, duckdbMs: dTotal, ratio: dTotal > 0 && ok.length > 0 ? tsTotal / dTotal : null, geomeanRatio: geo, ok: ok.length },
  };
  if (!args.quiet) console.log(formatReport(report));
  if (args.json !== undefined) fs.writeFileSync(args.json, JSON.stringify(report, null, 1));
  return report;
}

const ms = (v: number | null): string => (v === null ? '-' : v.toFixed(1));

export function formatReport(r: BenchReport): string {
  const conf = r.conf.map(([k, v]) => ` ${k}=${v}`).join('');
  const lines = [`TPC-H ${r.data} — api ${r.api}, master ${r.master}${conf}, medians`, ''];
  lines.push(`${'query'.padEnd(6)}${'rows'.padStart(8)}${'tsspark ms'.padStart(13)}${'DuckDB ms'.padStart(12)}${'ratio'.padStart(9)}${'driver MiB'.padStart(12)}${'exec MiB'.padStart(10)}${'spill MiB'.padStart(11)}  status`);
  const exec = (v: number | null): string => (r.peakRss.tasksInDriver ? 'in drv' : mib(v));
  for (const q of r.queries) {
    const status = q.status === 'ok' ? 'ok' : `${q.status}: ${q.reason ?? ''}`;
    lines.push(`${`Q${q.query}`.padEnd(6)}${String(q.rows ?? '-').padStart(8)}${ms(q.tssparkMs).padStart(13)}${ms(q.duckdbMs).padStart(12)}${(q.ratio === null ? '-' : q.ratio.toFixed(2)).padStart(9)}${mib(q.driverPeakRssBytes).padStart(12)}${exec(q.executorsPeakRssBytes).padStart(10)}${mib(q.diskSpilledBytes).padStart(11)}  ${status}`);
  }
  const t = r.totals;
  lines.push('', `${t.ok}/${r.queries.length} ok; total over ok queries: tsspark ${t.tssparkMs.toFixed(0)} ms, DuckDB ${t.duckdbMs.toFixed(0)} ms, ratio ${t.ratio === null ? '-' : t.ratio.toFixed(2)}; geometric mean of ratios ${t.geomeanRatio === null ? '-' : t.geomeanRatio.toFixed(2)}`);
  const p = r.peakRss;
  lines.push(p.tasksInDriver
    ? `peak RSS: driver ${mib(p.driverBytes)} MiB, which covers the executor (on ${r.master} its tasks are worker threads of the driver process); per query, the driver's peak while it ran`
    : `peak RSS: driver ${mib(p.driverBytes)} MiB (per query, while it ran); executors ${mib(p.executorsBytes)} MiB (largest executor process, lifetime peak from heartbeats)`);
  return lines.join('\n');
}
