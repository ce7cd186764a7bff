// Replays one input script of the corpus in a fresh session with the suite's settings and compares every
// statement with its recorded block: schema string, answer text, and for recorded errors that we fail too.
import type { SparkSession } from '../session/spark-session.js';
import { readText, eraOf, suiteSettings, type CorpusFile, type Era } from './corpus.js';
import { errorClassMatches } from './error-class.js';
import { parseGoldenFile, type GoldenBlock } from './golden-file.js';
import { runStatement, type StatementOutcome } from './run-statement.js';
import { findSkip, type SkipEntry } from './skip-list.js';
import { splitScript } from './split-script.js';

export interface StatementReport {
  readonly index: number;
  readonly sql: string;
  readonly expected: GoldenBlock;
  readonly outcome: StatementOutcome;
  readonly schemaMatch: boolean;
  readonly rowsMatch: boolean;
  /** Spark recorded an error for this statement. */
  readonly errorExpected: boolean;
  /** Spark recorded an error and we failed too. */
  readonly failedToo: boolean;
  readonly errorClassMatch: boolean;
  /** Answered statement: schema and rows match; recorded error: we fail too. */
  readonly pass: boolean;
  readonly skip?: SkipEntry;
}

export interface FileReport {
  readonly name: string;
  readonly era: Era;
  readonly ansi: boolean;
  readonly statements: readonly StatementReport[];
  /** Set when the splitter's statements disagree with the golden file's blocks (count or text). */
  readonly splitProblem?: string;
  readonly millis: number;
}

export interface RunFileOptions {
  readonly skips?: readonly SkipEntry[];
  readonly timeoutMs?: number;
  /** Forces spark.sql.ansi.enabled instead of the file's era default (for checking era questions). */
  readonly ansi?: boolean;
}

export async function runCorpusFile(base: SparkSession, file: CorpusFile, opts: RunFileOptions = {}): Promise<FileReport> {
  const started = Date.now();
  const script = splitScript(readText(file.inputPath));
  const golden = parseGoldenFile(readText(file.resultPath)).blocks;
  const spark = base.newSession();
  for (const [k, v] of [...suiteSettings(file.name), ...script.settings]) spark.conf.set(k, v);
  if (opts.ansi !== undefined) spark.conf.set('spark.sql.ansi.enabled', String(opts.ansi));
  const reports: StatementReport[] = [];
  const n = Math.min(script.statements.length, golden.length);
  for (let i = 0; i < n; i++) {
    const sql = script.statements[i]!;
    const outcome = await runStatement(spark, sql, opts.timeoutMs);
    const skip = findSkip(opts.skips ?? [], file.name, i, sql);
    reports.push(compare(i, sql, golden[i]!, outcome, skip));
  }
  const splitProblem = script.statements.length !== golden.length
    ? `${script.statements.length} statements but ${golden.length} recorded blocks`
    : script.statements.findIndex((s, i) => s !== golden[i]!.sql) >= 0
      ? `statement ${script.statements.findIndex((s, i) => s !== golden[i]!.sql)} differs from its recorded text`
      : undefined;
  const { era } = eraOf(file.name);
  const ansi = spark.conf.get('spark.sql.ansi.enabled') === 'true';
  return { name: file.name, era, ansi, statements: reports, ...(splitProblem ? { splitProblem } : {}), millis: Date.now() - started };
}

export function compare(index: number, sql: string, expected: GoldenBlock, outcome: StatementOutcome, skip?: SkipEntry): StatementReport {
  const errorExpected = expected.error !== undefined;
  const answered = outcome.kind === 'answer';
  const schemaMatch = answered && outcome.schema === expected.schema;
  const rowsMatch = answered && outcome.output === expected.output;
  const failedToo = errorExpected && outcome.kind === 'error';
  const errorClassMatch = failedToo && outcome.kind === 'error' && errorClassMatches(expected.error!, outcome.error);
  const pass = errorExpected ? failedToo : schemaMatch && rowsMatch;
  return { index, sql, expected, outcome, schemaMatch, rowsMatch, errorExpected, failedToo, errorClassMatch, pass, ...(skip ? { skip } : {}) };
}
