// evaluateScalarSubqueries: uncorrelated scalar subqueries become literals of their one value (NULL for no rows,
// an error for several), also inside other subqueries' plans; correlated ones are left for the optimizer.
import { describe, expect, it } from 'vitest';
import type { Attribute, Expression, LogicalPlan } from '../../../src/planner/logical/logical-plan.js';
import { displayPlan } from '../../../src/planner/logical/index.js';
import { evaluateScalarSubqueries } from '../../../src/sql/session/scalar-subqueries.js';
import { T } from '../../../src/sql/types/data-type.js';

const attr = (id: number, name: string): Attribute => ({ kind: 'attr', id, name, type: T.int, nullable: true });
const rel = (...output: Attribute[]): LogicalPlan => ({ kind: 'local_relation', output, batches: [] });
const gt = (x: Expression, y: Expression): Expression => ({ kind: 'call', fn: 'greater_than', args: [x, y], type: T.boolean, nullable: true });
const a = attr(1, 'a'); const x = attr(2, 'x'); const y = attr(3, 'y');
const subX = rel(x); const subY = rel(y);
const scalar = (plan: LogicalPlan, outer: Attribute[] = []): Expression => ({ kind: 'scalar_subquery', plan, type: T.int, outer });

/** A fake runner: the rows of each relation by its first column id; records what it ran. */
function runner(rows: Record<number, unknown[][]>) {
  const ran: LogicalPlan[] = [];
  const run = async (p: LogicalPlan): Promise<unknown[][]> => {
    ran.push(p);
    let q = p;
    while (q.kind === 'limit' || q.kind === 'filter' || q.kind === 'project') q = q.input;
    if (q.kind !== 'local_relation') throw new Error(`unexpected ${q.kind}`);
    return rows[q.output[0]!.id] ?? [];
  };
  return { run, ran };
}

describe('evaluateScalarSubqueries', () => {
  it('replaces an uncorrelated scalar subquery by its value, and by NULL when it has no rows', async () => {
    const p: LogicalPlan = { kind: 'filter', input: rel(a), condition: { kind: 'and', left: gt(a, scalar(subX)), right: gt(a, scalar(subY)) } };
    const { run, ran } = runner({ 2: [[42]] });
    const out = await evaluateScalarSubqueries(p, run);
    expect(displayPlan(out).split('\n')[0]).toBe('Filter ((a#1 > 42) AND (a#1 > null))');
    expect(ran).toHaveLength(2);
    expect(ran[0]!.kind).toBe('limit');
  });

  it('fails with Spark\'s error when the subquery returns more than one row', async () => {
    const p: LogicalPlan = { kind: 'project', input: rel(a), items: [{ expr: scalar(subX), attr: attr(9, 's') }] };
    const { run } = runner({ 2: [[1], [2]] });
    await expect(evaluateScalarSubqueries(p, run)).rejects.toThrow('[SCALAR_SUBQUERY_TOO_MANY_ROWS] More than one row returned by a subquery used as an expression.');
  });

  it('evaluates inside correlated subqueries but leaves those themselves alone', async () => {
    const inner: LogicalPlan = { kind: 'filter', input: subY, condition: gt(y, scalar(subX)) };
    const p: LogicalPlan = { kind: 'filter', input: rel(a), condition: { kind: 'exists', plan: inner, outer: [a] } };
    const { run } = runner({ 2: [[7]] });
    const out = await evaluateScalarSubqueries(p, run);
    expect(out.kind === 'filter' && out.condition.kind).toBe('exists');
    expect(displayPlan(out)).toContain('(y#3 > 7)');
    const plain: LogicalPlan = { kind: 'filter', input: rel(a), condition: gt(a, scalar(subY, [a])) };
    expect(await evaluateScalarSubqueries(plain, run)).toBe(plain);
  });
});
