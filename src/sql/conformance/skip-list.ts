// The repository's skip list (conformance/skip-list.tsv): statements whose recorded answer comes from a Spark
// version whose behaviour we do not follow, each with the version we match and a one-line reason.
import { TsSparkError } from '../../common/errors.js';

export interface SkipEntry {
  readonly file: string;
  /** A 0-based statement index, or a prefix of the statement text. */
  readonly statement: number | string;
  /** The Spark version whose answer we match instead. */
  readonly sparkVersion: string;
  readonly reason: string;
}

/** Parses the TSV (header `file	statement	spark_version	reason`; `#` lines and blank lines ignored). */
export function parseSkipList(text: string): SkipEntry[] {
  const out: SkipEntry[] = [];
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    if (line.trim() === '' || line.startsWith('#') || (i === 0 && line.startsWith('file\t'))) return;
    const cols = line.split('\t');
    if (cols.length < 4 || cols.some((c, j) => j < 4 && c.trim() === '')) {
      throw new TsSparkError('INVALID_ARGUMENT', `skip list line ${i + 1}: expected 4 tab-separated fields (file, statement, spark version, reason)`);
    }
    const st = cols[1]!.trim();
    out.push({ file: cols[0]!.trim(), statement: /^\d+$/.test(st) ? Number(st) : st, sparkVersion: cols[2]!.trim(), reason: cols.slice(3).join('\t').trim() });
  });
  return out;
}

export function findSkip(entries: readonly SkipEntry[], file: string, index: number, sql: string): SkipEntry | undefined {
  return entries.find((e) => e.file === file && (typeof e.statement === 'number' ? e.statement === index : sql.startsWith(e.statement)));
}
