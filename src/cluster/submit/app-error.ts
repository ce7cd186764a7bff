// How tsspark-submit prints an application's failure. User errors (a TsSparkError whose code the user can fix:
// analysis, parse, bad argument, malformed input…, also when a failed job wraps one) print as `<Exception>: <message>`
// plus their causes' messages, without stacks; anything else prints the stack, a hint the stack lacks and the causes.
import { isTsSparkError, type ErrorCode } from '../../common/errors.js';

const MAX_CAUSES = 5;

/** Codes of errors the user fixes in their program, query or data: printed without stack traces. */
const USER_CODES: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'INVALID_ARGUMENT', 'INVALID_CONFIG', 'PATH_NOT_FOUND', 'CLOSURE_NOT_SERIALIZABLE', 'UNSUPPORTED', 'CORRUPT_FILE',
  'PARSE_ERROR', 'ANALYSIS_ERROR', 'ARITHMETIC_ERROR', 'CAST_ERROR',
]);

/** Codes that only wrap the real failure: a user error inside a failed job is still a user error. */
const WRAPPERS: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['JOB_FAILED', 'TASK_FAILED']);

/** Spark's exception names for our user-error codes (what spark-submit shows before the message). */
const SPARK_NAMES: Partial<Record<ErrorCode, string>> = {
  PARSE_ERROR: 'ParseException',
  ANALYSIS_ERROR: 'AnalysisException',
  ARITHMETIC_ERROR: 'SparkArithmeticException',
  CAST_ERROR: 'SparkRuntimeException',
  INVALID_ARGUMENT: 'IllegalArgumentException',
  UNSUPPORTED: 'SparkUnsupportedOperationException',
  JOB_FAILED: 'SparkException',
  TASK_FAILED: 'SparkException',
};

export function formatAppError(e: unknown): string {
  const chain = causeChain(e);
  const describe = isUserErrorChain(chain) ? describeUser : describeOne;
  return chain.map((x, i) => (i === 0 ? describe(x) : `Caused by: ${describe(x)}`)).join('\n');
}

/**
 * A chain is a user error when a user-coded TsSparkError comes first or right after job/task wrappers; what it wraps
 * itself (e.g. the JSON.parse SyntaxError behind a FAILFAST malformed record) is only shown by message.
 */
function isUserErrorChain(chain: readonly unknown[]): boolean {
  for (const x of chain) {
    if (!isTsSparkError(x)) return false;
    if (USER_CODES.has(x.code)) return true;
    if (!WRAPPERS.has(x.code)) return false;
  }
  return false;
}

function causeChain(e: unknown): unknown[] {
  const out: unknown[] = [e];
  let cause = e instanceof Error ? e.cause : undefined;
  for (let depth = 0; cause !== undefined && depth < MAX_CAUSES; depth++) {
    out.push(cause);
    cause = cause instanceof Error ? cause.cause : undefined;
  }
  return out;
}

function describeUser(e: unknown): string {
  if (!(e instanceof Error)) return describeOne(e);
  if (!isTsSparkError(e)) return `${e.name}: ${e.message}`;
  const cls = typeof e.details.errorClass === 'string' ? e.details.errorClass : undefined;
  // a wrapper's message embeds the task error's stack (Spark's "Lost task … : <stack>"): keep only its text
  const message = withoutStackLines(e.message);
  const text = cls !== undefined && !message.startsWith(`[${cls}]`) ? `[${cls}] ${message}` : message;
  const hint = e.hint !== undefined && e.hint !== '' && !text.includes(e.hint) ? `\nHint: ${e.hint}` : '';
  return `${SPARK_NAMES[e.code] ?? e.name}: ${text}${hint}`;
}

function withoutStackLines(s: string): string {
  return s.split('\n').filter((line) => !/^\s+at \S/.test(line)).join('\n');
}

function describeOne(e: unknown): string {
  if (!(e instanceof Error)) return `non-Error value thrown: ${safeString(e)}`;
  const head = `${e.name}: ${e.message}`;
  let text = e.stack !== undefined && e.stack.includes(e.message) ? e.stack : `${head}\n${e.stack ?? ''}`.trimEnd();
  const hint = (e as { hint?: unknown }).hint;
  if (typeof hint === 'string' && hint !== '' && !text.includes(hint)) text += `\nHint: ${hint}`;
  return text;
}

function safeString(v: unknown): string {
  try {
    return typeof v === 'string' ? v : (JSON.stringify(v) ?? String(v));
  } catch {
    return String(v);
  }
}
