// GroupedData: the result of df.groupBy(...) — agg() and the shortcut aggregations (count, sum, avg, min, max).
import { TsSparkError } from '../../common/errors.js';
import type { GroupingElement, SelectItem } from '../parser/ast.js';
import { call, colExpr, Column } from './column.js';
import type { DataFrame } from './dataframe.js';

export class GroupedData {
  constructor(private readonly df: DataFrame, private readonly grouping: readonly GroupingElement[]) {}

  agg(...exprs: Array<Column | Record<string, string>>): DataFrame {
    // Spark's groupBy().agg() output: the grouping columns, then the aggregates
    const items: SelectItem[] = this.grouping
      .flatMap((g) => (g.kind === 'expr' ? [g.expr] : g.kind === 'groupingSets' ? [] : g.items))
      .map((expr) => (expr.kind === 'alias' ? { expr: expr.expr, alias: expr.name } : { expr }));
    for (const e of exprs) {
      if (e instanceof Column) items.push(e.expr.kind === 'alias' ? { expr: e.expr.expr, alias: e.expr.name } : { expr: e.expr });
      else for (const [column, fn] of Object.entries(e)) items.push({ expr: call(fn === 'mean' ? 'avg' : fn, [colExpr(column)]) });
    }
    if (items.length === 0) throw new TsSparkError('INVALID_ARGUMENT', 'agg() needs at least one aggregate expression');
    // grouping by an aliased column groups by the expression; the alias names the output column
    const grouping: GroupingElement[] = this.grouping.map((g) => (g.kind === 'expr' && g.expr.kind === 'alias' ? { kind: 'expr', expr: g.expr.expr } : g));
    return new (this.df.constructor as new (s: DataFrame['sparkSession'], p: DataFrame['plan']) => DataFrame)(
      this.df.sparkSession,
      this.df.sparkSession.analyzer.aggregate(this.df.plan, grouping, items),
    );
  }

  count(): DataFrame { return this.agg(new Column(call('count', [{ kind: 'number', type: 'int', text: '1' }])).alias('count')); }
  sum(...cols: string[]): DataFrame { return this.simple('sum', cols); }
  avg(...cols: string[]): DataFrame { return this.simple('avg', cols); }
  mean(...cols: string[]): DataFrame { return this.simple('avg', cols); }
  min(...cols: string[]): DataFrame { return this.simple('min', cols); }
  max(...cols: string[]): DataFrame { return this.simple('max', cols); }

  private simple(fn: string, cols: string[]): DataFrame {
    const names = cols.length > 0 ? cols : this.numericColumns();
    return this.agg(...names.map((c) => new Column(call(fn, [colExpr(c)]))));
  }

  private numericColumns(): string[] {
    const numeric = new Set(['byte', 'short', 'int', 'long', 'float', 'double', 'decimal']);
    return this.df.schema.fields.filter((f) => numeric.has(f.type.kind)).map((f) => f.name);
  }
}
