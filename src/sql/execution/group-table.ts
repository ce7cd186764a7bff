// An open-addressing hash table from key tuples to dense group ids (0, 1, 2, …), over numeric key codes
// (key-codes.ts): slots are an Int32Array of group id + 1, each group's codes and NULL flags live in growable
// typed arrays. Whole batches are assigned group ids at once; no per-row allocation.
import { mix } from './row-hash.js';

const f64 = new Float64Array(1);
const i32 = new Int32Array(f64.buffer);

function hashCode(x: number): number {
  if ((x | 0) === x) return x;
  if (x !== x) return 0x7ff80000;
  f64[0] = x;
  return (i32[0]! ^ i32[1]!) | 0;
}

const DIRECT_LIMIT = 1 << 16;

export class GroupTable {
  private slots = new Int32Array(64);
  private hashes = new Int32Array(32);
  /** Per key: the codes of each group. */
  codes: Float64Array[];
  /** Per key: 1 where the group's key is NULL. */
  nulls: Uint8Array[];
  size = 0;
  private rowHash = new Int32Array(0);
  private direct = new Int32Array(0);
  private directRadices: number[] = [];

  constructor(readonly numKeys: number) {
    this.codes = Array.from({ length: numKeys }, () => new Float64Array(32));
    this.nulls = Array.from({ length: numKeys }, () => new Uint8Array(32));
  }

  /** Group ids of rows [0, n) whose key codes are `keys` (NULL flags `nulls`), new groups created; written to `out`. */
  assign(keys: readonly Float64Array[], nulls: readonly Uint8Array[], n: number, out: Int32Array): void {
    const k = this.numKeys;
    if (k === 0) {
      if (this.size === 0 && n > 0) this.insert(0, keys, nulls, 0);
      out.fill(0, 0, n);
      return;
    }
    if (this.rowHash.length < n) this.rowHash = new Int32Array(n);
    const hs = this.rowHash;
    hs.fill(0, 0, n);
    for (let c = 0; c < k; c++) {
      const kc = keys[c]!, nc = nulls[c]!;
      for (let i = 0; i < n; i++) hs[i] = mix(hs[i]!, nc[i] === 1 ? 0x5bd1e995 : hashCode(kc[i]!));
    }
    if (k === 1) this.assign1(keys[0]!, nulls[0]!, n, out, hs);
    else for (let i = 0; i < n; i++) out[i] = this.find(keys, nulls, i, hs[i]!);
  }

  /**
   * Like assign, for keys whose codes are small non-negative integers below radices[c] (interned strings,
   * booleans): a direct-address array from the combined code (NULL as radix - 1) to the group id, so rows
   * of already-seen groups need no hashing. Returns false (nothing assigned) when the combined range is too big.
   */
  assignSmall(keys: readonly Float64Array[], nulls: readonly Uint8Array[], n: number, out: Int32Array, radices: readonly number[]): boolean {
    let span = 1;
    for (const r of radices) span *= r + 1;
    if (span > DIRECT_LIMIT) return false;
    if (this.direct.length < span) { this.direct = new Int32Array(Math.max(span, this.direct.length * 2)); }
    const direct = this.direct;
    if (this.directRadices.join() !== radices.join()) { direct.fill(0); this.directRadices = [...radices]; }
    const k = this.numKeys;
    const combined = this.rowHash.length >= n ? this.rowHash : (this.rowHash = new Int32Array(n));
    combined.fill(0, 0, n);
    let stride = 1;
    for (let c = 0; c < k; c++) {
      const kc = keys[c]!, nc = nulls[c]!, nullCode = radices[c]!;
      for (let i = 0; i < n; i++) combined[i]! += (nc[i] === 1 ? nullCode : kc[i]!) * stride;
      stride *= radices[c]! + 1;
    }
    for (let i = 0; i < n; i++) {
      const code = combined[i]!;
      let g = direct[code]! - 1;
      if (g < 0) {
        let h = 0;
        for (let c = 0; c < k; c++) h = mix(h, nulls[c]![i] === 1 ? 0x5bd1e995 : hashCode(keys[c]![i]!));
        g = this.find(keys, nulls, i, h);
        direct[code] = g + 1;
      }
      out[i] = g;
    }
    return true;
  }

  private assign1(kc: Float64Array, nc: Uint8Array, n: number, out: Int32Array, hs: Int32Array): void {
    for (let i = 0; i < n; i++) {
      const h = hs[i]!, x = kc[i]!, z = nc[i]!;
      const codes = this.codes[0]!, gn = this.nulls[0]!, slots = this.slots, mask = slots.length - 1;
      let s = h & mask, g = -1;
      for (;;) {
        const c = slots[s]! - 1;
        if (c < 0) break;
        if (this.hashes[c] === h && gn[c] === z) { const y = codes[c]!; if (y === x || (y !== y && x !== x)) { g = c; break; } }
        s = (s + 1) & mask;
      }
      out[i] = g >= 0 ? g : this.insertAt(s, h, [kc], [nc], i);
    }
  }

  private find(keys: readonly Float64Array[], nulls: readonly Uint8Array[], i: number, h: number): number {
    const slots = this.slots, mask = slots.length - 1;
    let s = h & mask;
    for (;;) {
      const c = slots[s]! - 1;
      if (c < 0) break;
      if (this.hashes[c] === h && this.matches(c, keys, nulls, i)) return c;
      s = (s + 1) & mask;
    }
    return this.insertAt(s, h, keys, nulls, i);
  }

  private matches(g: number, keys: readonly Float64Array[], nulls: readonly Uint8Array[], i: number): boolean {
    for (let c = 0; c < this.numKeys; c++) {
      if (this.nulls[c]![g] !== nulls[c]![i]) return false;
      const x = keys[c]![i]!, y = this.codes[c]![g]!;
      if (x !== y && (x === x || y === y)) return false;
    }
    return true;
  }

  private insert(h: number, keys: readonly Float64Array[], nulls: readonly Uint8Array[], i: number): number {
    const mask = this.slots.length - 1;
    let s = h & mask;
    while (this.slots[s] !== 0) s = (s + 1) & mask;
    return this.insertAt(s, h, keys, nulls, i);
  }

  private insertAt(s: number, h: number, keys: readonly Float64Array[], nulls: readonly Uint8Array[], i: number): number {
    const g = this.size++;
    if (g >= this.hashes.length) this.growGroups();
    this.slots[s] = g + 1;
    this.hashes[g] = h;
    for (let c = 0; c < this.numKeys; c++) { this.codes[c]![g] = keys[c]![i]!; this.nulls[c]![g] = nulls[c]![i]!; }
    if (this.size * 2 > this.slots.length) this.growSlots();
    return g;
  }

  private growGroups(): void {
    const cap = this.hashes.length * 2;
    const h = new Int32Array(cap); h.set(this.hashes); this.hashes = h;
    this.codes = this.codes.map((a) => { const b = new Float64Array(cap); b.set(a); return b; });
    this.nulls = this.nulls.map((a) => { const b = new Uint8Array(cap); b.set(a); return b; });
  }

  private growSlots(): void {
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
