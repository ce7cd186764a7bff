#!/usr/bin/env node
// tsspark-worker launcher: runs the compiled CLI at ../dist/cluster/worker/main.js (src/cluster/worker/main.ts).
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const main = fileURLToPath(new URL('../dist/cluster/worker/main.js', import.meta.url));
if (!existsSync(main)) {
  process.stderr.write(`tsspark-worker: ${main} does not exist; run npm run build first\n`);
  process.exit(1);
}
const { runWorkerCli } = await import(pathToFileURL(main).href);
const worker = await runWorkerCli(process.argv.slice(2));
if (worker === undefined) process.exit(process.exitCode ?? 0);
