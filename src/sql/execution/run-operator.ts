// The executor-side entry point of SQL stages: runs one single-input physical operator over a partition's
// batches. RDD mapPartitions closures capture only the (plain-data) operator node and call runOperator.
import { assertNever } from '../../common/assert.js';
import { TsSparkError } from '../../common/errors.js';
import type { ColumnBatch } from '../batch/column-batch.js';
import type { PhysicalPlan } from '../../planner/physical/physical-plan.js';
import { exprType } from '../../planner/expr/expr-type.js';
import { columnOf, gatherBatch, sliceBatch, valueAt } from './batch-ops.js';
import { hashAggregate } from './hash-aggregate.js';
import { projector, selector } from './kernels.js';
import { sortStream } from './sort.js';
import { windowBatches } from './window.js';

export function* runOperator(node: PhysicalPlan, input: Iterable<ColumnBatch>): Iterable<ColumnBatch> {
  switch (node.kind) {
    case 'project': {
      const f = projector(node.exprs);
      for (const b of input) yield { numRows: b.numRows, columns: f(b) };
      return;
    }
    case 'filter': {
      const f = selector(node.condition);
      for (const b of input) { const idx = f(b); yield idx.length === b.numRows ? b : gatherBatch(b, idx); }
      return;
    }
    case 'hash_aggregate': yield hashAggregate(node, input); return;
    case 'sort': yield* sortStream(node.order, input); return;
    case 'window': yield windowBatches(node, input); return;
    case 'limit': {
      let skip = node.offset;
      let left = node.limit < 0 ? Number.POSITIVE_INFINITY : node.limit; // -1: offset only
      for (const b of input) {
        if (left <= 0) return;
        const from = Math.min(skip, b.numRows);
        skip -= from;
        const to = Math.min(b.numRows, from + left);
        if (to > from) { yield from === 0 && to === b.numRows ? b : sliceBatch(b, from, to); left -= to - from; }
      }
      return;
    }
    case 'expand': {
      const fs = node.projections.map((p) => projector(p));
      for (const b of input) for (const f of fs) yield { numRows: b.numRows, columns: f(b) };
      return;
    }
    case 'generate': yield* generate(node, input); return;
    default:
      throw new TsSparkError('INTERNAL', `${node.kind} is not a single-input operator`);
  }
}

/**
 * explode/posexplode/inline(_outer): each input row repeated once per element (array), entry (map: key, value)
 * or struct field list (inline), with the element's position first for posexplode. An outer generator keeps a
 * row whose collection is NULL or empty, with NULL generator columns.
 */
function* generate(node: Extract<PhysicalPlan, { kind: 'generate' }>, input: Iterable<ColumnBatch>): Iterable<ColumnBatch> {
  const g = node.generator;
  if (g.kind !== 'call') throw new TsSparkError('UNSUPPORTED', 'generator must be a function call');
  const argType = exprType(g.args[0]!);
  const fields = g.fn.startsWith('inline') && argType.kind === 'array' && argType.element.kind === 'struct'
    ? argType.element.fields.map((f) => f.name) : undefined;
  const arg = projector(g.args.slice(0, 1));
  const outAttrs = node.output.slice(node.input.output.length);
  const width = outAttrs.length;
  const pos = node.position ? 1 : 0;
  for (const b of input) {
    const c = arg(b)[0]!;
    const rows: number[] = [];
    const gen: unknown[][] = outAttrs.map(() => []);
    for (let r = 0; r < b.numRows; r++) {
      const v = valueAt(c, r);
      const before = rows.length;
      if (v instanceof Map) {
        let i = 0;
        for (const [k, x] of v) {
          rows.push(r);
          if (pos) gen[0]!.push(i++);
          gen[pos]!.push(k);
          gen[pos + 1]!.push(x);
        }
      } else if (Array.isArray(v)) {
        for (let i = 0; i < v.length; i++) {
          rows.push(r);
          const x: unknown = v[i];
          if (fields) {
            const s = x as Record<string, unknown> | null;
            for (let k = 0; k < width; k++) gen[k]!.push(s === null ? null : s[fields[k]!] ?? null);
          } else {
            if (pos) gen[0]!.push(i);
            gen[pos]!.push(x ?? null);
          }
        }
      }
      if (rows.length === before && node.outer) {
        rows.push(r);
        for (let k = 0; k < width; k++) gen[k]!.push(null);
      }
    }
    const base = gatherBatch(b, Int32Array.from(rows));
    yield { numRows: rows.length, columns: [...base.columns, ...outAttrs.map((a, k) => columnOf(a.type, gen[k]!))] };
  }
}

export function isSingleInput(node: PhysicalPlan): boolean {
  switch (node.kind) {
    case 'project': case 'filter': case 'hash_aggregate': case 'sort': case 'window': case 'limit': case 'expand': case 'generate': return true;
    case 'local_scan': case 'range_scan': case 'file_scan': case 'rdd_scan': case 'cached': case 'hash_join': case 'nested_loop_join': case 'union': case 'exchange': case 'broadcast_exchange': return false;
    default: return assertNever(node, 'physical plan');
  }
}
