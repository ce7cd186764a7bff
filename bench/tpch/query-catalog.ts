// The 22 TPC-H queries: SQL text from queries/qN.sql (read next to this file, Q11's fraction scaled to the data's SF)
// and whether the answer is ordered.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ALL_QUERIES = Array.from({ length: 22 }, (_, i) => i + 1);

export function queriesDir(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (const dir of [path.join(here, 'queries'), path.resolve('bench/tpch/queries')]) {
    if (fs.existsSync(path.join(dir, 'q1.sql'))) return dir;
  }
  throw new Error('bench/tpch/queries not found (run from the repository root)');
}

/** Q11's FRACTION substitution parameter: 0.0001 / SF (TPC-H 2.4.11.3), as a plain decimal literal. */
export const q11Fraction = (sf: number): string => (0.0001 / sf).toFixed(14).replace(/0+$/, '');

/** The query's text for data at scale factor sf (only Q11 depends on it). */
export function querySql(n: number, sf = 1): string {
  const text = fs.readFileSync(path.join(queriesDir(), `q${n}.sql`), 'utf8');
  return n === 11 ? text.replace('* 0.0001', `* ${q11Fraction(sf)}`) : text;
}

/** The scale factor recorded by `tpch gen` in DIR/_tpch.json (1 when absent). */
export function dataScaleFactor(dir: string): number {
  try {
    const sf = (JSON.parse(fs.readFileSync(path.join(dir, '_tpch.json'), 'utf8')) as { sf?: unknown }).sf;
    return typeof sf === 'number' && sf > 0 ? sf : 1;
  } catch {
    return 1;
  }
}

/** True when the outermost query has ORDER BY (last one in the text: subqueries never order in TPC-H). */
export function isOrdered(sql: string): boolean {
  return /\border\s+by\b/i.test(sql);
}
