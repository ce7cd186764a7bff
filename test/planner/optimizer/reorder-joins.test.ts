// reorder-joins on plan text: comma joins written in an order that needs a cross join become a left-deep tree
// from the largest relation, each join with a condition; the output columns keep their order; the rule is a
// no-op on its own output and on two-way joins.
import { describe, expect, it } from 'vitest';
import { displayPlan } from '../../../src/planner/logical/index.js';
import type { Attribute, Expression, LogicalPlan } from '../../../src/planner/logical/logical-plan.js';
import { outputOf, transformPlanDown } from '../../../src/planner/optimizer/plan-utils.js';
import { reorderJoins } from '../../../src/planner/optimizer/rules/reorder-joins.js';
import { T } from '../../../src/sql/types/data-type.js';
import type { ColumnBatch } from '../../../src/sql/batch/column-batch.js';

let id = 1;
const attr = (name: string): Attribute => ({ kind: 'attr', id: id++, name, type: T.int, nullable: true });
const eq = (a: Expression, b: Expression): Expression => ({ kind: 'call', fn: 'equal_to', args: [a, b], type: T.boolean, nullable: true });
const rows = (n: number, width: number): ColumnBatch[] => [{ numRows: n, columns: Array.from({ length: width }, () => ({ kind: 'i32' as const, values: new Int32Array(n), valid: null })) }];
const rel = (n: number, ...out: Attribute[]): LogicalPlan => ({ kind: 'local_relation', output: out, batches: rows(n, out.length) });
const join = (left: LogicalPlan, right: LogicalPlan, condition?: Expression): LogicalPlan => ({ kind: 'join', type: 'inner', left, right, ...(condition ? { condition } : {}) });
const run = (p: LogicalPlan): LogicalPlan => transformPlanDown(p, (x) => reorderJoins.apply(x, { get: () => undefined }));

// part(p_key) × supplier(s_key), then lineitem(l_part, l_supp) joined to both: the written order needs a cross join
const pKey = attr('p_key'); const sKey = attr('s_key'); const lPart = attr('l_part'); const lSupp = attr('l_supp');
const oKey = attr('o_key'); const lOrder = attr('l_order');
const part = rel(200, pKey);
const supplier = rel(10, sKey);
const lineitem = rel(6000, lPart, lSupp, lOrder);
const orders = rel(1500, oKey);
const written = join(join(join(part, supplier), lineitem, { kind: 'and', left: eq(pKey, lPart), right: eq(sKey, lSupp) }), orders, eq(lOrder, oKey));

describe('reorder-joins', () => {
  it('starts from the first written relation and never leaves a cross join when conditions connect everything', () => {
    const out = run(written);
    const text = displayPlan(out);
    expect(text).not.toMatch(/Join (Inner|Cross)\s*$/m); // every join has a condition
    const joins = text.split('\n').filter((l) => l.includes('Join'));
    expect(joins).toHaveLength(3);
    // part first (as written), then the first connected relation in written order: lineitem, then supplier
    let cur = out.kind === 'project' ? out.input : out;
    const rights: LogicalPlan[] = [];
    while (cur.kind === 'join') { rights.unshift(cur.right); cur = cur.left; }
    expect(cur).toBe(part);
    expect(rights).toEqual([lineitem, supplier, orders]);
  });

  it('keeps the output columns in their written order', () => {
    const out = run(written);
    expect(outputOf(out).map((a) => a.id)).toEqual(outputOf(written).map((a) => a.id));
    expect(out.kind).toBe('project');
  });

  it('is a no-op on its own output and on two-way joins', () => {
    const once = run(written);
    expect(run(once)).toBe(once);
    const two = join(part, lineitem, eq(pKey, lPart));
    expect(run(two)).toBe(two);
  });

  it('leaves joins with a hint or an outer join inside as they are', () => {
    const outer: LogicalPlan = { kind: 'join', type: 'left_outer', left: part, right: supplier };
    const p = join(join(outer, lineitem, eq(pKey, lPart)), orders, eq(lOrder, oKey));
    const out = run(p);
    // the outer join is one leaf; the remaining three leaves are reordered around it, outer join intact
    expect(displayPlan(out)).toMatch(/Join LeftOuter/);
    const hinted: LogicalPlan = { kind: 'join', type: 'inner', hint: 'broadcast', left: join(part, supplier), right: lineitem, condition: eq(pKey, lPart) };
    expect(run(hinted)).toBe(hinted);
  });

  it('follows the written order among connected relations (a nationkey link to a small relation is no reason to jump)', () => {
    const cCust = attr('c_cust'); const cNat = attr('c_nat'); const oKey2 = attr('o_key'); const oCust = attr('o_cust');
    const lOrd = attr('l_order'); const lSup = attr('l_supp'); const sKey2 = attr('s_key'); const sNat = attr('s_nat');
    const customer = rel(150, cCust, cNat); const orders2 = rel(1500, oKey2, oCust); const line = rel(6000, lOrd, lSup); const supp = rel(10, sKey2, sNat);
    const cond = [eq(cCust, oCust), eq(lOrd, oKey2), eq(lSup, sKey2), eq(cNat, sNat)].reduce((a, b): Expression => ({ kind: 'and', left: a, right: b }));
    const p: LogicalPlan = { kind: 'join', type: 'inner', left: join(join(customer, orders2), join(line, supp)), right: rel(5, attr('x')), condition: cond };
    let cur = run(p);
    if (cur.kind === 'project') cur = cur.input;
    const rights: LogicalPlan[] = [];
    while (cur.kind === 'join') { rights.unshift(cur.right); cur = cur.left; }
    expect(cur).toBe(customer);
    expect(rights).toHaveLength(4);
    expect(rights.slice(0, 3)).toEqual([orders2, line, supp]);
  });
});
