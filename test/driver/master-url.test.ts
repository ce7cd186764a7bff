// parseMasterUrl: Spark's master URL forms, task attempts for local[N,F], and the error for anything else.
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { parseMasterUrl } from '../../src/driver/master-url.js';

describe('parseMasterUrl', () => {
  it('parses local forms with Spark\'s default of one attempt per task', () => {
    const cpus = Math.max(1, os.availableParallelism());
    expect(parseMasterUrl('local')).toEqual({ kind: 'local', cores: 1, maxFailures: 1 });
    expect(parseMasterUrl('local[2]')).toEqual({ kind: 'local', cores: 2, maxFailures: 1 });
    expect(parseMasterUrl('local[*]')).toEqual({ kind: 'local', cores: cpus, maxFailures: 1 });
    expect(parseMasterUrl('local[2,3]')).toEqual({ kind: 'local', cores: 2, maxFailures: 3 });
    expect(parseMasterUrl('local[*, 4]')).toEqual({ kind: 'local', cores: cpus, maxFailures: 4 });
  });

  it('parses local-cluster and standalone URLs', () => {
    expect(parseMasterUrl('local-cluster[2, 1, 512]')).toEqual({ kind: 'local-cluster', executors: 2, coresPerExecutor: 1, memoryMb: 512 });
    expect(parseMasterUrl('spark://a:7077,b:7078')).toEqual({ kind: 'standalone', masters: [{ host: 'a', port: 7077 }, { host: 'b', port: 7078 }] });
    expect(parseMasterUrl('spark://[::1]:7077')).toEqual({ kind: 'standalone', masters: [{ host: '::1', port: 7077 }] });
  });

  it('rejects malformed URLs with INVALID_CONFIG', () => {
    for (const bad of ['local[0]', 'local[-1]', 'local[x]', 'yarn', 'spark://nohost', 'local-cluster[1,2]', '']) {
      expect(() => parseMasterUrl(bad), bad).toThrow(expect.objectContaining({ code: 'INVALID_CONFIG' }));
    }
  });
});
