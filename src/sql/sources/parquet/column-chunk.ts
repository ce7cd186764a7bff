// Decodes one flat column chunk (dictionary page + v1/v2 data pages) into typed arrays:
// fixed-width bytes, bit-packed booleans, or byte arrays with optional dictionary ids.
// Called by row-group-reader.ts; values go to to-arrow.ts.
import { TsSparkError } from '../../../common/errors.js';
import { ByteArrayBuilder } from './byte-array-builder.js';
import { decompressPage } from './compression.js';
import { decodeDeltaBinaryPacked, decodeDeltaByteArray, decodeDeltaLengthByteArray } from './delta.js';
import { decodeDefLevels, setBits, type LevelScratch } from './levels.js';
import { decodePageHeader, Encoding, PageType, PhysicalType, type ColumnChunkMeta } from './metadata.js';
import { bitWidthOf, decodeHybrid, EncodingError } from './rle.js';
import type { LeafColumn } from './schema.js';
import { scatterBits, scatterFixed, scatterInt32, spreadOffsets } from './scatter-nulls.js';

export interface DecodedColumn {
  readonly length: number;
  readonly nullCount: number;
  /** Arrow validity bitmap; null when the chunk has no nulls. */
  readonly validity: Uint8Array | null;
  /** Bytes per value for `fixed` (0: bit-packed booleans; -1: byte arrays in `bytes`). */
  readonly width: number;
  readonly fixed: Uint8Array | null;
  /** Byte-array values; the dictionary itself when `ids` is set. */
  readonly bytes: ByteArrayBuilder | null;
  readonly ids: Int32Array | null;
}

export function physicalWidth(leaf: LeafColumn): number {
  switch (leaf.physical) {
    case PhysicalType.BOOLEAN: return 0;
    case PhysicalType.INT32: case PhysicalType.FLOAT: return 4;
    case PhysicalType.INT64: case PhysicalType.DOUBLE: return 8;
    case PhysicalType.INT96: return 12;
    case PhysicalType.FIXED_LEN_BYTE_ARRAY: return leaf.typeLength;
    default: return -1;
  }
}

class ChunkDecoder {
  readonly width: number;
  readonly validity: Uint8Array | null;
  readonly fixed: Uint8Array | null;
  readonly words: Int32Array | null;
  bytes: ByteArrayBuilder | null = null;
  ids: Int32Array | null = null;
  dictFixed: Uint8Array | null = null;
  dictWords: Int32Array | null = null;
  dictCount = 0;
  rows = 0;
  vals = 0;
  scratch: Int32Array = new Int32Array(1024);
  readonly levelScratch: LevelScratch = { buf: new Int32Array(1024) };

  constructor(readonly leaf: LeafColumn, readonly numRows: number, readonly codec: number) {
    this.width = physicalWidth(leaf);
    this.validity = leaf.maxDef > 0 ? new Uint8Array((numRows + 7) >>> 3) : null;
    if (this.width >= 0) {
      const size = this.width === 0 ? (numRows + 7) >>> 3 : numRows * this.width;
      this.fixed = new Uint8Array(new ArrayBuffer((size + 7) & ~7));
      this.words = this.width > 0 && this.width % 4 === 0 ? new Int32Array(this.fixed.buffer) : null;
      this.fixed = this.fixed.subarray(0, size);
    } else {
      this.fixed = null;
      this.words = null;
    }
  }

  dictionaryPage(page: Uint8Array, count: number): void {
    if (this.width < 0) {
      this.bytes = new ByteArrayBuilder(count + 16, page.length);
      this.bytes.appendPlain(page, 0, page.length, count);
      this.ids = new Int32Array(this.numRows);
    } else if (this.width === 0) {
      this.dictFixed = new Uint8Array(count);
      for (let i = 0; i < count; i++) this.dictFixed[i] = (page[i >>> 3]! >>> (i & 7)) & 1;
    } else {
      const size = count * this.width;
      if (size > page.length) throw new EncodingError('dictionary page truncated');
      const buf = new Uint8Array(new ArrayBuffer((size + 7) & ~7));
      buf.set(page.subarray(0, size));
      this.dictFixed = buf;
      this.dictWords = this.width % 4 === 0 ? new Int32Array(buf.buffer) : null;
    }
    this.dictCount = count;
  }

  /** Consumes the definition levels of a page covering `count` rows; returns its non-null count. */
  levels(buf: Uint8Array, pos: number, end: number, count: number): number {
    if (!this.validity) return count;
    return decodeDefLevels(buf, pos, end, bitWidthOf(this.leaf.maxDef), this.leaf.maxDef, count, this.validity, this.rows, this.levelScratch);
  }

  values(page: Uint8Array, p: number, end: number, encoding: number, n: number): void {
    const w = this.width;
    switch (encoding) {
      case Encoding.PLAIN:
        if (w > 0) {
          if (p + n * w > end) throw new EncodingError('PLAIN page truncated');
          this.fixed!.set(page.subarray(p, p + n * w), this.vals * w);
        } else if (w === 0) {
          if (p + ((n + 7) >>> 3) > end) throw new EncodingError('PLAIN page truncated');
          copyBits(page, p * 8, this.fixed!, this.vals, n);
        } else this.byteArrays(n, (b) => b.appendPlain(page, p, end, n));
        break;
      case Encoding.PLAIN_DICTIONARY: case Encoding.RLE_DICTIONARY:
        this.dictionaryIds(page, p, end, n);
        break;
      case Encoding.RLE: {
        if (w !== 0) throw new EncodingError('RLE values on a non-boolean column');
        const ids = this.scratchOf(n);
        decodeHybrid(page, p + 4, end, 1, n, ids, 0);
        const bits = this.fixed!;
        for (let i = 0, r = this.vals; i < n; i++, r++) if (ids[i] === 1) bits[r >>> 3]! |= 1 << (r & 7);
        break;
      }
      case Encoding.DELTA_BINARY_PACKED:
        if (this.leaf.physical !== PhysicalType.INT32 && this.leaf.physical !== PhysicalType.INT64) throw new EncodingError('DELTA_BINARY_PACKED on a non-integer column');
        decodeDeltaBinaryPacked(page, p, end, n, this.words!, this.vals, w === 8 ? 2 : 1);
        break;
      case Encoding.DELTA_LENGTH_BYTE_ARRAY:
        this.byteArrays(n, (b) => decodeDeltaLengthByteArray(page, p, end, n, b));
        break;
      case Encoding.DELTA_BYTE_ARRAY:
        this.byteArrays(n, (b) => decodeDeltaByteArray(page, p, end, n, b));
        break;
      case Encoding.BYTE_STREAM_SPLIT: {
        if (w <= 0 || p + n * w > end) throw new EncodingError('bad BYTE_STREAM_SPLIT page');
        const out = this.fixed!, base = this.vals * w;
        for (let k = 0; k < w; k++) for (let i = 0; i < n; i++) out[base + i * w + k] = page[p + k * n + i]!;
        break;
      }
      default:
        throw new TsSparkError('UNSUPPORTED', `parquet encoding ${encoding} of column ${this.leaf.name} is not supported`);
    }
    this.vals += n;
  }

  private byteArrays(n: number, decode: (b: ByteArrayBuilder) => unknown): void {
    if (this.width >= 0) throw new EncodingError('byte-array encoding on a fixed-width column');
    if (!this.bytes) this.bytes = new ByteArrayBuilder(this.numRows, this.numRows * 8);
    const first = this.bytes.count;
    decode(this.bytes);
    // a plain page after a dictionary page (writer fallback): its values extend the dictionary
    if (this.ids) for (let i = 0; i < n; i++) this.ids[this.vals + i] = first + i;
  }

  private scratchOf(n: number): Int32Array {
    if (this.scratch.length < n) this.scratch = new Int32Array(Math.max(n, this.scratch.length * 2));
    return this.scratch;
  }

  private dictionaryIds(page: Uint8Array, p: number, end: number, n: number): void {
    if (this.dictCount === 0 && n > 0 && !this.ids) throw new EncodingError('dictionary-encoded page without a dictionary');
    const bw = page[p]!;
    const w = this.width, limit = this.dictCount, v = this.vals;
    if (w < 0) {
      const ids = this.ids!;
      decodeHybrid(page, p + 1, end, bw, n, ids, v);
      for (let i = v; i < v + n; i++) if ((ids[i]! >>> 0) >= limit) throw new EncodingError('dictionary id out of range');
      return;
    }
    const ids = this.scratchOf(n);
    decodeHybrid(page, p + 1, end, bw, n, ids, 0);
    if (w === 4) {
      const out = this.words!, d = this.dictWords!;
      for (let i = 0; i < n; i++) {
        const id = ids[i]!;
        if ((id >>> 0) >= limit) throw new EncodingError('dictionary id out of range');
        out[v + i] = d[id]!;
      }
    } else if (w === 8) {
      const out = this.words!, d = this.dictWords!;
      for (let i = 0, o = 2 * v; i < n; i++, o += 2) {
        const id = ids[i]!;
        if ((id >>> 0) >= limit) throw new EncodingError('dictionary id out of range');
        out[o] = d[2 * id]!;
        out[o + 1] = d[2 * id + 1]!;
      }
    } else if (w === 0) {
      const out = this.fixed!, d = this.dictFixed!;
      for (let i = 0, r = v; i < n; i++, r++) {
        const id = ids[i]!;
        if ((id >>> 0) >= limit) throw new EncodingError('dictionary id out of range');
        if (d[id] === 1) out[r >>> 3]! |= 1 << (r & 7);
      }
    } else {
      const out = this.fixed!, d = this.dictFixed!;
      for (let i = 0; i < n; i++) {
        const id = ids[i]!;
        if ((id >>> 0) >= limit) throw new EncodingError('dictionary id out of range');
        out.set(d.subarray(id * w, id * w + w), (v + i) * w);
      }
    }
  }

  finish(): DecodedColumn {
    const rows = this.numRows, nulls = rows - this.vals;
    if (this.rows !== rows) throw new EncodingError(`column chunk holds ${this.rows} rows, row group says ${rows}`);
    let bytes = this.bytes;
    if (nulls > 0) {
      const validity = this.validity!;
      if (this.width > 0) scatterFixed(this.fixed!, this.words, this.width, validity, rows, this.vals);
      else if (this.width === 0) scatterBits(this.fixed!, validity, rows, this.vals);
      else if (this.ids) scatterInt32(this.ids, validity, rows, this.vals);
      else if (bytes) bytes.offsets = spreadOffsets(bytes.offsets, validity, rows);
    }
    if (this.width < 0 && !bytes) bytes = new ByteArrayBuilder(rows, 16); // all-null chunk
    return { length: rows, nullCount: nulls, validity: nulls > 0 ? this.validity : null, width: this.width, fixed: this.fixed, bytes, ids: this.ids };
  }
}

/** Decodes the chunk whose bytes are `buf[start, end)`. */
export function decodeColumnChunk(buf: Uint8Array, start: number, end: number, leaf: LeafColumn, meta: ColumnChunkMeta, numRows: number): DecodedColumn {
  const d = new ChunkDecoder(leaf, numRows, meta.codec);
  let pos = start;
  while (pos < end && d.rows < numRows) {
    const { header: h, bodyStart } = decodePageHeader(buf, pos, end);
    const bodyEnd = bodyStart + h.compressedSize;
    if (h.compressedSize < 0 || bodyEnd > end) throw new EncodingError('page extends past the column chunk');
    if (h.type === PageType.DICTIONARY_PAGE) {
      d.dictionaryPage(decompressPage(meta.codec, buf, bodyStart, bodyEnd, h.uncompressedSize), h.numValues);
    } else if (h.type === PageType.DATA_PAGE) {
      const page = decompressPage(meta.codec, buf, bodyStart, bodyEnd, h.uncompressedSize);
      let p = 0, nonNull = h.numValues;
      if (leaf.maxDef > 0) {
        const len = (page[0]! | (page[1]! << 8) | (page[2]! << 16) | (page[3]! << 24)) >>> 0;
        if (4 + len > page.length) throw new EncodingError('definition levels truncated');
        nonNull = d.levels(page, 4, 4 + len, h.numValues);
        p = 4 + len;
      }
      d.values(page, p, page.length, h.encoding, nonNull);
      d.rows += h.numValues;
    } else if (h.type === PageType.DATA_PAGE_V2) {
      if (h.repLevelsLength !== 0) throw new TsSparkError('UNSUPPORTED', `column ${leaf.name} has repetition levels`);
      const defStart = bodyStart + h.repLevelsLength, valStart = defStart + h.defLevelsLength;
      if (valStart > bodyEnd) throw new EncodingError('v2 page levels exceed the page');
      let nonNull = h.numValues;
      if (leaf.maxDef > 0) nonNull = h.defLevelsLength === 0 ? markAll(d, h.numValues) : d.levels(buf, defStart, valStart, h.numValues);
      const page = h.isCompressed
        ? decompressPage(meta.codec, buf, valStart, bodyEnd, h.uncompressedSize - h.repLevelsLength - h.defLevelsLength)
        : buf.subarray(valStart, bodyEnd);
      d.values(page, 0, page.length, h.encoding, nonNull);
      d.rows += h.numValues;
    }
    pos = bodyEnd;
  }
  return d.finish();
}

function markAll(d: ChunkDecoder, n: number): number {
  setBits(d.validity!, d.rows, n);
  return n;
}

function copyBits(src: Uint8Array, srcBit: number, dst: Uint8Array, dstBit: number, n: number): void {
  for (let i = 0; i < n; i++) {
    const s = srcBit + i, t = dstBit + i;
    if ((src[s >>> 3]! >>> (s & 7)) & 1) dst[t >>> 3]! |= 1 << (t & 7);
  }
}
