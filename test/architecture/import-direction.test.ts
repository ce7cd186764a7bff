// Enforces ARCHITECTURE §1's import direction by reading every import statement under src/:
// common ← shuffle ← rdd ← planner ← sql ← executor, driver ← index; the executor never imports the driver.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(__dirname, '../../src');
// sql/types, sql/batch and sql/parser are the SQL foundation the planner builds on (Spark's catalyst types and
// parser sit below its optimizer), so they count as their own layer under the planner.
const SQL_BASE = ['sql/types', 'sql/batch', 'sql/parser'];
const layerOf = (rel: string): string => (SQL_BASE.some((b) => rel.startsWith(b + path.sep) || rel.startsWith(b + '/')) ? 'sql-base' : rel.split(path.sep)[0]!);

const allowed: Record<string, readonly string[]> = {
  common: ['common'],
  'sql-base': ['common', 'sql-base'],
  // executor-side RDD compute spills through the shuffle's frame format: rdd may use shuffle, never the reverse
  rdd: ['common', 'shuffle', 'rdd'],
  shuffle: ['common', 'shuffle'],
  planner: ['common', 'rdd', 'shuffle', 'sql-base', 'planner'],
  sql: ['common', 'rdd', 'shuffle', 'sql-base', 'planner', 'sql'],
  executor: ['common', 'rdd', 'shuffle', 'sql-base', 'planner', 'sql', 'executor'],
  driver: ['common', 'rdd', 'shuffle', 'sql-base', 'planner', 'sql', 'executor', 'driver'],
  // command-line tools (tsspark-sql) may use the public API, as applications do
  cluster: ['common', 'rdd', 'shuffle', 'sql-base', 'planner', 'sql', 'executor', 'driver', 'cluster', 'index.js'],
};

function* files(dir: string): Generator<string> {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) yield* files(p);
    else if (p.endsWith('.ts')) yield p;
  }
}

describe('import direction', () => {
  it('every module imports only from the layers below it', () => {
    const violations: string[] = [];
    let checked = 0;
    for (const f of files(SRC)) {
      const rel = path.relative(SRC, f);
      const layer = rel.includes(path.sep) ? layerOf(rel) : 'index';
      if (layer === 'index' || layer === 'bench') continue;
      const text = fs.readFileSync(f, 'utf8');
      for (const m of text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g)) {
        const spec = m[1] ?? m[2]!;
        checked++;
        const target = path.relative(SRC, path.resolve(path.dirname(f), spec));
        const targetLayer = layerOf(target);
        if (!(allowed[layer] ?? []).includes(targetLayer)) violations.push(`${rel} imports ${spec} (${layer} → ${targetLayer})`);
      }
    }
    expect(checked).toBeGreaterThan(200); // the scan really read the imports
    expect(violations).toEqual([]);
  });
});
