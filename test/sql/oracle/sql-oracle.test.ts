// Every query of queries.ts on tsspark and DuckDB over the same tables; the answers must match.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Oracle } from './oracle-harness.js';
import { TABLES } from './oracle-tables.js';
import { QUERIES } from './queries.js';

let oracle: Oracle;
beforeAll(async () => { oracle = await Oracle.create(TABLES); });
afterAll(async () => { await oracle.close(); });

describe('SQL results match DuckDB', () => {
  for (const q of QUERIES) {
    const text = typeof q === 'string' ? q : q.spark;
    it(text, async () => {
      const r = await oracle.compare(q);
      expect(r.ok, r.message).toBe(true);
    });
  }
});
