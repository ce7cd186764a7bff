// A query's broadcast join sides are destroyed when the query ends (driver bytes and executor copies), so a
// long session does not accumulate every build side it ever broadcast; a cached plan keeps its broadcasts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as ts from '../../../dist/index.js';

let spark: ts.SparkSession;
const liveBroadcasts = (): number => (spark.sparkContext as unknown as { broadcasts: Map<number, unknown> }).broadcasts.size;

beforeAll(() => {
  spark = ts.SparkSession.builder().master('local[2]').appName('broadcast-release').config('spark.ui.enabled', 'false').getOrCreate();
  spark.range(0, 20000).selectExpr('id', 'id % 100 AS k').createOrReplaceTempView('facts');
  spark.range(0, 100).selectExpr('id AS k', 'concat("name", id) AS name').createOrReplaceTempView('dims');
});
afterAll(async () => { await spark.stop(); });

describe('broadcast join sides', () => {
  it('are released when the query ends, and the answer is unchanged on a second run', async () => {
    const q = 'SELECT d.name, count(*) c FROM facts f JOIN dims d ON f.k = d.k GROUP BY d.name ORDER BY d.name LIMIT 3';
    const first = await spark.sql(q).collect();
    expect(first).toEqual([{ name: 'name0', c: 200 }, { name: 'name1', c: 200 }, { name: 'name10', c: 200 }]);
    expect(liveBroadcasts()).toBe(0);
    expect(await spark.sql(q).collect()).toEqual(first);
    expect(liveBroadcasts()).toBe(0);
  });

  it('of a cached DataFrame stay alive with the cache', async () => {
    const joined = spark.sql('SELECT f.id, d.name FROM facts f JOIN dims d ON f.k = d.k').cache();
    expect(await joined.count()).toBe(20000);
    expect(liveBroadcasts()).toBeGreaterThan(0);
    expect(await joined.count()).toBe(20000);
  });
});
