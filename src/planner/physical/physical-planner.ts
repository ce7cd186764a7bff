// Logical → physical planning: chooses operators (two-phase hash aggregation, broadcast or shuffled hash joins,
// global sorts over a range exchange, small or top-k sorts and limits through a single-partition exchange) and
// inserts the exchanges each operator's required distribution needs, binding every expression to its input's ordinals.
import { assertNever } from '../../common/assert.js';
import { TsSparkError } from '../../common/errors.js';
import type { Attribute, Expression, SortOrder } from '../expr/expression.js';
import type { LogicalPlan } from '../logical/logical-plan.js';
import { outputOf } from '../optimizer/plan-utils.js';
import { bindAll, bindExpr, bindOrder, boundRef } from './bind.js';
import { estimateSize } from './estimate-size.js';
import { planAggregate } from './plan-aggregate.js';
import { planJoin } from './plan-join.js';
import { planWindow } from './plan-window.js';
import type { PhysicalPlan } from './physical-plan.js';

export interface PlannerConf {
  readonly shufflePartitions: number;
  readonly broadcastThreshold: number;
  readonly defaultParallelism: number;
  /**
   * Global sorts of inputs estimated above this many bytes range-partition; smaller ones sort in one partition
   * (adaptive coalescing would merge them into one anyway): spark.sql.adaptive.coalescePartitions.minPartitionSize.
   */
  readonly rangeSortMinBytes: number;
}

export function confFrom(get: (k: string) => string | undefined, defaultParallelism: number): PlannerConf {
  return {
    shufflePartitions: Number(get('spark.sql.shuffle.partitions') ?? 200),
    broadcastThreshold: parseBytes(get('spark.sql.autoBroadcastJoinThreshold') ?? '10m'),
    defaultParallelism,
    rangeSortMinBytes: parseBytes(get('spark.sql.adaptive.coalescePartitions.minPartitionSize') ?? '1m'),
  };
}

export function parseBytes(s: string): number {
  const m = /^\s*(-?\d+(?:\.\d+)?)\s*([kmgt]?)b?\s*$/i.exec(s);
  if (!m) return Number(s);
  const mult = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4 }[m[2]!.toLowerCase() as '' | 'k' | 'm' | 'g' | 't'];
  return Number(m[1]) * mult;
}

function single(x: PhysicalPlan): PhysicalPlan {
  return { kind: 'exchange', input: x, output: x.output, partitioning: { kind: 'single' } };
}

function distinctOf(child: PhysicalPlan, output: readonly Attribute[], n: number): PhysicalPlan {
  const keys = output.map((a, i) => boundRef(i, a));
  const partial: PhysicalPlan = { kind: 'hash_aggregate', mode: 'partial', input: child, keys, aggs: [], output };
  const ex: PhysicalPlan = { kind: 'exchange', input: partial, output, partitioning: { kind: 'hash', keys, numPartitions: n } };
  return { kind: 'hash_aggregate', mode: 'final', input: ex, keys, aggs: [], output };
}

/**
 * A global sort: over a range exchange (Spark's rangepartitioning, N = spark.sql.shuffle.partitions, bounds sampled
 * at run time) when the input is estimated past `rangeSortMinBytes`, else gathered into one partition.
 */
function planSort(p: Extract<LogicalPlan, { kind: 'sort' }>, child: PhysicalPlan, conf: PlannerConf, forceSingle: boolean): PhysicalPlan {
  const order = bindOrder(p.order, outputOf(p.input));
  const output = outputOf(p);
  if (!p.global) return { kind: 'sort', input: child, order, global: false, output };
  const n = conf.shufflePartitions;
  const ranged = !forceSingle && n > 1 && estimateSize(p.input) > conf.rangeSortMinBytes;
  const ex: PhysicalPlan = ranged
    ? { kind: 'exchange', input: child, output: child.output, partitioning: { kind: 'range', order, numPartitions: n } }
    : single(child);
  return { kind: 'sort', input: ex, order, global: true, output };
}

function projectOf(p: Extract<LogicalPlan, { kind: 'project' }>, child: PhysicalPlan): PhysicalPlan {
  const inAttrs = outputOf(p.input);
  return { kind: 'project', input: child, exprs: p.items.map((i) => bindExpr(i.expr, inAttrs)), output: outputOf(p) };
}

/** The input of a limit: a global sort (under projections, e.g. of hidden sort columns) sorts in one partition. */
function underLimit(x: LogicalPlan, conf: PlannerConf): PhysicalPlan {
  if (x.kind === 'sort' && x.global) return planSort(x, planPhysical(x.input, conf), conf, true);
  if (x.kind === 'project') return projectOf(x, underLimit(x.input, conf));
  return planPhysical(x, conf);
}

export function planPhysical(p: LogicalPlan, conf: PlannerConf): PhysicalPlan {
  const rec = (x: LogicalPlan): PhysicalPlan => planPhysical(x, conf);
  const n = conf.shufflePartitions;
  const output = outputOf(p);
  switch (p.kind) {
    case 'file_scan':
      return { kind: 'file_scan', source: p.source, columns: p.output.map((a) => a.name), filters: p.filters, output };
    case 'local_relation':
      return { kind: 'local_scan', batches: p.batches, numPartitions: Math.max(1, Math.min(p.batches.length, conf.defaultParallelism)), output };
    case 'range':
      return { kind: 'range_scan', start: p.start, end: p.end, step: p.step, numPartitions: p.numPartitions ?? conf.defaultParallelism, output };
    case 'rdd_scan':
      return { kind: 'rdd_scan', rddId: p.rddId, output };
    case 'project':
      return projectOf(p, rec(p.input));
    case 'filter':
      return { kind: 'filter', input: rec(p.input), condition: bindExpr(p.condition, outputOf(p.input)), output };
    case 'aggregate':
      return planAggregate(p, rec(p.input), n);
    case 'join':
      return planJoin(p, rec(p.left), rec(p.right), output, { numPartitions: n, broadcastThreshold: conf.broadcastThreshold, estimateSize });
    case 'sort':
      return planSort(p, rec(p.input), conf, false);
    case 'limit': {
      // ORDER BY … LIMIT n stays a top-k: the sort under a limit keeps the single-partition path
      const child = underLimit(p.input, conf);
      // limit -1: OFFSET without LIMIT (no local limit; the offset is skipped once all rows are in one partition)
      if (p.limit < 0) return { kind: 'limit', input: single(child), limit: -1, offset: p.offset, global: true, output };
      const local: PhysicalPlan = { kind: 'limit', input: child, limit: p.limit + p.offset, offset: 0, global: false, output };
      return { kind: 'limit', input: single(local), limit: p.limit, offset: p.offset, global: true, output };
    }
    case 'union':
      return { kind: 'union', inputs: p.inputs.map(rec), output };
    case 'intersect': case 'except': {
      if (p.all) throw new TsSparkError('UNSUPPORTED', `${p.kind.toUpperCase()} ALL is not supported yet`);
      const lOut = outputOf(p.left);
      const rOut = outputOf(p.right);
      const leftKeys = lOut.map((a, i) => boundRef(i, a));
      const rightKeys = rOut.map((a, i) => boundRef(i, a));
      const ex = (x: PhysicalPlan, keys: Expression[]): PhysicalPlan => ({ kind: 'exchange', input: x, output: x.output, partitioning: { kind: 'hash', keys, numPartitions: n } });
      const join: PhysicalPlan = {
        kind: 'hash_join', strategy: 'shuffled', buildSide: 'right', joinType: p.kind === 'intersect' ? 'left_semi' : 'left_anti',
        left: ex(distinctOf(rec(p.left), lOut, n), leftKeys), right: ex(rec(p.right), rightKeys), leftKeys, rightKeys, nullSafe: true, output,
      };
      return join;
    }
    case 'distinct':
      return distinctOf(rec(p.input), output, n);
    case 'window':
      return planWindow(p, rec(p.input), n);
    case 'expand': {
      const inAttrs = outputOf(p.input);
      return { kind: 'expand', input: rec(p.input), projections: p.projections.map((ps) => bindAll(ps, inAttrs)), output };
    }
    case 'generate':
      return { kind: 'generate', input: rec(p.input), generator: bindExpr(p.generator, outputOf(p.input)), outer: p.outer, position: p.position, output };
    case 'repartition': {
      const child = rec(p.input);
      const num = p.numPartitions ?? n;
      const origin = p.numPartitions === undefined ? 'repartition_by_col' as const : 'repartition_by_num' as const;
      if (!p.shuffle || p.exprs.length === 0) return { kind: 'exchange', input: child, output, partitioning: { kind: 'round_robin', numPartitions: num }, origin: 'repartition_by_num' };
      return { kind: 'exchange', input: child, output, partitioning: { kind: 'hash', keys: bindAll(p.exprs, outputOf(p.input)), numPartitions: num }, origin };
    }
    case 'cached':
      return { kind: 'cached', input: rec(p.input), cacheId: p.cacheId, output };
    default:
      return assertNever(p, 'logical plan');
  }
}

export type { SortOrder };
