// Window specifications (PARTITION BY, ORDER BY, ROWS/RANGE frames) and sort items,
// shared by OVER clauses, WINDOW clauses and ORDER BY; extended by the primary-expression grammar.
import { type ParserMethod } from 'chevrotain';
import * as T from './tokens.js';
import { ParserBase } from './parser-base.js';
import type { Expr, FrameBound, SortItem, WindowFrame, WindowSpec } from './ast.js';

export class WindowParser extends ParserBase {
  declare expression: ParserMethod<[], Expr>;
  declare comparison: ParserMethod<[], Expr>;

  windowSpecParens = this.RULE('windowSpecParens', (): WindowSpec => {
    this.CONSUME(T.LParen);
    const base = this.OPTION({
      GATE: () => this.isIdentLike(1) && !this.isTok(1, T.Partition) && !this.isTok(1, T.Rows) && !this.isTok(1, T.Range),
      DEF: () => this.SUBRULE(this.identifier),
    });
    const partitionBy: Expr[] = [];
    this.OPTION2(() => {
      this.OR([{ ALT: () => this.CONSUME(T.Partition) }, { ALT: () => this.CONSUME(T.Distribute) }]);
      this.CONSUME(T.By);
      this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => partitionBy.push(this.SUBRULE(this.expression)) });
    });
    const orderBy: SortItem[] = [];
    this.OPTION3(() => {
      this.OR2([{ ALT: () => this.CONSUME(T.Order) }, { ALT: () => this.CONSUME(T.Sort) }]);
      this.CONSUME2(T.By);
      this.AT_LEAST_ONE_SEP2({ SEP: T.Comma, DEF: () => orderBy.push(this.SUBRULE(this.sortItem)) });
    });
    const frame = this.OPTION4(() => this.SUBRULE(this.windowFrame));
    this.CONSUME(T.RParen);
    return {
      kind: 'windowSpec', partitionBy, orderBy,
      ...(base !== undefined ? { base } : {}),
      ...(frame !== undefined ? { frame } : {}),
    };
  });

  windowFrame = this.RULE('windowFrame', (): WindowFrame => {
    const type = this.OR([
      { ALT: () => (this.CONSUME(T.Rows), 'rows' as const) },
      { ALT: () => (this.CONSUME(T.Range), 'range' as const) },
    ]);
    return this.OR2([
      {
        ALT: () => {
          this.CONSUME(T.Between);
          const start = this.SUBRULE(this.frameBound);
          this.CONSUME(T.And);
          const end = this.SUBRULE2(this.frameBound);
          return { type, start, end };
        },
      },
      { ALT: () => ({ type, start: this.SUBRULE3(this.frameBound), end: { kind: 'currentRow' } as FrameBound }) },
    ]);
  });

  frameBound = this.RULE('frameBound', (): FrameBound => {
    return this.OR([
      {
        IGNORE_AMBIGUITIES: true,
        ALT: () => {
          this.CONSUME(T.Unbounded);
          return this.OR2([
            { ALT: () => (this.CONSUME(T.Preceding), { kind: 'unboundedPreceding' }) as FrameBound },
            { ALT: () => (this.CONSUME(T.Following), { kind: 'unboundedFollowing' }) as FrameBound },
          ]);
        },
      },
      { IGNORE_AMBIGUITIES: true, ALT: () => (this.CONSUME(T.Current), this.CONSUME(T.Row), { kind: 'currentRow' }) as FrameBound },
      {
        ALT: () => {
          const offset = this.SUBRULE(this.comparison);
          return this.OR3([
            { ALT: () => (this.CONSUME2(T.Preceding), { kind: 'preceding', offset }) as FrameBound },
            { ALT: () => (this.CONSUME2(T.Following), { kind: 'following', offset }) as FrameBound },
          ]);
        },
      },
    ]);
  });

  sortItem = this.RULE('sortItem', (): SortItem => {
    const expr = this.SUBRULE(this.expression);
    const direction = this.OPTION(() =>
      this.OR([{ ALT: () => (this.CONSUME(T.Asc), 'asc' as const) }, { ALT: () => (this.CONSUME(T.Desc), 'desc' as const) }]),
    ) ?? 'asc';
    const nulls = this.OPTION2(() => {
      this.CONSUME(T.Nulls);
      return this.OR2([{ ALT: () => (this.CONSUME(T.First), 'first' as const) }, { ALT: () => (this.CONSUME(T.Last), 'last' as const) }]);
    });
    return nulls === undefined ? { expr, direction } : { expr, direction, nulls };
  });
}
