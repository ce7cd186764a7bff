// Compares a failure of ours with the one Spark recorded: the JSON `errorClass` when the golden file has one
// (Spark 3.4+), else the 3.5 class that replaced an older free-text message, else the exception kind
// (AnalysisException ↔ ANALYSIS_ERROR, ParseException ↔ PARSE_ERROR…).
import { isTsSparkError, type ErrorCode } from '../../common/errors.js';
import type { RecordedError } from './golden-file.js';
import { legacyErrorClass } from './legacy-error-classes.js';

export interface ObservedError {
  /** Our error code (INTERNAL for non-TsSpark errors). */
  readonly code: ErrorCode;
  /** Spark-style error class when ours names one (details.errorClass, or a leading `[CLASS]` in the message). */
  readonly errorClass?: string;
  /** The whole message as Spark prints it (`[CLASS] …`, `Expected one of …`, the `== SQL ==` caret block), no stack. */
  readonly message: string;
}

/** Codes that only wrap the real failure (Spark shows runtime failures "through their cause"). */
const WRAPPERS: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['JOB_FAILED', 'TASK_FAILED']);

export function observeError(e: unknown): ObservedError {
  let cur: unknown = e;
  for (let depth = 0; depth < 8 && isTsSparkError(cur) && WRAPPERS.has(cur.code) && cur.cause !== undefined; depth++) cur = cur.cause;
  // a wrapper without cause embeds the task's stack in its text ("Lost task …: <stack>"): keep the text only
  const message = (cur instanceof Error ? cur.message : String(cur)).split('\n').filter((l) => !/^\s+at \S/.test(l))
    .join('\n').replace(/^\s+/, '').trimEnd();
  if (!isTsSparkError(cur)) return { code: 'INTERNAL', message };
  const fromDetails = typeof cur.details.errorClass === 'string' ? cur.details.errorClass : undefined;
  const fromMessage = /^\[([A-Z][A-Z0-9_]*(?:\.[A-Z][A-Z0-9_]*)*)\]/.exec(message)?.[1];
  const errorClass = fromDetails ?? fromMessage;
  return errorClass === undefined ? { code: cur.code, message } : { code: cur.code, errorClass, message };
}

/** The first line of an observed message: what the conformance report shows (classes are what it compares). */
export function firstLine(s: string): string {
  const nl = s.indexOf('\n');
  return nl < 0 ? s : s.slice(0, nl);
}

/** Our code for a recorded exception class, by its simple name; undefined when there is no counterpart. */
export function codeForException(exceptionClass: string): ErrorCode | undefined {
  const simple = exceptionClass.slice(exceptionClass.lastIndexOf('.') + 1);
  switch (simple) {
    case 'ParseException': return 'PARSE_ERROR';
    case 'AnalysisException': case 'ExtendedAnalysisException': return 'ANALYSIS_ERROR';
    case 'SparkNumberFormatException': case 'SparkDateTimeException': return 'CAST_ERROR';
    case 'SparkArithmeticException': return 'ARITHMETIC_ERROR';
    default: return undefined;
  }
}

/** Whether our failure is the same as Spark's: its error class (recorded, or mapped from old text), else its kind. */
export function errorClassMatches(recorded: RecordedError, observed: ObservedError): boolean {
  if (recorded.errorClass !== undefined) return observed.errorClass === recorded.errorClass;
  const kindMatches = codeForException(recorded.exceptionClass) === observed.code;
  const legacy = legacyErrorClass(recorded.message);
  if (legacy === undefined) return kindMatches;
  const cls = observed.errorClass;
  return kindMatches && cls !== undefined && (cls === legacy || cls.startsWith(`${legacy}.`));
}
