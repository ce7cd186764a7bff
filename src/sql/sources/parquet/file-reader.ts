// Synchronous file access for the Parquet reader: footer parsing (cached per path, invalidated by
// size/mtime), projected column-chunk reads with fs.readSync, and the error mapping that names the file.
import * as fs from 'node:fs';
import { TsSparkError, isTsSparkError } from '../../../common/errors.js';
import { decodeFileMetaData, Encoding, type FileMetaData } from './metadata.js';
import { topLevelColumns, type TopLevelColumn } from './schema.js';

export interface ParquetFooter {
  readonly path: string;
  readonly size: number;
  readonly meta: FileMetaData;
  readonly columns: readonly TopLevelColumn[];
  /** Leaf indexes of columns whose every chunk is dictionary-encoded. */
  readonly dictionaryLeaves: ReadonlySet<number>;
}

const MAGIC = 0x31524150; // "PAR1" little-endian
const cache = new Map<string, { size: number; mtimeMs: number; footer: ParquetFooter }>();
const CACHE_LIMIT = 256;

export function corrupt(path: string, reason: string, details: Record<string, unknown> = {}, cause?: unknown): TsSparkError {
  return new TsSparkError('CORRUPT_FILE', `parquet file ${path} is corrupt or truncated: ${reason}`, {
    details: { path, ...details },
    ...(cause !== undefined ? { cause } : {}),
  });
}

/** Runs `fn`, turning decoder failures into CORRUPT_FILE errors that name the file (TsSparkErrors pass through). */
export function guard<T>(path: string, details: Record<string, unknown>, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (isTsSparkError(e)) throw e;
    throw corrupt(path, e instanceof Error ? e.message : String(e), details, e);
  }
}

export function withFile<T>(path: string, fn: (fd: number) => T): T {
  let fd: number;
  try {
    fd = fs.openSync(path, 'r');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new TsSparkError('PATH_NOT_FOUND', `parquet file ${path} does not exist`, { details: { path } });
    throw new TsSparkError('INVALID_ARGUMENT', `cannot open parquet file ${path}: ${(e as Error).message}`, { details: { path }, cause: e });
  }
  try {
    return fn(fd);
  } finally {
    fs.closeSync(fd);
  }
}

export function readBytes(fd: number, offset: number, length: number): Uint8Array {
  const out = new Uint8Array(length);
  let done = 0;
  while (done < length) {
    const n = fs.readSync(fd, out, done, length - done, offset + done);
    if (n === 0) break;
    done += n;
  }
  if (done !== length) throw new RangeError(`short read: ${done} of ${length} bytes at ${offset}`);
  return out;
}

export function readFooter(path: string, fd?: number): ParquetFooter {
  const run = (f: number): ParquetFooter => {
    const st = fs.fstatSync(f);
    const hit = cache.get(path);
    if (hit && hit.size === st.size && hit.mtimeMs === st.mtimeMs) return hit.footer;
    const footer = parseFooter(path, f, st.size);
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
    cache.set(path, { size: st.size, mtimeMs: st.mtimeMs, footer });
    return footer;
  };
  return fd === undefined ? withFile(path, run) : run(fd);
}

function parseFooter(path: string, fd: number, size: number): ParquetFooter {
  if (size < 12) throw corrupt(path, `file is ${size} bytes, too small for parquet`);
  const tail = readBytes(fd, size - 8, 8);
  const dv = new DataView(tail.buffer);
  const head = readBytes(fd, 0, 4);
  if (dv.getUint32(4, true) !== MAGIC || new DataView(head.buffer).getUint32(0, true) !== MAGIC) {
    throw corrupt(path, 'missing PAR1 magic (not a parquet file)');
  }
  const metaLen = dv.getUint32(0, true);
  if (metaLen + 12 > size) throw corrupt(path, `footer length ${metaLen} exceeds file size ${size}`);
  const meta = guard(path, { part: 'footer' }, () => decodeFileMetaData(readBytes(fd, size - 8 - metaLen, metaLen)));
  const columns = topLevelColumns(meta, path);
  const dictionaryLeaves = new Set<number>();
  for (const c of columns) {
    if (!c.leaf) continue;
    const i = c.leaf.leafIndex;
    const all = meta.rowGroups.length > 0 && meta.rowGroups.every((g) => {
      const m = g.columns[i];
      return m !== undefined && (m.encodings.includes(Encoding.PLAIN_DICTIONARY) || m.encodings.includes(Encoding.RLE_DICTIONARY) || (m.dictionaryPageOffset ?? 0) > 0);
    });
    if (all) dictionaryLeaves.add(i);
  }
  for (const [g, rg] of meta.rowGroups.entries()) {
    for (const c of columns) {
      if (c.leaf && !rg.columns[c.leaf.leafIndex]) throw corrupt(path, `row group ${g} lacks column ${c.name}`);
    }
  }
  return { path, size, meta, columns, dictionaryLeaves };
}
