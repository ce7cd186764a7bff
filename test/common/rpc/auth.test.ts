import { describe, expect, it } from 'vitest';
import { AuthVerifier, AUTH_WINDOW_MS, createAuthToken, resolveAuthSecret } from '../../../src/common/rpc/auth.js';
import { SparkConf } from '../../../src/common/spark-conf.js';
import { isTsSparkError } from '../../../src/common/errors.js';

const M = '/tsspark.common.Health/Ping';

describe('auth tokens', () => {
  it('accepts a fresh token for the right method and secret, once', () => {
    const v = new AuthVerifier('s3cret');
    const t = createAuthToken('s3cret', M);
    expect(t).not.toContain('s3cret');
    expect(v.verify(M, t)).toEqual({ ok: true });
    expect(v.verify(M, t)).toEqual({ ok: false, reason: 'auth token replayed' });
  });

  it('rejects wrong secret, other method, missing and malformed tokens', () => {
    const v = new AuthVerifier('s3cret');
    expect(v.verify(M, createAuthToken('other', M)).ok).toBe(false);
    expect(v.verify(M, createAuthToken('s3cret', '/x/Y')).ok).toBe(false);
    expect(v.verify(M, undefined)).toEqual({ ok: false, reason: 'missing auth token' });
    expect(v.verify(M, 'a.b.c').ok).toBe(false);
    expect(v.verify(M, 'garbage').ok).toBe(false);
  });

  it('enforces the ±5 minute window', () => {
    const v = new AuthVerifier('k');
    const now = 1_700_000_000_000;
    expect(v.verify(M, createAuthToken('k', M, now - AUTH_WINDOW_MS - 1), now).ok).toBe(false);
    expect(v.verify(M, createAuthToken('k', M, now + AUTH_WINDOW_MS + 1), now).ok).toBe(false);
    expect(v.verify(M, createAuthToken('k', M, now - AUTH_WINDOW_MS + 1000), now).ok).toBe(true);
  });

  it('keeps the nonce memory bounded', () => {
    const v = new AuthVerifier('k', 10);
    const tokens = Array.from({ length: 50 }, () => createAuthToken('k', M));
    for (const t of tokens) expect(v.verify(M, t).ok).toBe(true);
    expect((v as unknown as { seen: Map<string, number> }).seen.size).toBeLessThanOrEqual(10);
    expect(v.verify(M, tokens[49]!).ok).toBe(false); // recent ones are still remembered
  });
});

describe('resolveAuthSecret', () => {
  it('is undefined when spark.authenticate is off', () => {
    expect(resolveAuthSecret(new SparkConf(), {})).toBeUndefined();
  });
  it('reads the conf secret, then the environment', () => {
    expect(resolveAuthSecret(new SparkConf({ 'spark.authenticate': true, 'spark.authenticate.secret': 'a' }), {})).toEqual({ secret: 'a' });
    expect(resolveAuthSecret(new SparkConf({ 'spark.authenticate': 'true' }), { TSSPARK_AUTH_SECRET: 'b' })).toEqual({ secret: 'b' });
  });
  it('throws INVALID_CONFIG without a secret', () => {
    let err: unknown;
    try {
      resolveAuthSecret(new SparkConf({ 'spark.authenticate': true }), {});
    } catch (e) {
      err = e;
    }
    expect(isTsSparkError(err, 'INVALID_CONFIG')).toBe(true);
  });
});
