// The 22 TPC-H queries: SQL text from queries/qN.sql (read next to this file) and whether the answer is ordered.
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

export function querySql(n: number): string {
  return fs.readFileSync(path.join(queriesDir(), `q${n}.sql`), 'utf8');
}

/** True when the outermost query has ORDER BY (last one in the text: subqueries never order in TPC-H). */
export function isOrdered(sql: string): boolean {
  return /\border\s+by\b/i.test(sql);
}
