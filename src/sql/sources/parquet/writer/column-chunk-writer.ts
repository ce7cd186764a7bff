// Encodes one column of one row group into pages (an optional dictionary page, then data pages v1 with RLE
// definition levels), compressed per page; returns the bytes and what the footer needs. Called by parquet-file-writer.ts.
import type { Column } from '../../../batch/column-batch.js';
import { ByteSink } from './byte-sink.js';
import { Phys, type ParquetColumnType } from './parquet-types.js';
import { bitWidthOf, encodeRleHybrid } from './rle-encoder.js';
import { looksLowCardinality, StringDictionary } from './string-dictionary.js';
import { ThriftWriter } from './thrift-writer.js';
import { encodePlain, newStats, type ChunkStats } from './value-encoders.js';

export interface ColumnSlice {
  readonly col: Column;
  readonly from: number;
  readonly to: number;
}

export interface ChunkResult {
  readonly pages: Uint8Array[];
  readonly byteLength: number;
  readonly uncompressedLength: number;
  /** Offsets relative to the chunk start. */
  readonly dictionaryPageOffset: number | undefined;
  readonly dataPageOffset: number;
  readonly encodings: number[];
  readonly numValues: number;
  readonly stats: ChunkStats;
}

const ENC = { PLAIN: 0, RLE: 3, RLE_DICTIONARY: 8 } as const;
const PAGE = { DATA: 0, DICTIONARY: 2 } as const;

export interface ChunkOptions {
  /** The page codec (identity for uncompressed). */
  readonly compress: (raw: Uint8Array) => Uint8Array;
  readonly pageRows: number;
}

function pageHeader(type: number, uncompressed: number, compressed: number, body: (w: ThriftWriter) => void): Uint8Array {
  const w = new ThriftWriter(new ByteSink(64));
  w.i32(1, type).i32(2, uncompressed).i32(3, compressed);
  w.struct(type === PAGE.DATA ? 5 : 7, body);
  return w.end().slice();
}

export function writeColumnChunk(slices: readonly ColumnSlice[], pt: ParquetColumnType, nullable: boolean, opts: ChunkOptions): ChunkResult {
  const stats = newStats();
  const pages: Uint8Array[] = [];
  let byteLength = 0, uncompressedLength = 0, numValues = 0;
  const isString = pt.physical === Phys.BYTE_ARRAY;
  let dict: StringDictionary | undefined;
  if (isString && slices.length > 0 && looksLowCardinality(slices[0]!.col, slices[0]!.from, slices[0]!.to)) dict = new StringDictionary();
  const body = new ByteSink(1 << 16);
  const levels = new ByteSink(1024);
  let ids = new Int32Array(0);
  const dataPages: Array<{ header: Uint8Array; data: Uint8Array; raw: number }> = [];

  for (let pass = 0; pass < 2; pass++) {
    dataPages.length = 0;
    stats.min = Infinity; stats.max = -Infinity; stats.smin = undefined; stats.smax = undefined; stats.nulls = 0;
    numValues = 0;
    let overflow = false;
    for (const s of slices) {
      for (let from = s.from; from < s.to && !overflow; from += opts.pageRows) {
        const to = Math.min(s.to, from + opts.pageRows);
        const n = to - from;
        body.reset();
        let nonNull = n;
        if (nullable) {
          levels.reset();
          const valid = s.col.valid;
          if (valid === null) {
            levels.uvarint(n * 2); // one RLE run of n defined values
            levels.byte(1);
          } else {
            encodeRleHybrid(levels, valid, from, to, 1);
            nonNull = 0;
            for (let i = from; i < to; i++) nonNull += valid[i]!;
          }
          body.i32(levels.pos);
          body.append(levels.view8());
        } else if (s.col.valid !== null) {
          for (let i = from; i < to; i++) if (s.col.valid[i] === 0) throw new Error('parquet writer: null in a non-nullable column');
        }
        stats.nulls += n - nonNull;
        numValues += n;
        let encoding: number = ENC.PLAIN;
        if (dict !== undefined) {
          if (ids.length < n) ids = new Int32Array(Math.max(n, ids.length * 2));
          const k = dict.collect(s.col, from, to, ids);
          if (k === false) { overflow = true; break; }
          const width = bitWidthOf(Math.max(dict.values.length - 1, 0));
          body.byte(width);
          encodeRleHybrid(body, ids, 0, k, width);
          encoding = ENC.RLE_DICTIONARY;
        } else {
          encodePlain(body, s.col, from, to, pt, stats);
        }
        const raw = body.view8();
        const data = opts.compress(raw);
        const header = pageHeader(PAGE.DATA, raw.length, data.length, (w) => {
          w.i32(1, n).i32(2, encoding).i32(3, ENC.RLE).i32(4, ENC.RLE);
        });
        dataPages.push({ header, data, raw: raw.length });
      }
      if (overflow) break;
    }
    if (!overflow) break;
    dict = undefined; // second pass: PLAIN
  }

  let dictionaryPageOffset: number | undefined;
  const encodings: number[] = [ENC.RLE, ENC.PLAIN];
  if (dict !== undefined) {
    const raw = dict.encodePage(stats);
    const data = opts.compress(raw);
    const header = pageHeader(PAGE.DICTIONARY, raw.length, data.length, (w) => { w.i32(1, dict!.values.length).i32(2, ENC.PLAIN); });
    dictionaryPageOffset = 0;
    pages.push(header, data);
    byteLength += header.length + data.length;
    uncompressedLength += header.length + raw.length;
    encodings.push(ENC.RLE_DICTIONARY);
  }
  const dataPageOffset = byteLength;
  for (const p of dataPages) {
    pages.push(p.header, p.data);
    byteLength += p.header.length + p.data.length;
    uncompressedLength += p.header.length + p.raw;
  }
  return { pages, byteLength, uncompressedLength, dictionaryPageOffset, dataPageOffset, encodings, numValues, stats };
}
