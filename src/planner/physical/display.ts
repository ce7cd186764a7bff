// Spark-like text of physical plans (explain's "Physical Plan" section): one operator per line, children under
// `:- ` (all but the last) and `+- ` (the last), exchanges as `Exchange hashpartitioning(k#1, 200)`, aggregates
// as `HashAggregate(keys=…, functions=…)`.
import { assertNever } from '../../common/assert.js';
import type { Attribute, SortOrder } from '../expr/expression.js';
import { exprText } from './expr-text.js';
import { physicalChildren, type PhysicalPlan } from './physical-plan.js';

const orderText = (o: SortOrder, input: readonly Attribute[]): string =>
  `${exprText(o.expr, input)} ${o.direction.toUpperCase()} NULLS ${o.nulls === 'nulls_first' ? 'FIRST' : 'LAST'}`;
const attrs = (as: readonly Attribute[]): string => `[${as.map((a) => `${a.name}#${a.id}`).join(', ')}]`;

function joinTypeName(t: string): string {
  return ({ inner: 'Inner', cross: 'Cross', left_outer: 'LeftOuter', right_outer: 'RightOuter', full_outer: 'FullOuter', left_semi: 'LeftSemi', left_anti: 'LeftAnti' } as Record<string, string>)[t] ?? t;
}

export function nodeLine(p: PhysicalPlan): string {
  const inOut = (x: PhysicalPlan): readonly Attribute[] => physicalChildren(x)[0]?.output ?? [];
  switch (p.kind) {
    case 'local_scan': return `LocalTableScan ${attrs(p.output)}`;
    case 'rdd_scan': return `Scan ExistingRDD[${attrs(p.output)}]`;
    case 'cached': return `InMemoryTableScan ${attrs(p.output)}`;
    case 'range_scan': return `Range (${p.start}, ${p.end}, step=${p.step}, splits=${p.numPartitions})`;
    case 'file_scan': return `FileScan ${p.source.format} ${attrs(p.output)} PushedFilters: [${p.filters.map((f) => exprText(f)).join(', ')}], ReadSchema: struct<${p.output.map((a) => `${a.name}:${a.type.kind}`).join(',')}>`;
    case 'project': return `Project [${p.exprs.map((e, i) => { const t = exprText(e, inOut(p)); const a = p.output[i]!; return t === `${a.name}#${a.id}` ? t : `${t} AS ${a.name}#${a.id}`; }).join(', ')}]`;
    case 'filter': return `Filter ${exprText(p.condition, inOut(p))}`;
    case 'hash_aggregate': {
      const prefix = p.mode === 'partial' ? 'partial_' : '';
      const keys = p.mode === 'final' ? p.keys.map((_k, i) => `${p.output[i]!.name}#${p.output[i]!.id}`) : p.keys.map((k) => exprText(k, inOut(p)));
      return `HashAggregate(keys=[${keys.join(', ')}], functions=[${p.aggs.map((a) => `${prefix}${a.text}`).join(', ')}])`;
    }
    case 'hash_join': {
      const name = p.strategy === 'broadcast' ? 'BroadcastHashJoin' : 'ShuffledHashJoin';
      const both = [...p.left.output, ...p.right.output];
      const cond = p.condition ? `, ${exprText(p.condition, both)}` : '';
      return `${name} [${p.leftKeys.map((k) => exprText(k, p.left.output)).join(', ')}], [${p.rightKeys.map((k) => exprText(k, p.right.output)).join(', ')}], ${joinTypeName(p.joinType)}, Build${p.buildSide === 'left' ? 'Left' : 'Right'}${cond}`;
    }
    case 'nested_loop_join': return `BroadcastNestedLoopJoin BuildRight, ${joinTypeName(p.joinType)}${p.condition ? `, ${exprText(p.condition, [...p.left.output, ...p.right.output])}` : ''}`;
    case 'sort': return `Sort [${p.order.map((o) => orderText(o, inOut(p))).join(', ')}], ${p.global}`;
    case 'limit': return `${p.global ? 'GlobalLimit' : 'LocalLimit'} ${p.limit}${p.offset ? `, ${p.offset}` : ''}`;
    case 'union': return 'Union';
    case 'expand': return `Expand [${p.projections.map((ps) => `[${ps.map((e) => exprText(e, inOut(p))).join(', ')}]`).join(', ')}], ${attrs(p.output)}`;
    case 'generate': return `Generate ${exprText(p.generator, inOut(p))}, ${p.outer}, ${attrs(p.output.slice(inOut(p).length))}`;
    case 'window': return `Window [${p.functions.map((f, i) => { const a = p.output[p.output.length - p.functions.length + i]!; return `${f.aggregate ? f.aggregate.text : `${f.fn}()`} AS ${a.name}#${a.id}`; }).join(', ')}], [${p.partitionBy.map((e) => exprText(e, inOut(p))).join(', ')}]`;
    case 'exchange': {
      const pt = p.partitioning;
      const origin = p.origin === undefined ? 'ENSURE_REQUIREMENTS' : p.origin.toUpperCase();
      switch (pt.kind) {
        case 'hash': return `Exchange hashpartitioning(${pt.keys.map((k) => exprText(k, p.input.output)).join(', ')}, ${pt.numPartitions}), ${origin}`;
        case 'single': return `Exchange SinglePartition, ${origin}`;
        case 'round_robin': return `Exchange RoundRobinPartitioning(${pt.numPartitions}), ${p.origin === undefined ? 'REPARTITION_BY_NUM' : origin}`;
        case 'range': return `Exchange rangepartitioning(${pt.order.map((o) => orderText(o, p.input.output)).join(', ')}, ${pt.numPartitions}), ${origin}`;
        default: return assertNever(pt, 'partitioning');
      }
    }
    case 'broadcast_exchange': return 'BroadcastExchange HashedRelationBroadcastMode';
    default: return assertNever(p, 'physical plan');
  }
}

export function displayPhysical(p: PhysicalPlan): string {
  const lines: string[] = [];
  const walk = (x: PhysicalPlan, prefix: string, indent: string): void => {
    lines.push(`${prefix}${nodeLine(x)}`);
    const kids = physicalChildren(x);
    kids.forEach((k, i) => {
      const last = i === kids.length - 1;
      walk(k, `${indent}${last ? '+- ' : ':- '}`, `${indent}${last ? '   ' : ':  '}`);
    });
  };
  walk(p, '', '');
  return `AdaptiveSparkPlan isFinalPlan=false\n+- ${lines.join('\n   ')}`;
}
