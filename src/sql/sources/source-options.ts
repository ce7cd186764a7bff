// Reader/writer options as Spark takes them: keys case-insensitive, values strings; typed accessors and the
// parse mode (PERMISSIVE / DROPMALFORMED / FAILFAST).
import { TsSparkError } from '../../common/errors.js';

export type Options = Readonly<Record<string, string>>;
export type ParseMode = 'PERMISSIVE' | 'DROPMALFORMED' | 'FAILFAST';

export function opt(options: Options, key: string): string | undefined {
  const k = key.toLowerCase();
  for (const [name, v] of Object.entries(options)) if (name.toLowerCase() === k) return v;
  return undefined;
}

export function optBool(options: Options, key: string, dflt: boolean): boolean {
  const v = opt(options, key);
  if (v === undefined) return dflt;
  const s = v.trim().toLowerCase();
  if (s === 'true') return true;
  if (s === 'false') return false;
  throw new TsSparkError('INVALID_ARGUMENT', `${key} flag can be true or false, got '${v}'`);
}

export function optNumber(options: Options, key: string, dflt: number): number {
  const v = opt(options, key);
  if (v === undefined) return dflt;
  const n = Number(v);
  if (!Number.isFinite(n)) throw new TsSparkError('INVALID_ARGUMENT', `option ${key} must be a number, got '${v}'`);
  return n;
}

export function parseMode(options: Options): ParseMode {
  const v = (opt(options, 'mode') ?? 'PERMISSIVE').toUpperCase();
  if (v === 'PERMISSIVE' || v === 'DROPMALFORMED' || v === 'FAILFAST') return v;
  return 'PERMISSIVE'; // Spark falls back to PERMISSIVE for unknown modes
}

export function corruptColumnName(options: Options): string {
  return opt(options, 'columnNameOfCorruptRecord') ?? '_corrupt_record';
}

/** Spark's FAILFAST error text for a bad record. */
export function malformedRecordError(file: string, line: number, record: string, cause?: unknown): TsSparkError {
  return new TsSparkError('CORRUPT_FILE',
    `[MALFORMED_RECORD_IN_PARSING.WITHOUT_SUGGESTION] Malformed records are detected in record parsing: ${truncate(record)}. ` +
    `Parse Mode: FAILFAST. To process malformed records as null result, try setting the option 'mode' as 'PERMISSIVE'. (file ${file}, line ${line})`,
    { details: { path: file, line }, ...(cause !== undefined ? { cause } : {}) });
}

function truncate(s: string): string {
  return s.length > 200 ? `${s.slice(0, 200)}...` : s;
}
