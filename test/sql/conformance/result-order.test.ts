// Spark's row-order rule for golden answers: rendered rows are sorted as strings (UTF-16 order) unless the plan
// is semantically sorted (a global Sort under only Projects/Filters, not below a Join/Aggregate/Generate/Distinct).
import { describe, expect, it } from 'vitest';
import type { Attribute } from '../../../src/planner/expr/expression.js';
import type { LogicalPlan } from '../../../src/planner/logical/logical-plan.js';
import { answerText, isSemanticallySorted, renderRows, sortAsStrings } from '../../../src/sql/conformance/index.js';
import { T, type StructType } from '../../../src/sql/types/data-type.js';

const a: Attribute = { kind: 'attr', id: 1, name: 'a', type: T.int, nullable: true } as Attribute;
const scan: LogicalPlan = { kind: 'local_relation', output: [a], batches: [] };
const sort = (input: LogicalPlan, global = true): LogicalPlan => ({ kind: 'sort', input, order: [], global });
const project = (input: LogicalPlan): LogicalPlan => ({ kind: 'project', input, items: [{ expr: a, attr: a }] });
const filter = (input: LogicalPlan): LogicalPlan => ({ kind: 'filter', input, condition: a });

describe('isSemanticallySorted', () => {
  it('a global sort at the top, possibly under projects and filters, is sorted', () => {
    expect(isSemanticallySorted(sort(scan))).toBe(true);
    expect(isSemanticallySorted(project(filter(project(sort(scan)))))).toBe(true);
  });

  it('no sort, or a local (per-partition) sort, is not sorted', () => {
    expect(isSemanticallySorted(project(scan))).toBe(false);
    expect(isSemanticallySorted(sort(scan, false))).toBe(false);
  });

  it('a sort below a join, aggregate or distinct does not count', () => {
    expect(isSemanticallySorted({ kind: 'join', left: sort(scan), right: scan, type: 'inner' })).toBe(false);
    expect(isSemanticallySorted({ kind: 'aggregate', input: sort(scan), groupBy: [], items: [] })).toBe(false);
    expect(isSemanticallySorted({ kind: 'distinct', input: sort(scan) })).toBe(false);
  });

  it('other nodes pass the question to their children (limit over sort, union with a sorted branch)', () => {
    expect(isSemanticallySorted({ kind: 'limit', input: sort(scan), limit: 1, offset: 0 })).toBe(true);
    expect(isSemanticallySorted({ kind: 'union', inputs: [scan, project(sort(scan))], output: [a] })).toBe(true);
    expect(isSemanticallySorted({ kind: 'except', left: scan, right: scan, all: false })).toBe(false);
  });
});

describe('sorting rendered rows', () => {
  it('orders by UTF-16 code units: digits < NULL < lower case, 10 < 9', () => {
    expect(sortAsStrings(['b', 'NULL', '9', '10', 'a', 'B'])).toEqual(['10', '9', 'B', 'NULL', 'a', 'b']);
  });

  it('answerText sorts unless told the plan is sorted, and strips trailing whitespace', () => {
    expect(answerText(['2', '1', ''], false)).toBe('\n1\n2');
    expect(answerText(['2', '1', ''], true)).toBe('2\n1');
  });

  it('renders rows with the HiveResult formatter (tab separated, NULL, Java doubles, nested quoting)', () => {
    const schema: StructType = { kind: 'struct', fields: [
      { name: 'x', type: T.double, nullable: true }, { name: 's', type: T.string, nullable: true },
      { name: 'arr', type: { kind: 'array', element: T.string, containsNull: true }, nullable: true },
    ] } as StructType;
    expect(renderRows(schema, [[1e-5, null, ['a', null]], [2, '', []]], 'UTC')).toEqual(['1.0E-5\tNULL\t["a",null]', '2.0\t\t[]']);
  });
});
