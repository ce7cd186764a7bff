// `npm run bench -- <suite>`: runs a benchmark suite (core), printing each figure beside its peer.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchCore } from './core.js';
import { benchTpch } from './tpch/suite.js';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const suites: Record<string, (root: string) => Promise<void>> = { core: benchCore, tpch: benchTpch };
const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const names = wanted.length > 0 ? wanted : Object.keys(suites);
for (const n of names) {
  const s = suites[n];
  if (!s) {
    console.error(`unknown benchmark suite '${n}'; available: ${Object.keys(suites).join(', ')}`);
    process.exit(1);
  }
  await s(root);
}
