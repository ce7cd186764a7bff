// Serializes FileMetaData (schema, row groups, column chunk metadata with statistics) in the thrift compact
// protocol, field ids from parquet-format's parquet.thrift. Called once per file by parquet-file-writer.ts.
import type { StructField } from '../../../types/data-type.js';
import type { ChunkResult } from './column-chunk-writer.js';
import { Phys, type Logical, type ParquetColumnType } from './parquet-types.js';
import { ThriftWriter } from './thrift-writer.js';
import { bigEndianBytes, type ChunkStats } from './value-encoders.js';

export interface WrittenChunk {
  readonly field: StructField;
  readonly type: ParquetColumnType;
  readonly offset: number;
  readonly result: ChunkResult;
}

export interface WrittenRowGroup {
  readonly numRows: number;
  readonly offset: number;
  readonly chunks: readonly WrittenChunk[];
}

const MAX_STAT_BYTES = 128;

function statBytes(v: number, pt: ParquetColumnType): Uint8Array {
  const b = new Uint8Array(8);
  const dv = new DataView(b.buffer);
  switch (pt.physical) {
    case Phys.BOOLEAN: return new Uint8Array([v]);
    case Phys.INT32: dv.setInt32(0, v, true); return b.subarray(0, 4);
    case Phys.INT64: dv.setUint32(0, v >>> 0, true); dv.setInt32(4, Math.floor(v / 4294967296) | 0, true); return b;
    case Phys.FLOAT: dv.setFloat32(0, v, true); return b.subarray(0, 4);
    case Phys.DOUBLE: dv.setFloat64(0, v, true); return b;
    default: return bigEndianBytes(v, pt.typeLength);
  }
}

function writeStats(w: ThriftWriter, st: ChunkStats, pt: ParquetColumnType): void {
  w.i64(3, st.nulls);
  if (pt.physical === Phys.BYTE_ARRAY) {
    if (st.smin === undefined || st.smax === undefined) return;
    const max = Buffer.from(st.smax, 'utf8');
    const min = Buffer.from(st.smin, 'utf8');
    if (max.length <= MAX_STAT_BYTES && min.length <= MAX_STAT_BYTES) w.binary(5, max).binary(6, min);
    return;
  }
  if (st.min > st.max) return; // all null (or NaN)
  w.binary(5, statBytes(st.max, pt)).binary(6, statBytes(st.min, pt));
}

function writeLogical(w: ThriftWriter, l: Logical): void {
  switch (l.kind) {
    case 'string': w.struct(1, () => {}); break;
    case 'date': w.struct(6, () => {}); break;
    case 'decimal': w.struct(5, (d) => { d.i32(1, l.scale).i32(2, l.precision); }); break;
    case 'timestamp': w.struct(8, (t) => { t.bool(1, l.utc).struct(2, (u) => { u.struct(2, () => {}); }); }); break;
    case 'int': w.struct(10, (t) => { t.byteField(1, l.bits).bool(2, true); }); break;
  }
}

export function encodeFooter(fields: readonly StructField[], types: readonly ParquetColumnType[], groups: readonly WrittenRowGroup[], codec: number, createdBy: string): Uint8Array {
  const w = new ThriftWriter();
  w.i32(1, 1);
  const root = { name: 'spark_schema', field: undefined as StructField | undefined, type: undefined as ParquetColumnType | undefined };
  const elems = [root, ...fields.map((f, i) => ({ name: f.name, field: f as StructField | undefined, type: types[i] }))];
  w.structList(2, elems, (s, e) => {
    if (e.field === undefined || e.type === undefined) {
      s.string(4, e.name).i32(5, fields.length);
      return;
    }
    const t = e.type;
    s.i32(1, t.physical);
    if (t.typeLength > 0) s.i32(2, t.typeLength);
    s.i32(3, e.field.nullable ? 1 : 0).string(4, e.name);
    if (t.converted !== undefined) s.i32(6, t.converted);
    if (t.logical?.kind === 'decimal') s.i32(7, t.scale).i32(8, t.precision);
    if (t.logical !== undefined) s.struct(10, (l) => writeLogical(l, t.logical!));
  });
  w.i64(3, groups.reduce((a, g) => a + g.numRows, 0));
  w.structList(4, groups, (g, rg) => {
    g.structList(1, rg.chunks, (c, ch) => {
      const r = ch.result;
      c.i64(2, ch.offset);
      c.struct(3, (m) => {
        m.i32(1, ch.type.physical).i32List(2, r.encodings).stringList(3, [ch.field.name]).i32(4, codec);
        m.i64(5, r.numValues).i64(6, r.uncompressedLength).i64(7, r.byteLength);
        m.i64(9, ch.offset + r.dataPageOffset);
        if (r.dictionaryPageOffset !== undefined) m.i64(11, ch.offset + r.dictionaryPageOffset);
        m.struct(12, (st) => writeStats(st, r.stats, ch.type));
      });
    });
    g.i64(2, rg.chunks.reduce((a, c) => a + c.result.uncompressedLength, 0));
    g.i64(3, rg.numRows);
    g.i64(5, rg.offset);
    g.i64(6, rg.chunks.reduce((a, c) => a + c.result.byteLength, 0));
  });
  w.string(6, createdBy);
  return w.end();
}
