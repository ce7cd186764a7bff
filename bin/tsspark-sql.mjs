#!/usr/bin/env node
// tsspark-sql launcher: runs the compiled CLI at ../dist/cluster/sql-cli/main.js (src/cluster/sql-cli/main.ts).
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const main = fileURLToPath(new URL('../dist/cluster/sql-cli/main.js', import.meta.url));
if (!existsSync(main)) {
  process.stderr.write(`tsspark-sql: ${main} does not exist; run npm run build first\n`);
  process.exit(1);
}
const { runSqlCli } = await import(pathToFileURL(main).href);
process.exit(await runSqlCli(process.argv.slice(2)));
