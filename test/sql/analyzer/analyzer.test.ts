// Plan-text tests of the analyzer over temp views of local relations (ids renumbered by first appearance).
import { describe, expect, it } from 'vitest';
import { TsSparkError } from '../../../src/common/errors.js';
import { outputOf, schemaOf } from '../../../src/planner/logical/index.js';
import { parseStatement, parseExpression } from '../../../src/sql/parser/index.js';
import { simpleString } from '../../../src/sql/types/data-type.js';
import { setup } from './helpers.js';

function errorOf(f: () => unknown): TsSparkError {
  try { f(); } catch (e) { if (e instanceof TsSparkError) return e; throw e; }
  throw new Error('no error');
}

describe('analyzer plans', () => {
  const { plan, analyze, analyzer, catalog } = setup();

  it('project and filter with Spark names', () => {
    expect(plan('SELECT a, b + 1 AS c FROM t WHERE a > 1')).toBe(
      'Project [a#1, (b#2 + 1) AS c#3]\n+- Filter (a#1 > 1)\n   +- LocalRelation [a#1, b#2, s#4]');
    expect(schemaOf(analyze('SELECT a + b, count(*), CAST(a AS BIGINT) FROM t GROUP BY a, b')).fields.map((f) => `${f.name}:${simpleString(f.type)}`))
      .toEqual(['(a + b):int', 'count(1):bigint', 'CAST(a AS BIGINT):bigint']);
  });

  it('decimal literals are decimal(p,s)', () => {
    expect(outputOf(analyze('SELECT 1.5, 0.25, 100')).map((a) => simpleString(a.type))).toEqual(['decimal(2,1)', 'decimal(2,2)', 'int']);
  });

  it('aggregate with HAVING and ORDER BY on aggregates not selected', () => {
    expect(plan('SELECT a, sum(b) FROM t GROUP BY a HAVING count(*) > 1 ORDER BY max(b)')).toBe([
      'Project [a#1, sum(b)#2L]',
      '+- Sort [max(b)#3 ASC NULLS FIRST], true',
      '   +- Filter (count(1)#4L > cast(1 as bigint))',
      '      +- Aggregate [a#1], [a#1, sum(b#5) AS sum(b)#2L, count(1) AS count(1)#4L, max(b#5) AS max(b)#3]',
      '         +- LocalRelation [a#1, b#5, s#6]'].join('\n'));
  });

  it('GROUP BY ordinal and alias; ORDER BY a column not selected', () => {
    expect(plan('SELECT a AS k, count(*) FROM t GROUP BY 1')).toContain('Aggregate [a#1], [a#1 AS k#2, count(1) AS count(1)#3L]');
    expect(plan('SELECT a + 1 AS k FROM t GROUP BY k')).toContain('Aggregate [(a#1 + 1)], [(a#1 + 1) AS k#2]');
    expect(plan('SELECT a FROM t ORDER BY b DESC')).toBe(
      'Project [a#1]\n+- Sort [b#2 DESC NULLS LAST], true\n   +- Project [a#1, b#2]\n      +- LocalRelation [a#1, b#2, s#3]');
  });

  it('window functions with default frames', () => {
    const p = plan('SELECT a, sum(b) OVER (PARTITION BY s ORDER BY a) AS r, sum(b) OVER () AS w FROM t');
    expect(p).toBe([
      'Project [a#1, r#2L, w#3L]',
      '+- Window [sum(b#4) windowspecdefinition(s#5, a#1 ASC NULLS FIRST, specifiedwindowframe(RangeFrame, unboundedpreceding$(), currentrow$())) AS r#2L, ' +
        'sum(b#4) windowspecdefinition(specifiedwindowframe(RowFrame, unboundedpreceding$(), unboundedfollowing$())) AS w#3L]',
      '   +- LocalRelation [a#1, b#4, s#5]'].join('\n'));
    expect(plan('SELECT rank() OVER w FROM t WINDOW w AS (ORDER BY b)')).toContain('rank() windowspecdefinition(b#2 ASC NULLS FIRST, specifiedwindowframe(RowFrame, unboundedpreceding$(), currentrow$()))');
  });

  it('grouping sets through Expand with grouping_id', () => {
    const p = plan('SELECT a, b, grouping_id(), sum(b) FROM t GROUP BY CUBE(a, b)');
    expect(p).toContain('Expand [[a#');
    expect(p.split('\n')[0]).toBe('Aggregate [a#1, b#2, spark_grouping_id#3L], [a#1, b#2, spark_grouping_id#3L AS grouping_id()#4L, sum(b#5) AS sum(b)#6L]');
  });

  it('USING / NATURAL joins coalesce keys as Spark', () => {
    expect(plan('SELECT * FROM t FULL JOIN u USING (a)').split('\n')[1]).toBe('+- Project [coalesce(a#5, a#6) AS a#1, b#2, s#3, c#4L, a#5, a#6]');
    expect(outputOf(analyze('SELECT * FROM t RIGHT JOIN u USING (a)')).map((x) => x.name)).toEqual(['a', 'b', 's', 'c']);
    expect(outputOf(analyze('SELECT * FROM t NATURAL JOIN u')).map((x) => x.name)).toEqual(['a', 'b', 's', 'c']);
    expect(outputOf(analyze('SELECT u.a FROM t JOIN u USING (a)'))).toHaveLength(1);
    expect(plan('SELECT * FROM t LEFT SEMI JOIN u ON t.a = u.a')).toContain('Join LeftSemi, (a#1 = a#4)');
  });

  it('set operations widen types and take names from the left', () => {
    const p = analyze('SELECT a, b FROM t UNION ALL SELECT c, a FROM u');
    expect(outputOf(p).map((x) => `${x.name}:${simpleString(x.type)}`)).toEqual(['a:bigint', 'b:int']);
    expect(plan('SELECT a FROM t INTERSECT ALL SELECT a FROM u').split('\n')[0]).toBe('Intersect All true');
    expect(plan('SELECT a FROM t EXCEPT SELECT a FROM u').split('\n')[0]).toBe('Except false');
    expect(plan('SELECT a FROM t UNION SELECT a FROM u').split('\n')[0]).toBe('Distinct');
  });

  it('CTEs referenced twice get fresh ids', () => {
    const p = plan('WITH x AS (SELECT a FROM t) SELECT * FROM x JOIN x y ON x.a = y.a');
    expect(p.split('\n')[1]).toBe('+- Join Inner, (a#1 = a#2)');
    expect(plan('WITH x AS (SELECT 1 AS one), y AS (SELECT one + 1 AS two FROM x) SELECT two FROM y')).toContain('(one#');
  });

  it('correlated subqueries carry outer references', () => {
    expect(plan('SELECT a FROM t WHERE EXISTS (SELECT 1 FROM u WHERE u.a = t.a)')).toBe([
      'Project [a#1]', '+- Filter exists [a#1]', '   :  +- Project [1 AS 1#2]', '   :     +- Filter (a#3 = outer(a#1))',
      '   :        +- LocalRelation [a#3, c#4L]', '   +- LocalRelation [a#1, b#5, s#6]'].join('\n'));
    expect(plan('SELECT a FROM t WHERE b NOT IN (SELECT a FROM u)')).toContain('Filter NOT b#');
    expect(plan('SELECT (SELECT max(c) FROM u WHERE u.a = t.a) m FROM t')).toContain('scalar-subquery [a#1] AS m#2L');
  });

  it('VALUES, range and LIMIT/OFFSET', () => {
    expect(plan('SELECT * FROM VALUES (1, 2.5), (2, 3) AS v(p, q)')).toBe('Project [p#1, q#2]\n+- LocalRelation [p#1, q#2]');
    expect(outputOf(analyze('VALUES (1, \'x\')')).map((x) => x.name)).toEqual(['col1', 'col2']);
    expect(plan('SELECT id FROM range(10) LIMIT 3 OFFSET 2')).toBe('Limit 3, offset 2\n+- Project [id#1L]\n   +- Range (0, 10, step=1, splits=None)');
  });

  it('commands', () => {
    const v = analyzer.analyzeStatement(parseStatement('CREATE OR REPLACE TEMP VIEW v2 AS SELECT a FROM t'));
    expect(v.kind).toBe('create_view');
    if (v.kind === 'create_view') catalog.createOrReplaceTempView(v.name, v.plan);
    expect(catalog.listTables().map((x) => x.name)).toContain('v2');
    expect(catalog.tableExists('V2')).toBe(true);
    expect(analyzer.analyzeStatement(parseStatement('DROP VIEW v2')).kind).toBe('drop_view');
    expect(analyzer.analyzeStatement(parseStatement('SET spark.sql.shuffle.partitions=4'))).toEqual({ kind: 'set', key: 'spark.sql.shuffle.partitions', value: '4', verbose: false });
    expect(analyzer.analyzeStatement(parseStatement('EXPLAIN SELECT 1')).kind).toBe('explain');
    const d = analyzer.analyzeStatement(parseStatement('DESCRIBE t'));
    expect(d.kind === 'describe' && d.columns.map((c) => c.name)).toEqual(['a', 'b', 's']);
  });

  it('DataFrame entry points', () => {
    const base = catalog.lookupRelation(['t']);
    const wc = analyzer.withColumns(base, ['b', 'z'], [parseExpression('a * 2'), parseExpression('s')]);
    expect(outputOf(wc).map((x) => x.name)).toEqual(['a', 'b', 's', 'z']);
    expect(outputOf(analyzer.drop(wc, ['S'])).map((x) => x.name)).toEqual(['a', 'b', 'z']);
    expect(outputOf(analyzer.withColumnRenamed(base, 'a', 'x')).map((x) => x.name)).toEqual(['x', 'b', 's']);
    const j = analyzer.join(base, base, 'inner', ['a']);
    expect(outputOf(j).map((x) => x.name)).toEqual(['a', 'b', 's', 'b', 's']);
    const agg = analyzer.aggregate(base, [{ kind: 'expr', expr: parseExpression('s') }], [{ expr: parseExpression('s') }, { expr: parseExpression('avg(a)') }]);
    expect(outputOf(agg).map((x) => `${x.name}:${simpleString(x.type)}`)).toEqual(['s:string', 'avg(a):double']);
    expect(outputOf(analyzer.describe(base, [])).map((x) => x.name)).toEqual(['summary', 'a', 'b', 's']);
  });
});

describe('analysis errors carry Spark error classes', () => {
  const { analyze } = setup();
  const cls = (sql: string): unknown => errorOf(() => analyze(sql)).details.errorClass;

  it('unresolved column with candidates ordered by similarity', () => {
    const e = errorOf(() => analyze('SELECT bb FROM t'));
    expect(e.details.errorClass).toBe('UNRESOLVED_COLUMN.WITH_SUGGESTION');
    expect(e.message).toBe('[UNRESOLVED_COLUMN.WITH_SUGGESTION] A column or function parameter with name `bb` cannot be resolved. Did you mean one of the following? [`t`.`b`, `t`.`a`, `t`.`s`].');
    expect(e.details.candidates).toEqual(['`t`.`b`', '`t`.`a`', '`t`.`s`']);
  });

  it('each error class', () => {
    expect(cls('SELECT a FROM t JOIN u ON t.a = u.a')).toBe('AMBIGUOUS_REFERENCE');
    expect(cls('SELECT * FROM nope')).toBe('TABLE_OR_VIEW_NOT_FOUND');
    expect(cls('SELECT a, sum(b) FROM t GROUP BY s')).toBe('MISSING_AGGREGATION');
    expect(cls('SELECT a FROM t GROUP BY 3')).toBe('GROUP_BY_POS_OUT_OF_RANGE');
    expect(cls('SELECT a FROM t ORDER BY 2')).toBe('ORDER_BY_POS_OUT_OF_RANGE');
    expect(cls('SELECT a FROM t UNION SELECT a, c FROM u')).toBe('NUM_COLUMNS_MISMATCH');
    expect(cls('SELECT nope_fn(a) FROM t')).toBe('UNRESOLVED_ROUTINE');
    expect(cls('SELECT sum(sum(a)) FROM t')).toBe('NESTED_AGGREGATE_FUNCTION');
    expect(cls('SELECT a FROM t WHERE sum(a) > 1')).toBe('INVALID_WHERE_CONDITION');
    expect(cls('SELECT row_number() FROM t')).toBe('WINDOW_FUNCTION_WITHOUT_OVER_CLAUSE');
    expect(cls('SELECT * FROM VALUES (1, 2), (3) AS v(x, y)')).toBe('INVALID_INLINE_TABLE.NUM_COLUMNS_MISMATCH');
    expect(cls('SELECT x.* FROM t')).toBe('CANNOT_RESOLVE_STAR_EXPAND');
  });
});
