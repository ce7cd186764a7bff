// `tsspark-bench tpch gen|run …`: argument parsing and dispatch (run through tsspark-submit by bin/tsspark-bench.mjs).
import { defaultPartitions, generate } from './gen-command.js';
import { runBench, type RunArgs } from './run-command.js';

const USAGE = `Usage:
  tsspark-bench tpch gen --sf SF --out DIR [--format parquet|csv|json] [--partitions N] [--decimal decimal|double] [--seed N] [--master M]
  tsspark-bench tpch run --data DIR [--queries 1,3,…] [--api sql|dataframe] [--master M] [--json out.json] [--runs 3] [--no-check]
                  [--conf key=value]… [--timeout seconds]`;

/** `--name value` / `--name=value` flags (the last one wins), except --conf which repeats: its key=value pairs in order. */
export function flags(argv: readonly string[]): { readonly f: Map<string, string>; readonly conf: Array<readonly [string, string]> } {
  const m = new Map<string, string>();
  const conf: Array<readonly [string, string]> = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--')) throw new Error(`unexpected argument '${a}'\n${USAGE}`);
    const eq = a.indexOf('=');
    const [name, value] = a === '--no-check' ? ['no-check', 'true'] : eq > 0 ? [a.slice(2, eq), a.slice(eq + 1)] : [a.slice(2), argv[++i] ?? ''];
    if (name !== 'conf') { m.set(name, value); continue; }
    const e = value.indexOf('=');
    if (e <= 0) throw new Error(`--conf needs key=value, got '${value}'\n${USAGE}`);
    conf.push([value.slice(0, e), value.slice(e + 1)]);
  }
  return { f: m, conf };
}

export async function tpchCli(argv: readonly string[]): Promise<number> {
  const [suite, cmd, ...rest] = argv;
  if (suite !== 'tpch' || (cmd !== 'gen' && cmd !== 'run')) {
    console.error(USAGE);
    return 2;
  }
  const { f, conf } = flags(rest);
  if (cmd === 'gen') {
    const sf = Number(f.get('sf') ?? '1');
    const out = f.get('out');
    if (!out || !(sf > 0)) { console.error(USAGE); return 2; }
    const format = (f.get('format') ?? 'parquet') as 'parquet' | 'csv' | 'json';
    const { rows, ms } = await generate({
      sf, out, format, partitions: Number(f.get('partitions') ?? defaultPartitions(sf)),
      decimal: (f.get('decimal') ?? 'decimal') !== 'double', seed: f.has('seed') ? Number(f.get('seed')) : undefined, master: f.get('master'),
    });
    for (const [t, n] of Object.entries(rows)) console.log(`${t.padEnd(10)} ${String(n).padStart(12)} rows`);
    console.log(`generated TPC-H SF ${sf} (${format}) into ${out} in ${(ms / 1000).toFixed(2)} s`);
    return 0;
  }
  const data = f.get('data');
  if (!data) { console.error(USAGE); return 2; }
  const args: RunArgs = {
    data, queries: f.has('queries') ? f.get('queries')!.split(',').map(Number) : undefined,
    api: (f.get('api') ?? 'sql') as 'sql' | 'dataframe', master: f.get('master'), json: f.get('json'),
    runs: Number(f.get('runs') ?? '3'), check: !f.has('no-check'), conf,
    ...(f.has('timeout') ? { timeoutMs: Number(f.get('timeout')) * 1000 } : {}),
  };
  const report = await runBench(args);
  return report.queries.every((q) => q.status === 'ok') ? 0 : 1;
}

if (process.argv[1] !== undefined && /cli\.(ts|js|mjs)$/.test(process.argv[1])) {
  // direct invocation through tsspark-submit
}
