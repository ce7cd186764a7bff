// ShowOptions (df.show / df.showString's options object) is part of the package's public types.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ShowOptions } from '../../../src/index.js';
import * as ts from '../../../dist/index.js';

let spark: ts.SparkSession;
beforeAll(() => { spark = ts.SparkSession.builder().master('local[1]').appName('show-options').config('spark.ui.enabled', 'false').getOrCreate(); });
afterAll(async () => { await spark.stop(); });

describe('ShowOptions', () => {
  it('is exported from the package entry and drives showString', async () => {
    const opts: ShowOptions = { n: 1, truncate: 3 };
    const text = await spark.sql("SELECT 'abcdef' AS s UNION ALL SELECT 'x'").showString(opts);
    expect(text).toBe('+---+\n|  s|\n+---+\n|abc|\n+---+\nonly showing top 1 row\n');
    const src = (await import('node:fs')).readFileSync(new URL('../../../src/index.ts', import.meta.url), 'utf8');
    expect(src).toMatch(/type ShowOptions\b/);
  });
});
