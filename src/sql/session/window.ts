// Window specifications of the DataFrame API: Window.partitionBy(...).orderBy(...).rowsBetween(a, b).
import type { Expr, FrameBound, WindowFrame, WindowSpec } from '../parser/ast.js';
import { colExpr, Column, type ColumnLike } from './column.js';

const UNBOUNDED = 2 ** 63;

export class WindowSpecBuilder {
  constructor(readonly spec: WindowSpec) {}

  partitionBy(...cols: ColumnLike[]): WindowSpecBuilder {
    return new WindowSpecBuilder({ ...this.spec, partitionBy: cols.flat().map(colExpr) });
  }

  orderBy(...cols: ColumnLike[]): WindowSpecBuilder {
    return new WindowSpecBuilder({ ...this.spec, orderBy: cols.flat().map((c) => (c instanceof Column ? c : new Column(colExpr(c))).toSortItem()) });
  }

  rowsBetween(start: number, end: number): WindowSpecBuilder {
    return new WindowSpecBuilder({ ...this.spec, frame: frame('rows', start, end) });
  }

  rangeBetween(start: number, end: number): WindowSpecBuilder {
    return new WindowSpecBuilder({ ...this.spec, frame: frame('range', start, end) });
  }
}

function bound(n: number, isStart: boolean): FrameBound {
  if (n <= -UNBOUNDED || (isStart && n === Number.NEGATIVE_INFINITY)) return { kind: 'unboundedPreceding' };
  if (n >= UNBOUNDED || n === Number.POSITIVE_INFINITY) return { kind: 'unboundedFollowing' };
  if (n === 0) return { kind: 'currentRow' };
  const offset: Expr = { kind: 'number', type: 'int', text: String(Math.abs(n)) };
  return n < 0 ? { kind: 'preceding', offset } : { kind: 'following', offset };
}

function frame(type: 'rows' | 'range', start: number, end: number): WindowFrame {
  return { type, start: bound(start, true), end: bound(end, false) };
}

export const Window = Object.freeze({
  unboundedPreceding: -UNBOUNDED,
  unboundedFollowing: UNBOUNDED,
  currentRow: 0,
  partitionBy: (...cols: ColumnLike[]): WindowSpecBuilder => new WindowSpecBuilder({ kind: 'windowSpec', partitionBy: [], orderBy: [] }).partitionBy(...cols),
  orderBy: (...cols: ColumnLike[]): WindowSpecBuilder => new WindowSpecBuilder({ kind: 'windowSpec', partitionBy: [], orderBy: [] }).orderBy(...cols),
});
