// Binding: replaces attribute references by input ordinals (`bound`), as executors evaluate expressions over
// column positions. Unknown attributes are an internal error naming the attribute and the input.
import { TsSparkError } from '../../common/errors.js';
import type { Attribute, Expression, SortOrder } from '../expr/expression.js';
import { transformUp } from '../optimizer/expr-utils.js';

export function bindExpr(e: Expression, input: readonly Attribute[]): Expression {
  const pos = new Map<number, number>();
  input.forEach((a, i) => { if (!pos.has(a.id)) pos.set(a.id, i); });
  return transformUp(e, (x) => {
    if (x.kind === 'alias') return x.expr;
    if (x.kind !== 'attr') return x;
    const i = pos.get(x.id);
    if (i === undefined) {
      throw new TsSparkError('INTERNAL', `cannot bind ${x.name}#${x.id} to input [${input.map((a) => `${a.name}#${a.id}`).join(', ')}]`);
    }
    const a = input[i]!;
    return { kind: 'bound', ordinal: i, type: a.type, nullable: a.nullable || x.nullable, name: a.name };
  });
}

export function bindAll(es: readonly Expression[], input: readonly Attribute[]): Expression[] {
  return es.map((e) => bindExpr(e, input));
}

export function bindOrder(os: readonly SortOrder[], input: readonly Attribute[]): SortOrder[] {
  return os.map((o) => ({ ...o, expr: bindExpr(o.expr, input) }));
}

export function boundRef(ordinal: number, a: Attribute): Expression {
  return { kind: 'bound', ordinal, type: a.type, nullable: a.nullable, name: a.name };
}
