// An open-addressing hash table from key tuples to dense group ids (0, 1, 2, …). Slots are an Int32Array of
// group id + 1; each group's key values are kept column-wise for emitting key columns at the end.
import type { Column } from '../batch/column-batch.js';
import { valueAt } from './batch-ops.js';
import { sameValue } from './row-hash.js';

export class GroupTable {
  private slots = new Int32Array(64);
  private hashes: number[] = [];
  readonly keys: unknown[][];
  size = 0;

  constructor(readonly numKeys: number) {
    this.keys = Array.from({ length: numKeys }, () => []);
  }

  /** The group id of row `row` of `cols` (hash `h`), created when new. */
  findOrInsert(cols: readonly Column[], row: number, h: number): number {
    const mask = this.slots.length - 1;
    let s = h & mask;
    for (;;) {
      const g = this.slots[s]! - 1;
      if (g < 0) break;
      if (this.hashes[g] === h && this.matches(g, cols, row)) return g;
      s = (s + 1) & mask;
    }
    const g = this.size++;
    this.slots[s] = g + 1;
    this.hashes.push(h);
    for (let k = 0; k < this.numKeys; k++) this.keys[k]!.push(valueAt(cols[k]!, row));
    if (this.size * 2 > this.slots.length) this.grow();
    return g;
  }

  private matches(g: number, cols: readonly Column[], row: number): boolean {
    for (let k = 0; k < this.numKeys; k++) if (!sameValue(this.keys[k]![g], valueAt(cols[k]!, row))) return false;
    return true;
  }

  private grow(): void {
    const next = new Int32Array(this.slots.length * 2);
    const mask = next.length - 1;
    for (let g = 0; g < this.size; g++) {
      let s = this.hashes[g]! & mask;
      while (next[s] !== 0) s = (s + 1) & mask;
      next[s] = g + 1;
    }
    this.slots = next;
  }
}
