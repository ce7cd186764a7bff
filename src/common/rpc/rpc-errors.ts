// How errors cross gRPC: a handler's error becomes a status plus the structured error (toWire JSON) in trailing
// metadata `tsspark-error-bin`; the client turns a status back into the original TsSparkError, else RPC_FAILED/UNAUTHENTICATED.
import * as grpc from '@grpc/grpc-js';
import { fromWire, toWire, TsSparkError, validateWireError, type ErrorCode, type WireError } from '../errors.js';

export const ERROR_METADATA_KEY = 'tsspark-error-bin';
const MAX_WIRE_ERROR_BYTES = 16 * 1024; // trailers share the HTTP/2 header-list budget with everything else

const STATUS_OF: Partial<Record<ErrorCode, grpc.status>> = {
  UNAUTHENTICATED: grpc.status.UNAUTHENTICATED,
  INVALID_ARGUMENT: grpc.status.INVALID_ARGUMENT,
  INVALID_WIRE_DATA: grpc.status.INVALID_ARGUMENT,
  INVALID_CONFIG: grpc.status.FAILED_PRECONDITION,
  PATH_NOT_FOUND: grpc.status.NOT_FOUND,
  FETCH_FAILED: grpc.status.NOT_FOUND,
  UNSUPPORTED: grpc.status.UNIMPLEMENTED,
  CONTEXT_STOPPED: grpc.status.UNAVAILABLE,
  JOB_CANCELLED: grpc.status.CANCELLED,
};

/** A thrown value as the status a server sends (code, one-line message, structured error in trailers). */
export function toStatus(e: unknown): Partial<grpc.StatusObject> {
  const wire = toWire(e);
  const metadata = new grpc.Metadata();
  metadata.set(ERROR_METADATA_KEY, Buffer.from(boundedJson(wire), 'utf8'));
  return {
    code: STATUS_OF[wire.code] ?? grpc.status.UNKNOWN,
    details: `${wire.code}: ${wire.message.split('\n', 1)[0] ?? ''}`,
    metadata,
  };
}

/** Where a failed call went, for error details. */
export interface CallSite {
  readonly address: string;
  readonly method: string;
}

/** The client-side error for a failed call: the server's own structured error when it sent one. */
export function fromStatus(err: Partial<grpc.StatusObject> & { message?: string }, site: CallSite): Error {
  const carried = err.metadata?.get(ERROR_METADATA_KEY)[0];
  if (carried !== undefined) {
    try {
      const text = typeof carried === 'string' ? carried : carried.toString('utf8');
      return fromWire(validateWireError(JSON.parse(text)));
    } catch {
      // fall through: a peer that is not tsspark (or a corrupted trailer) gets the generic mapping
    }
  }
  const code = err.code ?? grpc.status.UNKNOWN;
  const details = { grpcCode: code, grpcStatus: grpc.status[code] ?? String(code), address: site.address, method: site.method };
  const text = err.details ?? err.message ?? 'unknown error';
  if (code === grpc.status.UNAUTHENTICATED) {
    return new TsSparkError('UNAUTHENTICATED', `call ${site.method} to ${site.address} rejected: ${text}`, {
      details,
      hint: 'check that spark.authenticate and the shared secret match on both sides',
    });
  }
  return new TsSparkError('RPC_FAILED', `call ${site.method} to ${site.address} failed (${details.grpcStatus}): ${text}`, { details });
}

function boundedJson(w: WireError): string {
  const full = JSON.stringify(w);
  if (Buffer.byteLength(full) <= MAX_WIRE_ERROR_BYTES) return full;
  return JSON.stringify(trim(w, 0));
}

function trim(w: WireError, depth: number): WireError {
  const { cause, stack, ...rest } = w;
  return {
    ...rest,
    message: w.message.slice(0, 2000),
    ...(w.details !== undefined ? { details: trimDetails(w.details) } : {}),
    ...(stack !== undefined && depth === 0 ? { stack: stack.slice(0, 4000) } : {}),
    ...(cause !== undefined && depth < 2 ? { cause: trim(cause, depth + 1) } : {}),
  };
}

function trimDetails(d: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(d)) out[k] = typeof v === 'string' ? v.slice(0, 1000) : v;
  return out;
}
