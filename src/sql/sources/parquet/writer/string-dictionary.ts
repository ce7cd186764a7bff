// Chunk-level string dictionary for RLE_DICTIONARY pages: maps str/dict column values to chunk ids, gives up
// (returns false) once the dictionary grows past the limits so the chunk falls back to PLAIN, as parquet-mr does.
import type { Column } from '../../../batch/column-batch.js';
import { ByteSink } from './byte-sink.js';
import { trackString, type ChunkStats } from './value-encoders.js';

const MAX_ENTRIES = 1 << 16;
const MAX_BYTES = 1 << 20;

export class StringDictionary {
  readonly values: string[] = [];
  private readonly index = new Map<string, number>();
  private bytes = 0;
  /** Per source dictionary (dict columns): source id → chunk id, -1 = not yet mapped. */
  private readonly remaps = new Map<readonly string[], Int32Array>();

  private idOf(s: string): number {
    let id = this.index.get(s);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(s);
      this.index.set(s, id);
      this.bytes += s.length + 4;
    }
    return id;
  }

  full(): boolean {
    return this.values.length > MAX_ENTRIES || this.bytes > MAX_BYTES;
  }

  /**
   * Writes the chunk ids of the non-null rows [from, to) into `ids` (returned count); false when the
   * dictionary overflowed and the chunk must be written PLAIN.
   */
  collect(col: Column, from: number, to: number, ids: Int32Array): number | false {
    const valid = col.valid;
    let n = 0;
    if (col.kind === 'dict') {
      let remap = this.remaps.get(col.dictionary);
      if (remap === undefined) {
        remap = new Int32Array(col.dictionary.length).fill(-1);
        this.remaps.set(col.dictionary, remap);
      }
      const src = col.ids;
      for (let i = from; i < to; i++) {
        if (valid !== null && valid[i] === 0) continue;
        const s = src[i]!;
        let id = remap[s]!;
        if (id < 0) {
          id = this.idOf(col.dictionary[s]!);
          remap[s] = id;
          if (this.full()) return false;
        }
        ids[n++] = id;
      }
      return n;
    }
    if (col.kind !== 'str') return false;
    const vals = col.values;
    for (let i = from; i < to; i++) {
      if (valid !== null && valid[i] === 0) continue;
      const s = vals[i];
      if (s === null || s === undefined) continue;
      const before = this.values.length;
      ids[n++] = this.idOf(s);
      if (this.values.length !== before && this.full()) return false;
    }
    return n;
  }

  /** PLAIN-encoded dictionary page body; also folds every entry into the chunk's min/max. */
  encodePage(st: ChunkStats): Uint8Array {
    const out = new ByteSink(this.bytes + 16);
    for (const s of this.values) {
      trackString(st, s);
      out.lengthPrefixedUtf8(s);
    }
    return out.view8();
  }
}

/** Cheap cardinality probe: strings look dictionary-worthy when a sample has few distinct values. */
export function looksLowCardinality(col: Column, from: number, to: number): boolean {
  if (col.kind === 'dict') return col.dictionary.length <= MAX_ENTRIES;
  if (col.kind !== 'str') return false;
  const n = Math.min(to - from, 4096);
  if (n === 0) return true;
  const seen = new Set<string | null>();
  for (let i = from; i < from + n; i++) seen.add(col.values[i] ?? null);
  return seen.size <= n / 4;
}
