#!/usr/bin/env node
// tsspark-submit launcher: runs the compiled CLI at ../dist/cluster/submit/main.js (src/cluster/submit/main.ts).
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const main = fileURLToPath(new URL('../dist/cluster/submit/main.js', import.meta.url));
if (!existsSync(main)) {
  process.stderr.write(`tsspark-submit: ${main} does not exist; run npm run build first\n`);
  process.exit(1);
}
const { runSubmit } = await import(pathToFileURL(main).href);
process.exit(await runSubmit(process.argv.slice(2)));
