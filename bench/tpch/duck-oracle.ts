// DuckDB on the same Parquet files: the reference answers and the peer timings (2 threads, views over
// read_parquet of each table's directory). Results as plain JS values (see normalize.ts).
import path from 'node:path';
import { TABLES } from './dbgen/index.js';
import { normalizeValue } from './normalize.js';

export interface DuckRunner {
  query(sql: string): Promise<unknown[][]>;
  close(): void;
}

export async function openDuckOracle(dataDir: string, threads = 2): Promise<DuckRunner> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const db = await DuckDBInstance.create(':memory:', { threads: String(threads) });
  const c = await db.connect();
  for (const t of TABLES) {
    const glob = path.join(path.resolve(dataDir), t, '*.parquet').replace(/'/g, "''");
    await c.run(`CREATE VIEW ${t} AS SELECT * FROM read_parquet('${glob}')`);
  }
  return {
    async query(sql) {
      const r = await c.runAndReadAll(sql);
      return r.getRowsJS().map((row) => row.map(normalizeValue));
    },
    close() {
      c.closeSync();
      db.closeSync();
    },
  };
}
