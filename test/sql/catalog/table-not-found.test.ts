// TABLE_OR_VIEW_NOT_FOUND keeps Spark 3.5's text and adds the closest temp view names (tsspark's did-you-mean).
import { describe, expect, it } from 'vitest';
import { isTsSparkError } from '../../../src/common/errors.js';
import { Catalog } from '../../../src/sql/catalog/index.js';

const SPARK_TEXT = '[TABLE_OR_VIEW_NOT_FOUND] The table or view `peple` cannot be found. Verify the spelling and correctness of the schema and catalog.\n'
  + 'If you did not qualify the name with a schema, verify the current_schema() output, or qualify the name with the correct schema and catalog.\n'
  + 'To tolerate the error on drop use DROP VIEW IF EXISTS or DROP TABLE IF EXISTS.';

function lookupError(c: Catalog, name: string): unknown {
  try { c.lookupRelation([name]); } catch (e) { return e; }
  return undefined;
}

describe('Catalog.lookupRelation of an unknown name', () => {
  it('suggests the views closest to the name, nearest first (at most five)', () => {
    const c = new Catalog();
    for (const v of ['orders', 'People', 'pupils', 'a', 'b', 'c', 'd']) c.createOrReplaceTempView(v, { kind: 'local_relation', output: [], batches: [] });
    const e = lookupError(c, 'peple');
    expect(isTsSparkError(e, 'ANALYSIS_ERROR')).toBe(true);
    if (!isTsSparkError(e)) return;
    expect(e.message).toBe(`${SPARK_TEXT}\nDid you mean one of the following? [\`people\`, \`pupils\`, \`a\`, \`b\`, \`c\`].`);
    expect(e.details).toMatchObject({ errorClass: 'TABLE_OR_VIEW_NOT_FOUND', sqlState: '42P01', candidates: ['`people`', '`pupils`', '`a`', '`b`', '`c`'] });
  });

  it("is exactly Spark's message when there is no view at all", () => {
    const e = lookupError(new Catalog(), 'peple');
    expect((e as Error).message).toBe(SPARK_TEXT);
  });
});
