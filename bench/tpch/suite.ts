// `npm run bench -- tpch [flags]`: generates TPC-H at --sf (default 0.01) into a temp directory when missing, then
// runs the 22 queries beside DuckDB, as SQL and with the DataFrame API (report JSON under .bench-data/).
// The closing note's figures: `--sf 1` (both APIs) and `--sf 10 --api sql --runs 1 --conf spark.executor.memory=2g`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { flags } from './cli.js';
import { defaultPartitions, generate } from './gen-command.js';
import { runBench } from './run-command.js';

export const TPCH_SUITE_USAGE = `npm run bench -- tpch [--sf 0.01] [--data DIR] [--api sql|dataframe|both] [--queries 1,3,…]
    [--runs 3] [--master local[2]] [--conf key=value]… [--timeout seconds]
  data defaults to ${path.join(os.tmpdir(), 'tsspark-tpch-sf<SF>')} (generated when it has no _tpch.json)`;

export async function benchTpch(root: string, argv: readonly string[] = []): Promise<void> {
  const { f, conf } = flags(argv);
  if (f.has('help')) { console.log(TPCH_SUITE_USAGE); return; }
  const sf = Number(f.get('sf') ?? process.env.TPCH_SF ?? '0.01');
  if (!(sf > 0)) throw new Error(`--sf must be a positive number\n${TPCH_SUITE_USAGE}`);
  const data = path.resolve(f.get('data') ?? path.join(os.tmpdir(), `tsspark-tpch-sf${sf}`));
  const master = f.get('master') ?? 'local[2]';
  if (!fs.existsSync(path.join(data, '_tpch.json'))) {
    console.log(`generating TPC-H SF ${sf} into ${data} …`);
    const gen = { sf, out: data, format: 'parquet' as const, partitions: defaultPartitions(sf), decimal: true, seed: undefined, master: 'local[2]' };
    const { ms } = await generate(gen);
    console.log(`generated TPC-H SF ${sf} into ${data} in ${(ms / 1000).toFixed(1)} s`);
  }
  const api = f.get('api') ?? 'both';
  const apis: ReadonlyArray<'sql' | 'dataframe'> | undefined = api === 'both' ? ['sql', 'dataframe'] : api === 'sql' || api === 'dataframe' ? [api] : undefined;
  if (apis === undefined) throw new Error(`--api must be sql, dataframe or both\n${TPCH_SUITE_USAGE}`);
  const out = path.join(root, '.bench-data');
  fs.mkdirSync(out, { recursive: true });
  const timeoutMs = f.has('timeout') ? Number(f.get('timeout')) * 1000 : Math.max(60_000, 120_000 * sf);
  for (const a of apis) {
    const json = path.join(out, `tpch-sf${sf}-${a}.json`);
    await runBench({
      data, queries: f.has('queries') ? f.get('queries')!.split(',').map(Number) : undefined, api: a, master, json,
      runs: Number(f.get('runs') ?? '3'), check: !f.has('no-check'), timeoutMs, conf,
    });
    console.log(`report: ${json}\n`);
  }
}
