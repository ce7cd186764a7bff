// TsSparkError: the one error type of tsspark, with a typed `code`, details, a user hint,
// and toWire/fromWire so the structure (and the user's stack trace) survives gRPC and worker threads.

export type ErrorCode =
  | 'INVALID_ARGUMENT'
  | 'INVALID_CONFIG'
  | 'PATH_NOT_FOUND'
  | 'CLOSURE_NOT_SERIALIZABLE'
  | 'TASK_FAILED'
  | 'JOB_FAILED'
  | 'JOB_CANCELLED'
  | 'FETCH_FAILED'
  | 'EXECUTOR_LOST'
  | 'CONTEXT_STOPPED'
  | 'RPC_FAILED'
  | 'UNAUTHENTICATED'
  | 'INVALID_WIRE_DATA'
  | 'UNSUPPORTED'
  | 'CORRUPT_FILE'
  | 'PARSE_ERROR'
  | 'ANALYSIS_ERROR'
  /** SQL runtime errors of ANSI mode (Spark's SparkArithmeticException, CAST_INVALID_INPUT…); details.errorClass names it. */
  | 'ARITHMETIC_ERROR'
  | 'CAST_ERROR'
  | 'INTERNAL';

export interface WireError {
  readonly code: ErrorCode;
  readonly message: string;
  readonly name: string;
  readonly stack?: string;
  readonly details?: Readonly<Record<string, unknown>>;
  readonly hint?: string;
  readonly cause?: WireError;
}

export interface TsSparkErrorOptions {
  readonly details?: Readonly<Record<string, unknown>>;
  readonly hint?: string;
  readonly cause?: unknown;
}

export class TsSparkError extends Error {
  readonly code: ErrorCode;
  readonly details: Readonly<Record<string, unknown>>;
  readonly hint: string | undefined;

  constructor(code: ErrorCode, message: string, options: TsSparkErrorOptions = {}) {
    super(options.hint ? `${message}\nHint: ${options.hint}` : message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'TsSparkError';
    this.code = code;
    this.details = options.details ?? {};
    this.hint = options.hint;
  }
}

export function isTsSparkError(e: unknown, code?: ErrorCode): e is TsSparkError {
  return e instanceof TsSparkError && (code === undefined || e.code === code);
}

/** Any thrown value as a WireError; user errors keep their own message and stack. */
export function toWire(e: unknown, depth = 0): WireError {
  if (e instanceof TsSparkError) {
    return {
      code: e.code,
      name: e.name,
      message: e.message,
      ...(e.stack ? { stack: e.stack } : {}),
      details: sanitizeDetails(e.details),
      ...(e.hint ? { hint: e.hint } : {}),
      ...(e.cause !== undefined && depth < 5 ? { cause: toWire(e.cause, depth + 1) } : {}),
    };
  }
  if (e instanceof Error) {
    return {
      code: 'INTERNAL',
      name: e.name,
      message: e.message,
      ...(e.stack ? { stack: e.stack } : {}),
      ...(e.cause !== undefined && depth < 5 ? { cause: toWire(e.cause, depth + 1) } : {}),
    };
  }
  return { code: 'INTERNAL', name: 'Error', message: `non-Error thrown: ${safeString(e)}` };
}

/** Rebuilds an error from the wire: TsSparkErrors come back as TsSparkError, user errors as Error with their stack. */
export function fromWire(w: WireError): Error {
  const cause = w.cause ? fromWire(w.cause) : undefined;
  if (w.name === 'TsSparkError') {
    const err = new TsSparkError(w.code, w.message, { details: w.details ?? {}, ...(cause ? { cause } : {}) });
    // message already contains the hint text; keep the hint field for programs
    (err as { hint: string | undefined }).hint = w.hint;
    Object.defineProperty(err, 'message', { value: w.message });
    if (w.stack) err.stack = w.stack;
    return err;
  }
  const err = new Error(w.message, cause ? { cause } : undefined);
  err.name = w.name;
  if (w.stack) err.stack = w.stack;
  return err;
}

export function validateWireError(v: unknown): WireError {
  if (typeof v !== 'object' || v === null) throw new TsSparkError('INVALID_WIRE_DATA', 'error payload is not an object');
  const o = v as Record<string, unknown>;
  if (typeof o.code !== 'string' || typeof o.message !== 'string' || typeof o.name !== 'string') {
    throw new TsSparkError('INVALID_WIRE_DATA', 'error payload lacks code/name/message');
  }
  return o as unknown as WireError;
}

function sanitizeDetails(d: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(d)) {
    if (v === null || ['string', 'number', 'boolean'].includes(typeof v)) out[k] = v;
    else if (typeof v === 'bigint') out[k] = v.toString();
    else out[k] = safeString(v);
  }
  return out;
}

function safeString(v: unknown): string {
  try {
    return typeof v === 'string' ? v : JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}
