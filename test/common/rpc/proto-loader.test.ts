import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadServiceDefinition, protoPath } from '../../../src/common/rpc/proto-loader.js';
import { tssparkPackageRoot as packageRoot } from '../../../src/common/module-hooks/package-root.js';
import { isTsSparkError } from '../../../src/common/errors.js';

describe('proto-loader', () => {
  it('finds the package root and protos under src/', () => {
    expect(existsSync(join(packageRoot(), 'package.json'))).toBe(true);
    expect(protoPath('common/rpc/health.proto')).toBe(join(packageRoot(), 'src', 'common', 'rpc', 'health.proto'));
  });

  it('loads a service with its methods', () => {
    const def = loadServiceDefinition('common/rpc/health.proto', 'tsspark.common.Health');
    expect(def.Ping?.path).toBe('/tsspark.common.Health/Ping');
    expect(def.Watch?.responseStream).toBe(true);
  });

  it('fails clearly for a missing file or service', () => {
    expect(() => protoPath('nope/none.proto')).toThrowError(/proto file not found/);
    try {
      loadServiceDefinition('common/rpc/health.proto', 'tsspark.common.Nope');
      expect.unreachable();
    } catch (e) {
      expect(isTsSparkError(e, 'INTERNAL')).toBe(true);
    }
  });
});
