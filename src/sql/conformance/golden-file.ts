// Reads a SQLQueryTestSuite `.sql.out` golden file into blocks the way Spark does (split on `-- !query.*\n`,
// three segments per statement; sql/schema trimmed, output right-stripped), and recognises recorded errors
// (exception class line, then either Spark 3.4+'s JSON object or an older free-text message).
import { TsSparkError } from '../../common/errors.js';
import { javaTrim, stripTrailingWhitespace } from './java-text.js';

export interface RecordedError {
  /** Fully qualified exception class, e.g. `org.apache.spark.sql.AnalysisException`. */
  readonly exceptionClass: string;
  /** The JSON `errorClass` (Spark 3.4+), e.g. `INVALID_INLINE_TABLE.NUM_COLUMNS_MISMATCH`. */
  readonly errorClass?: string;
  readonly sqlState?: string;
  /** Everything after the exception class line. */
  readonly message: string;
}

export interface GoldenBlock {
  readonly sql: string;
  readonly schema: string;
  /** Output lines joined by `\n`, trailing whitespace removed; empty for commands and empty results. */
  readonly output: string;
  readonly error?: RecordedError;
}

export interface GoldenFile {
  /** `numbered` (`-- !query 3`), `counted` (`-- Number of queries: N` header) or `plain` (Spark 3.1+). */
  readonly style: 'numbered' | 'counted' | 'plain';
  readonly blocks: readonly GoldenBlock[];
}

const MARKER = /-- !query.*\n/;
const EXCEPTION_LINE = /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*(Exception|Error|Throwable)$/;

export function parseGoldenFile(text: string): GoldenFile {
  const segments = text.split(MARKER);
  if ((segments.length - 1) % 3 !== 0) {
    throw new TsSparkError('INVALID_ARGUMENT', `golden file has ${segments.length - 1} segments after the header, not a multiple of 3`);
  }
  const style = /-- !query \d+\n/.test(text) ? 'numbered' : /^-- Number of queries: \d+/m.test(segments[0] ?? '') ? 'counted' : 'plain';
  const blocks: GoldenBlock[] = [];
  for (let i = 0; 3 * i + 3 < segments.length; i++) {
    const sql = javaTrim(segments[3 * i + 1]!);
    const schema = javaTrim(segments[3 * i + 2]!);
    const output = stripTrailingWhitespace(segments[3 * i + 3]!);
    const error = schema === 'struct<>' ? recordedError(output) : undefined;
    blocks.push(error ? { sql, schema, output, error } : { sql, schema, output });
  }
  return { style, blocks };
}

/** The error recorded in an output section, or undefined when the section is not an exception. */
export function recordedError(output: string): RecordedError | undefined {
  const nl = output.indexOf('\n');
  const first = nl < 0 ? output : output.slice(0, nl);
  if (!EXCEPTION_LINE.test(first)) return undefined;
  const message = nl < 0 ? '' : output.slice(nl + 1);
  const trimmed = message.trim();
  if (trimmed.startsWith('{')) {
    try {
      const json = JSON.parse(trimmed) as { errorClass?: unknown; sqlState?: unknown };
      return {
        exceptionClass: first,
        message,
        ...(typeof json.errorClass === 'string' ? { errorClass: json.errorClass } : {}),
        ...(typeof json.sqlState === 'string' ? { sqlState: json.sqlState } : {}),
      };
    } catch {
      // not JSON after all: keep the free text
    }
  }
  return { exceptionClass: first, message };
}
