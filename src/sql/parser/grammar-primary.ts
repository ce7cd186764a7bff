// Primary expressions: literals, columns, function calls (DISTINCT, FILTER, OVER), CASE, CAST,
// EXTRACT, intervals, lambdas, subqueries and parenthesized rows; window specs and sort items.
import * as T from './tokens.js';
import type { NamePart } from './parser-base.js';
import { WindowParser } from './grammar-window.js';
import type { CaseBranch, Expr, IntervalPart, IntervalUnit, WindowRef } from './ast.js';
import { intervalUnit, numberLiteral, typedLiteral } from './literals.js';
import { parseFailure } from './parse-error.js';

const currentLike = new Set(['current_date', 'current_timestamp', 'current_user']);

export class PrimaryParser extends WindowParser {
  /** An IN keyword at parenthesis depth zero from token i up to the `)` closing the call (`position(a IN s)`). */
  protected inAtDepthOne(i: number): boolean {
    for (let depth = 0; ; i++) {
      const t = this.la(i);
      if (t.tokenType === T.In && depth === 0) return true;
      if (t.tokenType === T.LParen) depth++;
      else if (t.tokenType === T.RParen && depth-- === 0) return false;
      else if (t.image === undefined || t.tokenType.name === 'EOF') return false;
    }
  }

  /** `(a, b) ->` at LA(1). */
  protected opensLambda(): boolean {
    if (!this.isTok(1, T.LParen)) return false;
    let i = 2;
    if (this.isTok(i, T.RParen)) return this.isTok(i + 1, T.Arrow);
    for (;;) {
      if (!this.isIdentLike(i)) return false;
      i++;
      if (this.isTok(i, T.RParen)) return this.isTok(i + 1, T.Arrow);
      if (!this.isTok(i, T.Comma)) return false;
      i++;
    }
  }

  primary = this.RULE('primary', (): Expr => {
    return this.OR([
      {
        ALT: () => {
          const tok = this.CONSUME(T.NumberLiteral);
          return this.ACTION(() => numberLiteral(tok, false));
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.MinusSign);
          const tok = this.CONSUME2(T.NumberLiteral);
          return this.ACTION(() => numberLiteral(tok, true));
        },
      },
      { ALT: () => ({ kind: 'string', value: this.SUBRULE(this.stringLit) }) as Expr },
      { ALT: () => (this.CONSUME(T.True), { kind: 'boolean', value: true }) as Expr },
      { ALT: () => (this.CONSUME(T.False), { kind: 'boolean', value: false }) as Expr },
      { ALT: () => (this.CONSUME(T.Null), { kind: 'null' }) as Expr },
      { ALT: () => this.SUBRULE(this.intervalLiteral) },
      { ALT: () => this.SUBRULE(this.caseExpr) },
      { ALT: () => this.SUBRULE(this.castExpr) },
      {
        IGNORE_AMBIGUITIES: true,
        GATE: () => this.opensQuery(2),
        ALT: () => {
          this.CONSUME(T.Exists);
          this.CONSUME(T.LParen);
          const query = this.SUBRULE(this.query);
          this.CONSUME(T.RParen);
          return { kind: 'exists', query } as Expr;
        },
      },
      { ALT: () => (this.CONSUME2(T.Exists), this.SUBRULE(this.functionTail, { ARGS: [['exists']] })) },
      {
        IGNORE_AMBIGUITIES: true,
        GATE: () => this.opensLambda(),
        ALT: () => {
          const params = this.OR2([
            { GATE: () => this.isTok(2, T.RParen), ALT: () => (this.CONSUME2(T.LParen), this.CONSUME2(T.RParen), [] as string[]) },
            { ALT: () => this.SUBRULE(this.identifierList) },
          ]);
          this.CONSUME(T.Arrow);
          const body = this.SUBRULE(this.expression);
          return { kind: 'lambda', params, body } as Expr;
        },
      },
      {
        IGNORE_AMBIGUITIES: true,
        GATE: () => this.opensQuery(1),
        ALT: () => {
          this.CONSUME3(T.LParen);
          const query = this.SUBRULE2(this.query);
          this.CONSUME3(T.RParen);
          return { kind: 'scalarSubquery', query } as Expr;
        },
      },
      {
        ALT: () => {
          const items: Expr[] = [];
          this.CONSUME4(T.LParen);
          this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => items.push(this.SUBRULE(this.namedExpression)) });
          this.CONSUME4(T.RParen);
          return this.ACTION(() => (items.length === 1 && items[0]!.kind !== 'alias' ? items[0]! : ({ kind: 'row', items } as Expr)));
        },
      },
      { ALT: () => (this.CONSUME(T.Star), { kind: 'star', qualifier: [] }) as Expr },
      {
        ALT: () => {
          const tok = this.OR3([{ ALT: () => this.CONSUME(T.Left) }, { ALT: () => this.CONSUME(T.Right) }]);
          return this.SUBRULE2(this.functionTail, { ARGS: [[tok.image]] });
        },
      },
      {
        IGNORE_AMBIGUITIES: true,
        GATE: () => this.isWord(1, 'extract') && this.isTok(2, T.LParen) && this.isTok(4, T.From),
        ALT: () => {
          this.SUBRULE(this.identifier);
          this.CONSUME5(T.LParen);
          const field = this.SUBRULE2(this.identifier);
          this.CONSUME(T.From);
          const source = this.SUBRULE3(this.expression);
          this.CONSUME5(T.RParen);
          return { kind: 'extract', field, source } as Expr;
        },
      },
      {
        // Spark's `POSITION(substr IN str)` is StringLocate(substr, str), named `locate(substr, str, 1)`
        IGNORE_AMBIGUITIES: true,
        GATE: () => this.isWord(1, 'position') && this.isTok(2, T.LParen) && this.inAtDepthOne(3),
        ALT: () => {
          this.SUBRULE5(this.identifier);
          this.CONSUME6(T.LParen);
          const substr = this.SUBRULE(this.comparison);
          this.CONSUME(T.In);
          const str = this.SUBRULE2(this.comparison);
          this.CONSUME6(T.RParen);
          return { kind: 'function', name: ['locate'], args: [substr, str], distinct: false } as Expr;
        },
      },
      {
        IGNORE_AMBIGUITIES: true,
        GATE: () => this.isIdentLike(1) && this.isTok(2, T.Arrow),
        ALT: () => {
          const param = this.SUBRULE4(this.identifier);
          this.CONSUME2(T.Arrow);
          const body = this.SUBRULE4(this.expression);
          return { kind: 'lambda', params: [param], body } as Expr;
        },
      },
      {
        IGNORE_AMBIGUITIES: true,
        GATE: () => this.isWord(1, 'date', 'timestamp', 'timestamp_ntz', 'timestamp_ltz', 'x') && this.isTok(2, T.StringLiteral),
        ALT: () => {
          const name = this.CONSUME(T.Identifier).image;
          const tok = this.LA(1);
          const value = this.SUBRULE2(this.stringLit);
          return this.ACTION(() => typedLiteral(name, value, tok));
        },
      },
      { ALT: () => this.SUBRULE(this.identifierStart) },
    ]);
  });

  identifierStart = this.RULE('identifierStart', (): Expr => {
    const first = this.SUBRULE(this.namePart);
    return this.SUBRULE(this.identTail, { ARGS: [first] });
  });

  identTail = this.RULE('identTail', (first: NamePart): Expr => {
    const parts: string[] = [];
    this.ACTION(() => parts.push(first.name));
    let star = false;
    this.MANY({
      GATE: () => !star,
      DEF: () => {
        this.CONSUME(T.Dot);
        this.OR([
          { ALT: () => (this.CONSUME(T.Star), (star = true)) },
          { ALT: () => parts.push(this.SUBRULE(this.identifier)) },
        ]);
      },
    });
    return this.OR2([
      { GATE: () => !star, ALT: () => this.SUBRULE(this.functionTail, { ARGS: [parts] }) },
      {
        ALT: () =>
          this.ACTION((): Expr => {
            if (star) return { kind: 'star', qualifier: parts };
            if (parts.length === 1 && !first.quoted && currentLike.has(parts[0]!.toLowerCase())) {
              return { kind: 'function', name: [parts[0]!.toLowerCase()], args: [], distinct: false };
            }
            return { kind: 'column', parts };
          }),
      },
    ]);
  });

  functionTail = this.RULE('functionTail', (name: string[]): Expr => {
    this.CONSUME(T.LParen);
    const distinct =
      this.OPTION(() => this.OR([{ ALT: () => (this.CONSUME(T.Distinct), true) }, { ALT: () => (this.CONSUME(T.All), false) }])) ?? false;
    const args: Expr[] = [];
    this.MANY_SEP({ SEP: T.Comma, DEF: () => args.push(this.SUBRULE(this.functionArg)) });
    this.CONSUME(T.RParen);
    const ignoreNulls = this.OPTION2(() => {
      const v = this.OR2([{ ALT: () => (this.CONSUME(T.Ignore), true) }, { ALT: () => (this.CONSUME(T.Respect), false) }]);
      this.CONSUME(T.Nulls);
      return v;
    });
    const filter = this.OPTION3(() => {
      this.CONSUME(T.Filter);
      this.CONSUME2(T.LParen);
      this.CONSUME(T.Where);
      const f = this.SUBRULE(this.expression);
      this.CONSUME2(T.RParen);
      return f;
    });
    const over = this.OPTION4(() => {
      this.CONSUME(T.Over);
      return this.OR3([
        { ALT: () => ({ kind: 'windowName', name: this.SUBRULE(this.identifier) }) as WindowRef },
        { ALT: () => this.SUBRULE(this.windowSpecParens) as WindowRef },
      ]);
    });
    return this.ACTION((): Expr => ({
      kind: 'function', name, args, distinct,
      ...(filter !== undefined ? { filter } : {}),
      ...(ignoreNulls !== undefined ? { ignoreNulls } : {}),
      ...(over !== undefined ? { over } : {}),
    }));
  });

  functionArg = this.RULE('functionArg', (): Expr => {
    return this.OR([
      {
        IGNORE_AMBIGUITIES: true,
        GATE: () => this.isIdentLike(1) && this.isTok(2, T.FatArrow),
        ALT: () => {
          const name = this.SUBRULE(this.identifier);
          this.CONSUME(T.FatArrow);
          return { kind: 'namedArg', name, value: this.SUBRULE(this.expression) } as Expr;
        },
      },
      { ALT: () => this.SUBRULE(this.namedExpression) },
    ]);
  });

  /** An expression optionally named with `AS name` (struct arguments and row constructors). */
  namedExpression = this.RULE('namedExpression', (): Expr => {
    const expr = this.SUBRULE(this.expression);
    const name = this.OPTION(() => (this.CONSUME(T.As), this.SUBRULE(this.identifier)));
    return name === undefined ? expr : { kind: 'alias', expr, name };
  });

  caseExpr = this.RULE('caseExpr', (): Expr => {
    this.CONSUME(T.Case);
    const operand = this.OPTION(() => this.SUBRULE(this.expression));
    const branches: CaseBranch[] = [];
    this.AT_LEAST_ONE(() => {
      this.CONSUME(T.When);
      const when = this.SUBRULE2(this.expression);
      this.CONSUME(T.Then);
      const then = this.SUBRULE3(this.expression);
      branches.push({ when, then });
    });
    const elseExpr = this.OPTION2(() => (this.CONSUME(T.Else), this.SUBRULE4(this.expression)));
    this.CONSUME(T.End);
    return {
      kind: 'case', branches,
      ...(operand !== undefined ? { operand } : {}),
      ...(elseExpr !== undefined ? { else: elseExpr } : {}),
    };
  });

  castExpr = this.RULE('castExpr', (): Expr => {
    const mode = this.OR([
      { ALT: () => (this.CONSUME(T.Cast), 'cast' as const) },
      { ALT: () => (this.CONSUME(T.TryCast), 'try_cast' as const) },
    ]);
    this.CONSUME(T.LParen);
    const expr = this.SUBRULE(this.expression);
    this.CONSUME(T.As);
    const type = this.SUBRULE(this.dataType);
    this.CONSUME(T.RParen);
    return { kind: 'cast', expr, type, mode };
  });

  intervalLiteral = this.RULE('intervalLiteral', (): Expr => {
    const kwTok = this.CONSUME(T.Interval);
    const parts: IntervalPart[] = [];
    this.AT_LEAST_ONE({
      GATE: () => this.isTok(1, T.StringLiteral) || this.isTok(1, T.NumberLiteral) || (this.isTok(1, T.MinusSign) && this.isTok(2, T.NumberLiteral)),
      DEF: () => {
        const value = this.OR([
          { ALT: () => this.SUBRULE(this.stringLit) },
          { ALT: () => this.CONSUME(T.NumberLiteral).image },
          { ALT: () => (this.CONSUME(T.MinusSign), `-${this.CONSUME2(T.NumberLiteral).image}`) },
        ]);
        const unit = this.OPTION({
          GATE: () => this.isIdentLike(1) && intervalUnit(this.LA(1).image) !== undefined,
          DEF: () => {
            const word = this.SUBRULE(this.identifier);
            return this.ACTION(() => intervalUnit(word)!);
          },
        });
        parts.push({ value, unit: unit ?? null });
      },
    });
    const to = this.OPTION2(() => {
      this.CONSUME(T.To);
      const tok = this.LA(1);
      const word = this.SUBRULE2(this.identifier);
      return this.ACTION((): IntervalUnit => {
        const u = intervalUnit(word);
        if (u === undefined) throw parseFailure(`[PARSE_SYNTAX_ERROR] Invalid interval unit '${word}'.`, tok, []);
        return u;
      });
    });
    this.ACTION(() => {
      if (parts.length > 1 && parts.some((p) => p.unit === null)) {
        throw parseFailure('[PARSE_SYNTAX_ERROR] Every value of a multi-unit interval needs a unit.', kwTok, []);
      }
    });
    return to === undefined ? { kind: 'interval', parts } : { kind: 'interval', parts, to };
  });
}
