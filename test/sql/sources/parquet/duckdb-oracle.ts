// Test helper: DuckDB writes the Parquet files and reads them back as the oracle; cells of both
// sides are rendered to canonical strings so every Arrow type compares exactly.
import * as arrow from 'apache-arrow';
import { expect } from 'vitest';

export interface Duck {
  run(sql: string): Promise<void>;
  rows(sql: string): Promise<unknown[][]>;
}

export async function openDuck(): Promise<Duck> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  return {
    run: async (sql) => { await c.run(sql); },
    rows: async (sql) => (await (await c.run(sql)).getRows()) as unknown[][],
  };
}

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex').toUpperCase();

/** Canonical text of row `i` of an Arrow column (null → null). */
export function cell(vec: arrow.Vector, i: number): string | null {
  if (!vec.isValid(i)) return null;
  const t = vec.type;
  const data = vec.data[0]!;
  if (vec.data.length !== 1) throw new Error('expected one chunk');
  if (t instanceof arrow.Decimal) {
    const w = data.values as Uint32Array;
    let v = 0n;
    for (let k = 3; k >= 0; k--) v = (v << 32n) | BigInt(w[(data.offset + i) * 4 + k]!);
    v = BigInt.asIntN(128, v);
    return formatDecimal(v, t.scale);
  }
  if (t instanceof arrow.DateDay || t instanceof arrow.Timestamp) return String(data.values[data.offset + i]);
  if (t instanceof arrow.Binary) return hex(vec.get(i) as Uint8Array);
  if (t instanceof arrow.FixedSizeBinary) return hex(vec.get(i) as Uint8Array);
  return String(vec.get(i));
}

export function formatDecimal(v: bigint, scale: number): string {
  const neg = v < 0n;
  let s = (neg ? -v : v).toString();
  if (scale > 0) {
    s = s.padStart(scale + 1, '0');
    s = `${s.slice(0, s.length - scale)}.${s.slice(s.length - scale)}`;
  }
  return neg ? `-${s}` : s;
}

/** DuckDB SQL rendering a column the way `cell` renders the Arrow side. */
export function duckCanonical(col: string, duckType: string): string {
  const t = duckType.toUpperCase();
  if (t === 'DATE') return `(${col} - DATE '1970-01-01')::VARCHAR`;
  if (t.startsWith('TIMESTAMP')) return `epoch_us(${col}::TIMESTAMP)::VARCHAR`;
  if (t === 'BLOB') return `hex(${col})`;
  if (t === 'BOOLEAN') return `${col}::VARCHAR`;
  if (t === 'DOUBLE' || t === 'FLOAT') return col;
  return `${col}::VARCHAR`;
}

/** Asserts every cell of `columns` ([name, DuckDB type]) in `table` equals DuckDB's reading of `file`. */
export async function compareWithDuck(duck: Duck, file: string, table: arrow.Table, columns: ReadonlyArray<readonly [string, string]>): Promise<void> {
  const sql = columns.map(([c, t]) => duckCanonical(c, t)).join(', ');
  const expected = await duck.rows(`SELECT ${sql} FROM read_parquet('${file}')`);
  expect(table.numRows).toBe(expected.length);
  columns.forEach(([name], j) => {
    const vec = table.getChild(name)!;
    expect(vec, name).toBeTruthy();
    const got: Array<string | null> = [];
    const want: Array<string | null> = [];
    let offset = 0;
    for (const chunk of vec.data) {
      const v = arrow.makeVector(chunk);
      for (let i = 0; i < chunk.length; i++) {
        got.push(cell(v, i));
        const w = expected[offset + i]![j];
        want.push(w === null ? null : String(w));
      }
      offset += chunk.length;
    }
    expect(got, name).toEqual(want);
  });
}
