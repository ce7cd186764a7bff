// `npm run bench -- tpch`: generates SF 0.01 into .bench-data/tpch-sf0.01 when missing, then runs the 22 queries
// with SQL and with the DataFrame API against DuckDB (report JSON under .bench-data/).
import fs from 'node:fs';
import path from 'node:path';
import { generate } from './gen-command.js';
import { runBench } from './run-command.js';

export async function benchTpch(root: string): Promise<void> {
  const sf = Number(process.env.TPCH_SF ?? '0.01');
  const data = path.join(root, '.bench-data', `tpch-sf${sf}`);
  if (!fs.existsSync(path.join(data, '_tpch.json'))) {
    const { ms } = await generate({ sf, out: data, format: 'parquet', partitions: Math.max(2, Math.ceil(sf * 8)), decimal: true, seed: undefined, master: 'local[2]' });
    console.log(`generated TPC-H SF ${sf} into ${data} in ${(ms / 1000).toFixed(1)} s`);
  }
  for (const api of ['sql', 'dataframe'] as const) {
    await runBench({ data, queries: undefined, api, master: 'local[2]', json: path.join(root, '.bench-data', `tpch-sf${sf}-${api}.json`), runs: 3, check: true, timeoutMs: 60_000 });
  }
}
