// Enforces ARCHITECTURE §1's import direction by reading every import statement under src/:
// common ← rdd, shuffle ← planner ← sql ← executor, driver ← index; the executor never imports the driver.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(__dirname, '../../src');
const allowed: Record<string, readonly string[]> = {
  common: ['common'],
  rdd: ['common', 'rdd'],
  shuffle: ['common', 'shuffle'],
  planner: ['common', 'rdd', 'shuffle', 'planner'],
  sql: ['common', 'rdd', 'shuffle', 'planner', 'sql'],
  executor: ['common', 'rdd', 'shuffle', 'planner', 'sql', 'executor'],
  driver: ['common', 'rdd', 'shuffle', 'planner', 'sql', 'executor', 'driver'],
  cluster: ['common', 'rdd', 'shuffle', 'planner', 'sql', 'executor', 'driver', 'cluster'],
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
      const layer = rel.includes(path.sep) ? rel.split(path.sep)[0]! : 'index';
      if (layer === 'index' || layer === 'bench') continue;
      const text = fs.readFileSync(f, 'utf8');
      for (const m of text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g)) {
        const spec = m[1] ?? m[2]!;
        checked++;
        const target = path.relative(SRC, path.resolve(path.dirname(f), spec));
        const targetLayer = target.split(path.sep)[0]!;
        if (!(allowed[layer] ?? []).includes(targetLayer)) violations.push(`${rel} imports ${spec} (${layer} → ${targetLayer})`);
      }
    }
    expect(checked).toBeGreaterThan(200); // the scan really read the imports
    expect(violations).toEqual([]);
  });
});
