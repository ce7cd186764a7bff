// `npm run bench -- [suite…] [flags]`: runs benchmark suites (core, tpch), printing each figure beside its peer.
// Flags after the suite names go to the suites (tpch: --sf, --api, --conf …; see bench/tpch/suite.ts).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchCore } from './core.js';
import { benchTpch } from './tpch/suite.js';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const suites: Record<string, (root: string, argv: readonly string[]) => Promise<void>> = { core: (r) => benchCore(r), tpch: benchTpch };
const args = process.argv.slice(2);
const firstFlag = args.findIndex((a) => a.startsWith('-'));
const wanted = firstFlag < 0 ? args : args.slice(0, firstFlag);
const rest = firstFlag < 0 ? [] : args.slice(firstFlag);
const names = wanted.length > 0 ? wanted : Object.keys(suites);
for (const n of names) {
  const s = suites[n];
  if (!s) {
    console.error(`unknown benchmark suite '${n}'; available: ${Object.keys(suites).join(', ')}`);
    process.exit(1);
  }
  await s(root, rest);
}
