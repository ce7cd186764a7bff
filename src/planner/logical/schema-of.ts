// The output attributes of every logical plan node (Spark's LogicalPlan.output) and its StructType.
// Used by the analyzer for name resolution and by the optimizer/physical planner for binding.
import { assertNever } from '../../common/assert.js';
import type { StructType } from '../../sql/types/data-type.js';
import type { Attribute } from '../expr/expression.js';
import type { LogicalPlan } from './logical-plan.js';

function nullable(attrs: readonly Attribute[]): Attribute[] {
  return attrs.map((a) => (a.nullable ? a : { ...a, nullable: true }));
}

export function outputOf(plan: LogicalPlan): readonly Attribute[] {
  switch (plan.kind) {
    case 'file_scan':
    case 'local_relation':
    case 'range':
    case 'rdd_scan':
    case 'union':
    case 'expand':
      return plan.output;
    case 'project':
    case 'aggregate':
      return plan.items.map((i) => i.attr);
    case 'filter':
    case 'sort':
    case 'limit':
    case 'distinct':
    case 'repartition':
    case 'cached':
      return outputOf(plan.input);
    case 'intersect':
    case 'except':
      return outputOf(plan.left);
    case 'window':
      return [...outputOf(plan.input), ...plan.items.map((i) => i.attr)];
    case 'generate':
      return [...outputOf(plan.input), ...(plan.outer ? nullable(plan.generatorOutput) : plan.generatorOutput)];
    case 'join': {
      const l = outputOf(plan.left);
      const r = outputOf(plan.right);
      switch (plan.type) {
        case 'inner':
        case 'cross':
          return [...l, ...r];
        case 'left_outer':
          return [...l, ...nullable(r)];
        case 'right_outer':
          return [...nullable(l), ...r];
        case 'full_outer':
          return [...nullable(l), ...nullable(r)];
        case 'left_semi':
        case 'left_anti':
          return l;
        default:
          return assertNever(plan.type, 'join type');
      }
    }
    default:
      return assertNever(plan, 'logical plan');
  }
}

export function attributesToStruct(attrs: readonly Attribute[]): StructType {
  return { kind: 'struct', fields: attrs.map((a) => ({ name: a.name, type: a.type, nullable: a.nullable })) };
}

export function schemaOf(plan: LogicalPlan): StructType {
  return attributesToStruct(outputOf(plan));
}
