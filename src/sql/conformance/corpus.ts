// The golden-file corpus on disk (../shared/spark-sql-tests beside the repository, or $TSSPARK_SQL_TESTS_DIR):
// locating it, listing its input/result pairs, and each file's era with the settings the suite ran it under.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { TsSparkError } from '../../common/errors.js';

export interface CorpusFile {
  /** Flattened name without extension, e.g. `subquery__in-subquery__in-basic`. */
  readonly name: string;
  readonly inputPath: string;
  readonly resultPath: string;
}

export type Era = '2.x' | '3.0-3.3' | '3.4+' | '4.x';

export interface FileEra {
  readonly era: Era;
  /** spark.sql.ansi.enabled as the generating Spark version's suite had it. */
  readonly ansi: boolean;
}

/**
 * Era per file, from the README's table: only Spark 4.x's suite turns ANSI on for ordinary inputs, and `union` is
 * the one file whose recorded answers need it (CAST_INVALID_INPUT when 'a' meets a number). `inline-table` and
 * `having` are 3.4+/4.x by format, but none of their statements depends on the mode (no string/number mixing,
 * overflow or invalid cast outside the recorded analysis errors), so they run with Spark 3.5's default (off).
 */
const ERAS: Readonly<Record<string, FileEra>> = {
  'inline-table': { era: '3.4+', ansi: false },
  having: { era: '3.4+', ansi: false },
  'natural-join': { era: '3.0-3.3', ansi: false },
  'null-handling': { era: '3.0-3.3', ansi: false },
  'outer-join': { era: '3.0-3.3', ansi: false },
  'order-by-nulls-ordering': { era: '3.4+', ansi: false },
  except: { era: '3.4+', ansi: false },
  union: { era: '4.x', ansi: true },
  cte: { era: '2.x', ansi: false },
  'subquery__in-subquery__in-basic': { era: '2.x', ansi: false },
  'subquery__exists-subquery__exists-basic': { era: '2.x', ansi: false },
  'cross-join': { era: '2.x', ansi: false },
  'intersect-all': { era: '3.0-3.3', ansi: false },
  'except-all': { era: '2.x', ansi: false },
};

export function eraOf(name: string): FileEra {
  return ERAS[name] ?? { era: '3.4+', ansi: false };
}

/** The settings every file runs under (SQLQueryTestSuite's sparkConf), plus the file's ANSI mode. */
export function suiteSettings(name: string): Array<readonly [string, string]> {
  return [
    ['spark.sql.shuffle.partitions', '4'],
    ['spark.sql.session.timeZone', 'America/Los_Angeles'],
    ['spark.sql.datetime.java8API.enabled', 'true'],
    ['spark.sql.ansi.enabled', String(eraOf(name).ansi)],
  ];
}

/** `$TSSPARK_SQL_TESTS_DIR`, else `<root>/../shared/spark-sql-tests`. */
export function resolveCorpusDir(repoRoot: string, env: NodeJS.ProcessEnv = process.env): string {
  const dir = env.TSSPARK_SQL_TESTS_DIR ?? path.resolve(repoRoot, '..', 'shared', 'spark-sql-tests');
  if (!existsSync(path.join(dir, 'inputs'))) {
    throw new TsSparkError('PATH_NOT_FOUND', `SQL conformance corpus not found at ${dir} (expected inputs/ and results/)`, {
      hint: 'set TSSPARK_SQL_TESTS_DIR to the folder holding inputs/*.sql and results/*.sql.out',
    });
  }
  return dir;
}

/** The pairs in the corpus, by name; `only` keeps the given names (with or without `.sql`), in corpus order. */
export function listCorpus(dir: string, only: readonly string[] = []): CorpusFile[] {
  const wanted = new Set(only.map((n) => n.replace(/\.sql$/, '')));
  const files = readdirSync(path.join(dir, 'inputs')).filter((f) => f.endsWith('.sql')).sort();
  const out: CorpusFile[] = [];
  for (const f of files) {
    const name = f.slice(0, -4);
    if (wanted.size > 0 && !wanted.has(name)) continue;
    const resultPath = path.join(dir, 'results', `${f}.out`);
    if (existsSync(resultPath)) out.push({ name, inputPath: path.join(dir, 'inputs', f), resultPath });
  }
  const missing = [...wanted].filter((n) => !out.some((c) => c.name === n));
  if (missing.length > 0) throw new TsSparkError('INVALID_ARGUMENT', `not in the corpus: ${missing.join(', ')}`);
  return out;
}

export function readText(p: string): string {
  return readFileSync(p, 'utf8');
}
