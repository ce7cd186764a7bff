// What tsspark-sql prints: query rows as HiveResult text (the formatter the golden files use), tab-separated with
// no header; the "Time taken" line; and errors as `[ERROR_CLASS] message` without stack traces.
import { observeError } from '../../sql/conformance/error-class.js';
import { javaDoubleToString } from '../../sql/show/index.js';

/** Query rows as HiveResult lines: the same text the conformance runner compares with Spark's golden files. */
export { renderRows as resultLines } from '../../sql/conformance/result-text.js';

/** spark-sql's `Time taken: 1.234 seconds, Fetched 3 row(s)` (the row count only when rows came back). */
export function timeTakenLine(millis: number, rows: number): string {
  const seconds = javaDoubleToString(Math.round(millis) / 1000);
  return rows === 0 ? `Time taken: ${seconds} seconds` : `Time taken: ${seconds} seconds, Fetched ${rows} row(s)`;
}

/** `[ERROR_CLASS] message` for any thrown value (job/task wrappers unwrapped, first line only). */
export function errorLine(e: unknown): string {
  const o = observeError(e);
  if (o.message.startsWith('[')) return o.message;
  return `[${o.errorClass ?? (o.code === 'INTERNAL' ? 'INTERNAL_ERROR' : o.code)}] ${o.message}`;
}
