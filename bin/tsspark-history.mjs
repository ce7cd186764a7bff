#!/usr/bin/env node
// tsspark-history launcher: runs the compiled history server at ../dist/cluster/history/main.js.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const main = fileURLToPath(new URL('../dist/cluster/history/main.js', import.meta.url));
if (!existsSync(main)) {
  process.stderr.write(`tsspark-history: ${main} does not exist; run npm run build first\n`);
  process.exit(1);
}
const { runHistory } = await import(pathToFileURL(main).href);
try {
  await runHistory(process.argv.slice(2));
} catch (err) {
  process.stderr.write(`tsspark-history: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
}
