#!/usr/bin/env node
// tsspark-bench launcher: runs bench/tpch/main.ts through tsspark-submit, e.g.
//   tsspark-bench tpch gen --sf 1 --out DIR      tsspark-bench tpch run --data DIR --master local[2]
// --master is read here and handed to tsspark-submit as well as to the benchmark.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const submit = fileURLToPath(new URL('./tsspark-submit.mjs', import.meta.url));
const app = fileURLToPath(new URL('../bench/tpch/main.ts', import.meta.url));
const args = process.argv.slice(2);
const i = args.indexOf('--master');
const master = i >= 0 ? args[i + 1] : 'local[2]';
const r = spawnSync(process.execPath, [submit, '--master', master, app, ...args], { stdio: 'inherit' });
process.exit(r.status ?? 1);
