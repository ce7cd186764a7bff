// Views get fresh expression ids per reference; a view whose SELECT passes a column through and also computes
// from it must keep both bound to the input (was: "cannot bind id#4 to input [id#3]").
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as ts from '../../../dist/index.js';

let spark: ts.SparkSession;
beforeAll(() => {
  spark = ts.SparkSession.builder().master('local[2]').appName('view-ids').config('spark.ui.enabled', 'false').getOrCreate();
  spark.sql('CREATE TEMP VIEW big AS SELECT id, id % 3 k FROM range(30)');
});
afterAll(async () => { await spark.stop(); });

describe('temp views over computed columns', () => {
  it('read back, aggregate and self-join', async () => {
    expect(await spark.sql('SELECT * FROM big WHERE id < 4 ORDER BY id').collect()).toEqual([
      { id: 0, k: 0 }, { id: 1, k: 1 }, { id: 2, k: 2 }, { id: 3, k: 0 },
    ]);
    expect(await spark.sql('SELECT k, count(*) c FROM big GROUP BY k ORDER BY k').collect()).toEqual([
      { k: 0, c: 10 }, { k: 1, c: 10 }, { k: 2, c: 10 },
    ]);
    const pairs = await spark.sql('SELECT count(*) n FROM big a JOIN big b ON a.id = b.k').collect();
    expect(pairs).toEqual([{ n: 30 }]);
  });
});
