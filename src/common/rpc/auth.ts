// Shared-secret RPC authentication (spark.authenticate): per-call HMAC tokens that prove the secret without sending it.
// Token (metadata `x-tsspark-auth`): `<timestampMs>.<nonce>.<hex HMAC-SHA256(secret, method + '\n' + timestamp + '\n' + nonce)>`;
// servers accept it within ±5 minutes, compare in constant time, and remember nonces to refuse replays.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { TsSparkError } from '../errors.js';

export const AUTH_METADATA_KEY = 'x-tsspark-auth';
export const AUTH_WINDOW_MS = 5 * 60_000;

export interface RpcAuth {
  readonly secret: string;
}

/** Reads spark.authenticate / spark.authenticate.secret (or env TSSPARK_AUTH_SECRET); undefined when auth is off. */
export function resolveAuthSecret(
  conf: { get(key: string): string | undefined },
  env: Readonly<Record<string, string | undefined>> = process.env,
): RpcAuth | undefined {
  const on = (conf.get('spark.authenticate') ?? 'false').trim().toLowerCase();
  if (on !== 'true') return undefined;
  const secret = conf.get('spark.authenticate.secret') ?? env.TSSPARK_AUTH_SECRET;
  if (secret === undefined || secret === '') {
    throw new TsSparkError('INVALID_CONFIG', 'spark.authenticate is true but no secret is configured', {
      hint: 'set spark.authenticate.secret or the TSSPARK_AUTH_SECRET environment variable',
    });
  }
  return { secret };
}

function mac(secret: string, method: string, timestamp: string, nonce: string): string {
  return createHmac('sha256', secret).update(`${method}\n${timestamp}\n${nonce}`).digest('hex');
}

/** A fresh token for one call of `method` (the full gRPC path, e.g. '/tsspark.shuffle.ShuffleService/FetchBlocks'). */
export function createAuthToken(secret: string, method: string, nowMs: number = Date.now()): string {
  const timestamp = String(nowMs);
  const nonce = randomBytes(16).toString('hex');
  return `${timestamp}.${nonce}.${mac(secret, method, timestamp, nonce)}`;
}

export type AuthCheck = { readonly ok: true } | { readonly ok: false; readonly reason: string };

/** Server-side verifier; one per server so the nonce memory is shared by all its services. */
export class AuthVerifier {
  private readonly seen = new Map<string, number>(); // nonce -> timestamp; insertion order = age (LRU eviction)

  constructor(
    private readonly secret: string,
    private readonly maxNonces = 100_000,
  ) {}

  verify(method: string, token: string | undefined, nowMs: number = Date.now()): AuthCheck {
    if (token === undefined || token === '') return { ok: false, reason: 'missing auth token' };
    const parts = token.split('.');
    if (parts.length !== 3) return { ok: false, reason: 'malformed auth token' };
    const [timestamp, nonce, digest] = parts as [string, string, string];
    if (!/^\d{1,15}$/.test(timestamp) || !/^[0-9a-f]{16,64}$/.test(nonce) || !/^[0-9a-f]{64}$/.test(digest)) {
      return { ok: false, reason: 'malformed auth token' };
    }
    const ts = Number(timestamp);
    if (Math.abs(nowMs - ts) > AUTH_WINDOW_MS) return { ok: false, reason: 'auth token outside the time window' };
    const expected = Buffer.from(mac(this.secret, method, timestamp, nonce), 'hex');
    if (!timingSafeEqual(expected, Buffer.from(digest, 'hex'))) return { ok: false, reason: 'auth token signature mismatch' };
    if (this.seen.has(nonce)) return { ok: false, reason: 'auth token replayed' };
    this.remember(nonce, ts, nowMs);
    return { ok: true };
  }

  private remember(nonce: string, ts: number, nowMs: number): void {
    this.seen.set(nonce, ts);
    // drop the oldest entries: past the window they can no longer be replayed; beyond the bound, LRU
    for (const [n, t] of this.seen) {
      if (this.seen.size <= this.maxNonces && nowMs - t <= AUTH_WINDOW_MS) break;
      this.seen.delete(n);
    }
  }
}
