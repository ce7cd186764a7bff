// Runs the whole corpus (or the named files), one fresh session per file over one shared local SparkContext,
// with the repository's skip list applied; returns the per-file reports and the pass count.
import { existsSync } from 'node:fs';
import type { SparkSession } from '../session/spark-session.js';
import { listCorpus, readText, resolveCorpusDir } from './corpus.js';
import { runCorpusFile, type FileReport } from './run-file.js';
import { parseSkipList, type SkipEntry } from './skip-list.js';
import { tally } from './report-table.js';

export interface ConformanceOptions {
  /** Repository root (the corpus is `<root>/../shared/spark-sql-tests` unless TSSPARK_SQL_TESTS_DIR is set). */
  readonly root: string;
  readonly names?: readonly string[];
  readonly skipListPath?: string;
  readonly timeoutMs?: number;
  /** Forces ANSI mode on or off for every file (default: each file's era). */
  readonly ansi?: boolean;
  /** The base session (its context is shared; every file gets `newSession()`), e.g. a local[2] session. */
  readonly spark: SparkSession;
  readonly onFile?: (report: FileReport) => void;
}

export interface ConformanceResult {
  readonly files: readonly FileReport[];
  readonly pass: number;
  readonly statements: number;
}

export async function runConformance(opts: ConformanceOptions): Promise<ConformanceResult> {
  const dir = resolveCorpusDir(opts.root);
  const corpus = listCorpus(dir, opts.names ?? []);
  const skips: SkipEntry[] = opts.skipListPath && existsSync(opts.skipListPath) ? parseSkipList(readText(opts.skipListPath)) : [];
  const spark = opts.spark;
  const files: FileReport[] = [];
  for (const f of corpus) {
    const report = await runCorpusFile(spark, f, {
      skips,
      ...(opts.timeoutMs === undefined ? {} : { timeoutMs: opts.timeoutMs }),
      ...(opts.ansi === undefined ? {} : { ansi: opts.ansi }),
    });
    files.push(report);
    opts.onFile?.(report);
  }
  const all = tally(files.flatMap((f) => f.statements));
  return { files, pass: all.pass, statements: all.statements };
}
