// Query grammar: WITH, set operations (INTERSECT binds tighter than UNION/EXCEPT/MINUS),
// SELECT cores, FROM relations and joins, GROUP BY forms, ORDER/SORT/CLUSTER/DISTRIBUTE BY, LIMIT/OFFSET.
import * as T from './tokens.js';
import { ExprParser } from './grammar-expr.js';
import type { NamePart } from './parser-base.js';
import type {
  Cte, Expr, GroupingElement, JoinType, LateralView, NamedWindow, Query, QueryBody, Relation, SelectCore, SelectItem, SortItem, TableAlias, WindowRef,
} from './ast.js';

const fileFormats = new Set(['parquet', 'json', 'csv', 'orc', 'text', 'avro', 'binaryfile']);

/** Rows of VALUES: `(a, b)` parses as a row expression, anything else is a one-column row. */
function valuesRow(e: Expr): Expr[] {
  return e.kind === 'row' ? [...e.items] : [e];
}

export class QueryParser extends ExprParser {
  private readonly aliasFollows = (): boolean => this.isTok(1, T.As) || this.isIdentLike(1);

  override query = this.RULE('query', (): Query => {
    const ctes: Cte[] = [];
    this.OPTION(() => {
      this.CONSUME(T.With);
      this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => ctes.push(this.SUBRULE(this.cte)) });
    });
    const body = this.SUBRULE(this.setUnion);
    const orderBy: SortItem[] = [];
    const sortBy: SortItem[] = [];
    const clusterBy: Expr[] = [];
    const distributeBy: Expr[] = [];
    this.OPTION2(() => {
      this.CONSUME(T.Order);
      this.CONSUME(T.By);
      this.AT_LEAST_ONE_SEP2({ SEP: T.Comma, DEF: () => orderBy.push(this.SUBRULE(this.sortItem)) });
    });
    this.OPTION3(() => {
      this.CONSUME(T.Cluster);
      this.CONSUME2(T.By);
      this.AT_LEAST_ONE_SEP3({ SEP: T.Comma, DEF: () => clusterBy.push(this.SUBRULE(this.expression)) });
    });
    this.OPTION4(() => {
      this.CONSUME(T.Distribute);
      this.CONSUME3(T.By);
      this.AT_LEAST_ONE_SEP4({ SEP: T.Comma, DEF: () => distributeBy.push(this.SUBRULE2(this.expression)) });
    });
    this.OPTION5(() => {
      this.CONSUME(T.Sort);
      this.CONSUME4(T.By);
      this.AT_LEAST_ONE_SEP5({ SEP: T.Comma, DEF: () => sortBy.push(this.SUBRULE2(this.sortItem)) });
    });
    let limit: Expr | undefined;
    this.OPTION6(() => {
      this.CONSUME(T.Limit);
      this.OR([{ ALT: () => this.CONSUME(T.All) }, { ALT: () => (limit = this.SUBRULE3(this.expression)) }]);
    });
    const offset = this.OPTION7(() => (this.CONSUME(T.Offset), this.SUBRULE4(this.expression)));
    return {
      kind: 'query', ctes, body, orderBy, sortBy, distributeBy, clusterBy,
      ...(limit !== undefined ? { limit } : {}),
      ...(offset !== undefined ? { offset } : {}),
    };
  });

  cte = this.RULE('cte', (): Cte => {
    const name = this.SUBRULE(this.identifier);
    const columns = this.OPTION(() => this.SUBRULE(this.identifierList));
    this.OPTION2(() => this.CONSUME(T.As));
    this.CONSUME(T.LParen);
    const query = this.SUBRULE(this.query);
    this.CONSUME(T.RParen);
    return columns === undefined ? { name, query } : { name, columns, query };
  });

  setUnion = this.RULE('setUnion', (): QueryBody => {
    let left = this.SUBRULE(this.setIntersect);
    this.MANY(() => {
      const op = this.OR([
        { ALT: () => (this.CONSUME(T.Union), 'union' as const) },
        { ALT: () => (this.CONSUME(T.Except), 'except' as const) },
        { ALT: () => (this.CONSUME(T.Minus), 'except' as const) },
      ]);
      const all = this.SUBRULE(this.setQuantifier);
      const right = this.SUBRULE2(this.setIntersect);
      left = { kind: 'setOp', op, all, left, right };
    });
    return left;
  });

  setIntersect = this.RULE('setIntersect', (): QueryBody => {
    let left = this.SUBRULE(this.queryPrimary);
    this.MANY(() => {
      this.CONSUME(T.Intersect);
      const all = this.SUBRULE(this.setQuantifier);
      const right = this.SUBRULE2(this.queryPrimary);
      left = { kind: 'setOp', op: 'intersect', all, left, right };
    });
    return left;
  });

  setQuantifier = this.RULE('setQuantifier', (): boolean => {
    return this.OPTION(() =>
      this.OR([{ ALT: () => (this.CONSUME(T.All), true) }, { ALT: () => (this.CONSUME(T.Distinct), false) }]),
    ) ?? false;
  });

  queryPrimary = this.RULE('queryPrimary', (): QueryBody => {
    return this.OR([
      { ALT: () => this.SUBRULE(this.selectCore) },
      {
        ALT: () => {
          const rows = this.SUBRULE(this.valuesRows);
          const alias = this.OPTION({ GATE: this.aliasFollows, DEF: () => this.SUBRULE(this.tableAlias) });
          return (alias === undefined ? { kind: 'values', rows } : { kind: 'values', rows, alias }) as QueryBody;
        },
      },
      { ALT: () => (this.CONSUME(T.Table), { kind: 'table', name: this.SUBRULE(this.multipartIdentifier) }) as QueryBody },
      {
        ALT: () => {
          this.CONSUME(T.LParen);
          const q = this.SUBRULE(this.query);
          this.CONSUME(T.RParen);
          return q;
        },
      },
    ]);
  });

  valuesRows = this.RULE('valuesRows', (): Expr[][] => {
    const rows: Expr[][] = [];
    this.CONSUME(T.Values);
    this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => {
      const e = this.SUBRULE(this.expression);
      this.ACTION(() => rows.push(valuesRow(e)));
    } });
    return rows;
  });

  selectCore = this.RULE('selectCore', (): SelectCore => {
    this.CONSUME(T.Select);
    const distinct = this.OPTION6(() =>
      this.OR2([{ ALT: () => (this.CONSUME(T.Distinct), true) }, { ALT: () => (this.CONSUME(T.All), false) }]),
    ) ?? false;
    const items: SelectItem[] = [];
    this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => items.push(this.SUBRULE(this.selectItem)) });
    const from = this.OPTION(() => (this.CONSUME(T.From), this.SUBRULE(this.fromList)));
    const lateralViews: LateralView[] = [];
    this.MANY(() => lateralViews.push(this.SUBRULE(this.lateralView)));
    const where = this.OPTION2(() => (this.CONSUME(T.Where), this.SUBRULE(this.expression)));
    const groupBy = this.OPTION3(() => this.SUBRULE(this.groupByClause));
    const having = this.OPTION4(() => (this.CONSUME(T.Having), this.SUBRULE2(this.expression)));
    const windows: NamedWindow[] = [];
    this.OPTION5(() => {
      this.CONSUME(T.Window);
      this.AT_LEAST_ONE_SEP2({ SEP: T.Comma, DEF: () => {
        const name = this.SUBRULE(this.identifier);
        this.CONSUME(T.As);
        const spec = this.OR([
          { ALT: () => ({ kind: 'windowName', name: this.SUBRULE2(this.identifier) }) as WindowRef },
          { ALT: () => this.SUBRULE(this.windowSpecParens) as WindowRef },
        ]);
        windows.push({ name, spec });
      } });
    });
    return {
      kind: 'select', distinct, items, windows,
      ...(from !== undefined ? { from } : {}),
      ...(lateralViews.length > 0 ? { lateralViews } : {}),
      ...(where !== undefined ? { where } : {}),
      ...(groupBy !== undefined ? { groupBy } : {}),
      ...(having !== undefined ? { having } : {}),
    };
  });

  selectItem = this.RULE('selectItem', (): SelectItem => {
    const expr = this.SUBRULE(this.expression);
    const aliases = this.OPTION3({
      GATE: () => this.isTok(1, T.As) && this.isTok(2, T.LParen),
      DEF: () => (this.CONSUME2(T.As), this.SUBRULE(this.identifierList)),
    });
    const alias = this.OPTION({
      GATE: () => aliases === undefined && (this.isTok(1, T.As) || this.isIdentLike(1)),
      DEF: () => {
        this.OPTION2(() => this.CONSUME(T.As));
        return this.SUBRULE(this.identifier);
      },
    });
    if (aliases !== undefined) return { expr, aliases };
    return alias === undefined ? { expr } : { expr, alias };
  });

  lateralView = this.RULE('lateralView', (): LateralView => {
    this.CONSUME(T.Lateral);
    this.CONSUME(T.View);
    const outer = this.OPTION(() => this.CONSUME(T.Outer)) !== undefined;
    const generator = this.SUBRULE(this.expression);
    const table = this.SUBRULE(this.identifier);
    const columns: string[] = [];
    this.OPTION2({
      GATE: () => this.isTok(1, T.As) || this.isIdentLike(1),
      DEF: () => {
        this.OPTION3(() => this.CONSUME(T.As));
        this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => columns.push(this.SUBRULE2(this.identifier)) });
      },
    });
    return { outer, generator, table, columns };
  });

  groupByClause = this.RULE('groupByClause', (): GroupingElement[] => {
    this.CONSUME(T.Group);
    this.CONSUME(T.By);
    const items: GroupingElement[] = [];
    this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => items.push(this.SUBRULE(this.groupingElement)) });
    const withKind = this.OPTION(() => {
      this.CONSUME(T.With);
      return this.OR([
        { ALT: () => (this.CONSUME(T.Rollup), 'rollup' as const) },
        { ALT: () => (this.CONSUME(T.Cube), 'cube' as const) },
      ]);
    });
    return this.ACTION(() => {
      if (withKind === undefined) return items;
      const exprs = items.flatMap((g) => (g.kind === 'expr' ? [g.expr] : g.kind === 'groupingSets' ? g.sets.flat() : g.items));
      return [{ kind: withKind, items: exprs }];
    });
  });

  groupingElement = this.RULE('groupingElement', (): GroupingElement => {
    return this.OR([
      {
        IGNORE_AMBIGUITIES: true,
        GATE: () => this.isTok(2, T.LParen),
        ALT: () => {
          const kind = this.OR2([
            { ALT: () => (this.CONSUME(T.Rollup), 'rollup' as const) },
            { ALT: () => (this.CONSUME(T.Cube), 'cube' as const) },
          ]);
          return { kind, items: this.SUBRULE(this.parenExprList) } as GroupingElement;
        },
      },
      {
        IGNORE_AMBIGUITIES: true,
        ALT: () => {
          this.CONSUME(T.Grouping);
          this.CONSUME(T.Sets);
          const sets: Expr[][] = [];
          this.CONSUME(T.LParen);
          this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => sets.push(this.SUBRULE(this.groupingSet)) });
          this.CONSUME(T.RParen);
          return { kind: 'groupingSets', sets } as GroupingElement;
        },
      },
      { ALT: () => ({ kind: 'expr', expr: this.SUBRULE(this.expression) }) as GroupingElement },
    ]);
  });

  groupingSet = this.RULE('groupingSet', (): Expr[] => {
    return this.OR([
      { IGNORE_AMBIGUITIES: true, ALT: () => this.SUBRULE(this.parenExprList) },
      { ALT: () => [this.SUBRULE(this.expression)] },
    ]);
  });

  fromList = this.RULE('fromList', (): Relation => {
    let rel = this.SUBRULE(this.relation);
    this.MANY(() => {
      this.CONSUME(T.Comma);
      const right = this.SUBRULE2(this.relation);
      rel = { kind: 'join', type: 'inner', natural: false, left: rel, right };
    });
    return rel;
  });

  relation = this.RULE('relation', (): Relation => {
    let rel = this.SUBRULE(this.relationPrimary);
    this.MANY(() => {
      rel = this.SUBRULE(this.joinClause, { ARGS: [rel] });
    });
    return rel;
  });

  joinClause = this.RULE('joinClause', (left: Relation): Relation => {
    return this.OR([
      {
        ALT: () => {
          const natural = this.OPTION(() => this.CONSUME(T.Natural)) !== undefined;
          const type = this.OPTION2(() => this.SUBRULE(this.joinType)) ?? 'inner';
          this.CONSUME2(T.Join);
          const right = this.SUBRULE2(this.relationPrimary);
          const on = this.OPTION3(() => (this.CONSUME(T.On), this.SUBRULE(this.expression)));
          const using = this.OPTION4(() => (this.CONSUME(T.Using), this.SUBRULE(this.identifierList)));
          return {
            kind: 'join', type, natural, left, right,
            ...(on !== undefined ? { on } : {}),
            ...(using !== undefined ? { using } : {}),
          } as Relation;
        },
      },
    ]);
  });

  joinType = this.RULE('joinType', (): JoinType => {
    return this.OR([
      { ALT: () => (this.CONSUME(T.Inner), 'inner' as const) },
      { ALT: () => (this.CONSUME(T.Cross), 'cross' as const) },
      {
        ALT: () => {
          this.CONSUME(T.Left);
          return this.OPTION(() => this.OR2([
            { ALT: () => (this.CONSUME(T.Semi), 'leftSemi' as const) },
            { ALT: () => (this.CONSUME(T.Anti), 'leftAnti' as const) },
            { ALT: () => (this.CONSUME(T.Outer), 'left' as const) },
          ])) ?? 'left';
        },
      },
      { ALT: () => (this.CONSUME(T.Right), this.OPTION2(() => this.CONSUME2(T.Outer)), 'right' as const) },
      { ALT: () => (this.CONSUME(T.Full), this.OPTION3(() => this.CONSUME3(T.Outer)), 'full' as const) },
      { ALT: () => (this.CONSUME2(T.Semi), 'leftSemi' as const) },
      { ALT: () => (this.CONSUME2(T.Anti), 'leftAnti' as const) },
    ]);
  });

  relationPrimary = this.RULE('relationPrimary', (): Relation => {
    return this.OR([
      {
        IGNORE_AMBIGUITIES: true,
        GATE: () => this.opensQuery(1),
        ALT: () => {
          this.CONSUME(T.LParen);
          const query = this.SUBRULE(this.query);
          this.CONSUME(T.RParen);
          const alias = this.OPTION({ GATE: this.aliasFollows, DEF: () => this.SUBRULE(this.tableAlias) });
          return (alias === undefined ? { kind: 'subquery', query } : { kind: 'subquery', query, alias }) as Relation;
        },
      },
      {
        ALT: () => {
          this.CONSUME2(T.LParen);
          const rel = this.SUBRULE(this.relation);
          this.CONSUME2(T.RParen);
          return rel;
        },
      },
      {
        IGNORE_AMBIGUITIES: true,
        ALT: () => {
          const rows = this.SUBRULE(this.valuesRows);
          const alias = this.OPTION2({ GATE: this.aliasFollows, DEF: () => this.SUBRULE2(this.tableAlias) });
          return (alias === undefined ? { kind: 'values', rows } : { kind: 'values', rows, alias }) as Relation;
        },
      },
      { ALT: () => this.SUBRULE(this.namedRelation) },
    ]);
  });

  namedRelation = this.RULE('namedRelation', (): Relation => {
    const parts: NamePart[] = [this.SUBRULE(this.namePart)];
    this.MANY(() => {
      this.CONSUME(T.Dot);
      parts.push(this.SUBRULE2(this.namePart));
    });
    const args = this.OPTION(() => this.SUBRULE(this.parenExprList));
    const alias = this.OPTION2({ GATE: this.aliasFollows, DEF: () => this.SUBRULE(this.tableAlias) });
    return this.ACTION((): Relation => {
      const name = parts.map((p) => p.name);
      const a = alias === undefined ? {} : { alias };
      if (args !== undefined) return { kind: 'tableFunction', name, args, ...a };
      if (parts.length === 2 && parts[1]!.quoted && !parts[0]!.quoted && fileFormats.has(parts[0]!.name.toLowerCase())) {
        return { kind: 'fileTable', format: parts[0]!.name.toLowerCase(), path: parts[1]!.name, ...a };
      }
      return { kind: 'table', name, ...a };
    });
  });

  tableAlias = this.RULE('tableAlias', (): TableAlias => {
    this.OPTION2(() => this.CONSUME(T.As));
    const name = this.SUBRULE(this.identifier);
    const columns = this.OPTION(() => this.SUBRULE(this.identifierList));
    return columns === undefined ? { name } : { name, columns };
  });
}
