#!/usr/bin/env node
// tsspark-master launcher: runs the compiled CLI at ../dist/cluster/master/main.js (src/cluster/master/main.ts).
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const main = fileURLToPath(new URL('../dist/cluster/master/main.js', import.meta.url));
if (!existsSync(main)) {
  process.stderr.write(`tsspark-master: ${main} does not exist; run npm run build first\n`);
  process.exit(1);
}
const { runMasterCli } = await import(pathToFileURL(main).href);
const master = await runMasterCli(process.argv.slice(2));
if (master === undefined) process.exit(process.exitCode ?? 0);
