// `tsspark-bench tpch gen`: generates the eight tables in parallel as a tsspark job — one task per
// (table, partition) writing DIR/<table>/part-NNNNN.parquet — and prints rows per table and the time.
import fs from 'node:fs';
import { SparkContext } from 'tsspark';
import { genTasks, runGenTask, type GenOptions } from './dbgen/index.js';
import { writeTextFormat } from './text-formats.js';

export interface GenArgs {
  readonly sf: number;
  readonly out: string;
  readonly format: 'parquet' | 'csv' | 'json';
  readonly partitions: number;
  readonly decimal: boolean;
  readonly seed: number | undefined;
  readonly master: string | undefined;
}

export const defaultPartitions = (sf: number): number => Math.max(2, Math.ceil(sf * 8));

export async function generate(args: GenArgs, sc?: SparkContext): Promise<{ rows: Record<string, number>; ms: number }> {
  const t0 = performance.now();
  fs.mkdirSync(args.out, { recursive: true });
  const opts: GenOptions = { sf: args.sf, decimal: args.decimal, ...(args.seed !== undefined ? { seed: args.seed } : {}) };
  const tasks = genTasks(args.partitions);
  const own = sc === undefined;
  const ctx = sc ?? new SparkContext({ master: args.master ?? 'local[2]', appName: `tpch-gen-sf${args.sf}` });
  const out = args.out, format = args.format;
  try {
    const results = await ctx.parallelize(tasks, tasks.length)
      .map((t) => (format === 'parquet' ? runGenTask(out, t, opts) : writeTextFormat(out, t, opts, format)))
      .collect();
    const rows: Record<string, number> = {};
    for (const r of results) for (const [k, v] of Object.entries(r)) rows[k] = (rows[k] ?? 0) + v;
    fs.writeFileSync(`${out}/_tpch.json`, JSON.stringify({ sf: args.sf, format, decimal: args.decimal, partitions: args.partitions, rows }, null, 1));
    return { rows, ms: performance.now() - t0 };
  } finally {
    if (own) await ctx.stop();
  }
}
