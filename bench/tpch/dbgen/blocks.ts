// Block-aligned generation: every BLOCK units of a table draw from their own random stream, so a partition
// (a run of whole blocks) generates the same rows whatever the number of partitions.
import { Rng } from './prng.js';
import { TABLES, unitsOf, type TpchTable } from './schemas.js';

export const BLOCK = 1000;

/** Calls `row(unit, rng)` for units [lo, hi), switching streams at block boundaries. */
export function forUnits(seed: number, table: TpchTable, lo: number, hi: number, row: (unit: number, r: Rng) => void): void {
  const id = TABLES.indexOf(table);
  let r = new Rng(seed, id, Math.floor(lo / BLOCK));
  for (let u = lo; u < hi; u++) {
    if (u % BLOCK === 0 && u !== lo) r = new Rng(seed, id, u / BLOCK);
    row(u, r);
  }
}

/** Unit range [lo, hi) of partition `p` of `parts` (block-aligned; some partitions may be empty). */
export function partitionRange(table: TpchTable, sf: number, p: number, parts: number): [number, number] {
  const units = unitsOf(table, sf);
  const blocks = Math.ceil(units / BLOCK);
  const lo = Math.floor((blocks * p) / parts) * BLOCK;
  const hi = Math.min(units, Math.floor((blocks * (p + 1)) / parts) * BLOCK);
  return [Math.min(lo, units), hi];
}
